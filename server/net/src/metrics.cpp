#include "metrics.hpp"

#include <fmt/format.h>

#include "rapidfire/protocol/enums.hpp"

namespace rapidfire::net {

namespace {
constexpr auto relaxed = std::memory_order_relaxed;
}

Metrics::Metrics() : answers_rejected_(protocol::all_error_codes().size()) {}

void Metrics::connection_opened() {
    open_connections_.fetch_add(1, relaxed);
    connections_total_.fetch_add(1, relaxed);
}
void Metrics::connection_closed() {
    open_connections_.fetch_sub(1, relaxed);
}
void Metrics::connection_refused() {
    connections_refused_.fetch_add(1, relaxed);
}
void Metrics::messages_received(std::int64_t count) {
    messages_received_.fetch_add(count, relaxed);
}
void Metrics::messages_sent(std::int64_t count) {
    messages_sent_.fetch_add(count, relaxed);
}
void Metrics::answer_accepted() {
    answers_accepted_.fetch_add(1, relaxed);
}

void Metrics::answer_rejected(protocol::ErrorCode reason) {
    const auto index = static_cast<std::size_t>(reason);
    if (index < answers_rejected_.size())
        answers_rejected_[index].fetch_add(1, relaxed);
}

void Metrics::slow_client_dropped() {
    slow_clients_dropped_.fetch_add(1, relaxed);
}
void Metrics::rate_limited() {
    rate_limited_.fetch_add(1, relaxed);
}
void Metrics::flood_closed() {
    flood_closed_.fetch_add(1, relaxed);
}

void Metrics::broadcast_handed(std::chrono::nanoseconds elapsed) {
    const double seconds = std::chrono::duration<double>(elapsed).count();
    std::size_t bucket = 0;
    while (bucket < bucket_bounds_.size() && seconds > bucket_bounds_[bucket])
        ++bucket;
    broadcast_buckets_[bucket].fetch_add(1, relaxed);
    broadcast_count_.fetch_add(1, relaxed);
    broadcast_nanoseconds_.fetch_add(elapsed.count(), relaxed);
}

void Metrics::room_changed(const std::optional<core::RoomStats>& before,
                           const std::optional<core::RoomStats>& after) {
    auto apply = [this](const core::RoomStats& gauge, std::int64_t sign) {
        const auto phase = static_cast<std::size_t>(gauge.phase);
        if (phase < rooms_by_phase_.size())
            rooms_by_phase_[phase].fetch_add(sign, std::memory_order_relaxed);
        rooms_.fetch_add(sign, std::memory_order_relaxed);
        players_.fetch_add(sign * gauge.players, std::memory_order_relaxed);
        players_connected_.fetch_add(sign * gauge.connected, std::memory_order_relaxed);
    };
    if (before)
        apply(*before, -1);
    if (after)
        apply(*after, +1);
}

RoomCounts Metrics::room_counts() const {
    RoomCounts counts;
    for (std::size_t phase = 0; phase < rooms_by_phase_.size(); ++phase)
        counts.rooms_by_phase[phase] = rooms_by_phase_[phase].load(std::memory_order_relaxed);
    counts.rooms = rooms_.load(std::memory_order_relaxed);
    counts.players = players_.load(std::memory_order_relaxed);
    counts.players_connected = players_connected_.load(std::memory_order_relaxed);
    return counts;
}

std::string Metrics::exposition(std::chrono::seconds uptime) const {
    const RoomCounts rooms = room_counts();
    std::string out;
    auto metric = [&](std::string_view name, std::string_view kind, std::string_view help) {
        fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} {}\n", name, help, name,
                       kind);
    };
    auto value = [&](std::string_view name, std::int64_t v) {
        fmt::format_to(std::back_inserter(out), "{} {}\n", name, v);
    };

    metric("rapidfire_uptime_seconds", "gauge", "Seconds since the server started.");
    value("rapidfire_uptime_seconds", uptime.count());
    metric("rapidfire_connections_open", "gauge", "Open TCP connections (HTTP and WebSocket).");
    value("rapidfire_connections_open", open_connections_.load(relaxed));
    metric("rapidfire_connections_total", "counter", "Connections accepted.");
    value("rapidfire_connections_total", connections_total_.load(relaxed));
    metric("rapidfire_connections_refused_total", "counter",
           "Connections refused because the server was full.");
    value("rapidfire_connections_refused_total", connections_refused_.load(relaxed));

    metric("rapidfire_rooms", "gauge", "Rooms by phase.");
    for (std::size_t phase = 0; phase < rooms.rooms_by_phase.size(); ++phase) {
        const auto name = protocol::name_of(static_cast<protocol::RoomPhase>(phase));
        fmt::format_to(std::back_inserter(out), "rapidfire_rooms{{phase=\"{}\"}} {}\n", name,
                       rooms.rooms_by_phase[phase]);
    }
    metric("rapidfire_players", "gauge", "Seated players in all rooms.");
    value("rapidfire_players", rooms.players);
    metric("rapidfire_players_connected", "gauge", "Seated players with a live connection.");
    value("rapidfire_players_connected", rooms.players_connected);

    metric("rapidfire_messages_received_total", "counter", "WebSocket messages from clients.");
    value("rapidfire_messages_received_total", messages_received_.load(relaxed));
    metric("rapidfire_messages_sent_total", "counter",
           "WebSocket messages queued to clients (a broadcast counts once per recipient).");
    value("rapidfire_messages_sent_total", messages_sent_.load(relaxed));

    metric("rapidfire_answers_accepted_total", "counter", "Answers the engine accepted.");
    value("rapidfire_answers_accepted_total", answers_accepted_.load(relaxed));
    metric("rapidfire_answers_rejected_total", "counter",
           "Answers the engine rejected, by reason.");
    const auto codes = protocol::all_error_codes();
    for (std::size_t i = 0; i < answers_rejected_.size(); ++i) {
        const auto count = answers_rejected_[i].load(relaxed);
        if (count == 0)
            continue;
        fmt::format_to(std::back_inserter(out),
                       "rapidfire_answers_rejected_total{{reason=\"{}\"}} {}\n",
                       protocol::to_string(codes[i]), count);
    }

    metric("rapidfire_slow_clients_dropped_total", "counter",
           "Clients disconnected because their unsent data passed --max-queue-bytes.");
    value("rapidfire_slow_clients_dropped_total", slow_clients_dropped_.load(relaxed));
    metric("rapidfire_rate_limited_total", "counter",
           "Client messages dropped by the per-connection rate limit.");
    value("rapidfire_rate_limited_total", rate_limited_.load(relaxed));
    metric("rapidfire_flood_closed_total", "counter",
           "Connections closed with 1008 for a sustained message flood.");
    value("rapidfire_flood_closed_total", flood_closed_.load(relaxed));

    metric("rapidfire_broadcast_seconds", "histogram",
           "Time to encode one room event's messages and hand them to every recipient "
           "connection (events that reach more than one connection).");
    std::int64_t cumulative = 0;
    for (std::size_t i = 0; i < bucket_bounds_.size(); ++i) {
        cumulative += broadcast_buckets_[i].load(relaxed);
        fmt::format_to(std::back_inserter(out),
                       "rapidfire_broadcast_seconds_bucket{{le=\"{}\"}} {}\n", bucket_bounds_[i],
                       cumulative);
    }
    cumulative += broadcast_buckets_.back().load(relaxed);
    fmt::format_to(std::back_inserter(out),
                   "rapidfire_broadcast_seconds_bucket{{le=\"+Inf\"}} {}\n", cumulative);
    fmt::format_to(std::back_inserter(out), "rapidfire_broadcast_seconds_sum {}\n",
                   static_cast<double>(broadcast_nanoseconds_.load(relaxed)) / 1e9);
    fmt::format_to(std::back_inserter(out), "rapidfire_broadcast_seconds_count {}\n",
                   broadcast_count_.load(relaxed));
    return out;
}

}  // namespace rapidfire::net
