#pragma once
// Counters for /metrics and /healthz. Lock-free: every thread adds to them; the exposition
// reads them without stopping anyone.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rapidfire/core/room.hpp"
#include "rapidfire/protocol/enums.hpp"
#include "rapidfire/protocol/error.hpp"

namespace rapidfire::net {

// The rooms' gauges at the moment of a scrape.
struct RoomCounts {
    std::array<std::int64_t, 6> rooms_by_phase{};  // indexed by protocol::RoomPhase
    std::int64_t rooms = 0;
    std::int64_t players = 0;
    std::int64_t players_connected = 0;
};

class Metrics {
  public:
    Metrics();

    void connection_opened();
    void connection_closed();
    void connection_refused();
    std::int64_t open_connections() const { return open_connections_.load(); }

    void messages_received(std::int64_t count = 1);
    void messages_sent(std::int64_t count);
    void answer_accepted();
    void answer_rejected(protocol::ErrorCode reason);
    void slow_client_dropped();
    void rate_limited();
    void flood_closed();
    // How long one room event took to encode and hand to every recipient connection.
    void broadcast_handed(std::chrono::nanoseconds elapsed);

    // A room's share of the gauges changed: nullopt is no share (before it opened, after it
    // closed). Each room reports its own changes, so the totals need no walk over the rooms.
    void room_changed(const std::optional<core::RoomStats>& before,
                      const std::optional<core::RoomStats>& after);
    RoomCounts room_counts() const;

    // Prometheus text exposition format 0.0.4.
    std::string exposition(std::chrono::seconds uptime) const;

  private:
    static constexpr std::array<double, 12> bucket_bounds_{
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0};

    std::atomic<std::int64_t> open_connections_{0};
    std::atomic<std::int64_t> connections_total_{0};
    std::atomic<std::int64_t> connections_refused_{0};
    std::atomic<std::int64_t> messages_received_{0};
    std::atomic<std::int64_t> messages_sent_{0};
    std::atomic<std::int64_t> answers_accepted_{0};
    std::vector<std::atomic<std::int64_t>> answers_rejected_;  // by ErrorCode
    std::atomic<std::int64_t> slow_clients_dropped_{0};
    std::atomic<std::int64_t> rate_limited_{0};
    std::atomic<std::int64_t> flood_closed_{0};
    std::array<std::atomic<std::int64_t>, bucket_bounds_.size() + 1> broadcast_buckets_{};
    std::atomic<std::int64_t> broadcast_count_{0};
    std::atomic<std::int64_t> broadcast_nanoseconds_{0};
    std::array<std::atomic<std::int64_t>, 6> rooms_by_phase_{};
    std::atomic<std::int64_t> rooms_{0};
    std::atomic<std::int64_t> players_{0};
    std::atomic<std::int64_t> players_connected_{0};
};

}  // namespace rapidfire::net
