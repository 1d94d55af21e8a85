#pragma once
// One core::Room on the network: its own strand (every Room call runs there), its timer
// (re-armed to next_wakeup() after every call), and the connections holding its seats. After
// each call it drains the outbox, encodes each message once and queues that one buffer on
// every connection of the audience; each connection gets all its frames of a call in one
// hand-over.

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "connection.hpp"
#include "rapidfire/core/room.hpp"
#include "seat_table.hpp"

namespace rapidfire::net {

struct ServerContext;

class HostedRoom : public std::enable_shared_from_this<HostedRoom> {
  public:
    using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

    HostedRoom(Strand strand, std::unique_ptr<core::Room> room,
               std::shared_ptr<ServerContext> context);
    ~HostedRoom();

    const std::string& code() const { return code_; }

    // Each of these may be called from any thread; the work runs on the room's strand.
    // The creator's seat: delivers room_created to `creator` (`nickname` is for the logs).
    void seat_creator(std::shared_ptr<Connection> creator, std::string nickname);
    void join(std::shared_ptr<Connection> connection, protocol::Join request);
    void resume(std::shared_ptr<Connection> connection, std::string token);
    // A message from the connection that holds `member`.
    void handle(std::shared_ptr<Connection> connection, core::MemberId member,
                protocol::ClientMessage message);
    void disconnected(std::uint64_t connection_id, core::MemberId member);

    // Counts as of the last call, readable from any thread.
    protocol::RoomPhase phase() const { return phase_.load(std::memory_order_relaxed); }
    int players() const { return players_.load(std::memory_order_relaxed); }
    int players_connected() const { return connected_.load(std::memory_order_relaxed); }

  private:
    using SeatHolder = SeatTable::Holder;

    // The outcome of a join or resume: the seat to the connection, or the refusal.
    void take_seat(const std::shared_ptr<Connection>& connection, const core::Seat& seat,
                   protocol::Millis now);
    void refuse(Connection& connection, const protocol::Error& error);
    // Gives `member` to `connection`, taking it from any connection that held it before.
    void seat(core::MemberId member, const std::shared_ptr<Connection>& connection);
    // Sends the outbox, then updates counts, closes the room or re-arms the timer.
    void after_call(protocol::Millis now);
    // Adds `frame` to the pending frames of every connection in the audience.
    void send(const core::Outgoing& outgoing, const Frame& frame);
    // Hands each connection its pending frames in one go; returns how many connections got some.
    std::size_t flush();
    bool flush(SeatHolder& holder);
    void observe(const core::Outgoing& outgoing);
    // Hands the room's journal to the record's writer (solo: with the player's personal best).
    void record();
    void send_personal_best(const core::GameFinished& finished);
    void arm_timer(protocol::Millis now);
    void on_timer();
    void close();

    Strand strand_;
    boost::asio::steady_timer timer_;
    std::shared_ptr<ServerContext> context_;
    std::unique_ptr<core::Room> room_;
    std::string code_;
    SeatTable seats_;                      // connected members only
    std::vector<core::MemberId> pending_;  // the seats with pending frames, in first-sent order
    std::unordered_map<core::MemberId, std::string> nicknames_;  // for log lines
    std::optional<core::MemberId> host_seat_;
    protocol::RoomKind kind_ =
        protocol::RoomKind::quiz;  // the last member seen in the host audience
    std::optional<protocol::Millis> timer_due_;
    std::uint64_t timer_generation_ = 0;
    bool closed_ = false;

    std::atomic<protocol::RoomPhase> phase_{protocol::RoomPhase::lobby};
    std::atomic<int> players_{0};
    std::atomic<int> connected_{0};
};

}  // namespace rapidfire::net
