#pragma once
// One core::Room on the network: its own strand (every Room call runs there), its timer
// (re-armed to next_wakeup() after every call), and the connections holding its seats. After
// each call it drains the outbox, encodes each message once and queues that one buffer on
// every connection of the audience; each connection gets all its frames of a call in one
// hand-over. What the game knows (who is host, nicknames, audiences, counts) it asks the Room;
// it keeps only which connection holds which seat.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "connection.hpp"
#include "metrics.hpp"
#include "rapidfire/core/room.hpp"
#include "room_services.hpp"
#include "seat_table.hpp"

namespace rapidfire::net {

class HostedRoom : public std::enable_shared_from_this<HostedRoom> {
  public:
    using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

    // `services` outlives the room's strand work (the server owns both).
    HostedRoom(Strand strand, std::unique_ptr<core::Room> room, const RoomServices& services);
    ~HostedRoom();

    const std::string& code() const { return code_; }

    // Each of these may be called from any thread; the work runs on the room's strand.
    // Gives the host's seat to the room's creator (room_created follows on the connection).
    void seat_creator(std::shared_ptr<Connection> creator);
    // Seats a matched pair (Room::create_pair): each connection gets its match_found frame,
    // then the room's messages.
    void seat_pair(std::shared_ptr<Connection> interviewer, Frame interviewer_found,
                   std::shared_ptr<Connection> candidate, Frame candidate_found);
    void join(std::shared_ptr<Connection> connection, protocol::Join request);
    void resume(std::shared_ptr<Connection> connection, std::string token);
    // A message from the connection that holds `member`.
    void handle(std::shared_ptr<Connection> connection, core::MemberId member,
                protocol::ClientMessage message);
    void disconnected(std::uint64_t connection_id, core::MemberId member);

  private:
    using SeatHolder = SeatTable::Holder;

    // A join or resume on the strand: `ask` asks the Room for a seat (a closed room refuses
    // with `refusal_when_closed`); `done` names the step in the log.
    template <class Ask>
    void ask_for_seat(std::shared_ptr<Connection> connection, protocol::Error refusal_when_closed,
                      std::string_view done, Ask ask);
    // The outcome of a join or resume: the seat to the connection, or the refusal.
    void take_seat(const std::shared_ptr<Connection>& connection, const core::Seat& seat,
                   protocol::Millis now);
    void refuse(Connection& connection, const protocol::Error& error);
    // Gives `member` to `connection`, taking it from any connection that held it before.
    void seat(core::MemberId member, const std::shared_ptr<Connection>& connection);
    // Sends the outbox, then updates the gauges, closes the room or re-arms the timer.
    void after_call(protocol::Millis now);
    // Adds `frame` to the pending frames of every connection in the audience.
    void send(const core::Outgoing& outgoing, const Frame& frame);
    // Hands each connection its pending frames in one go; returns how many connections got some.
    std::size_t flush();
    bool flush(SeatHolder& holder);
    // Counters and log lines, read off the engine's messages.
    void observe(const core::Outgoing& outgoing);
    // Hands the room's journal to the record's writer; a finished solo run also asks it for
    // the player's personal best, which comes back on the strand once the run is committed.
    void record();
    void ask_personal_best(core::GameFinished run);
    void report_gauge(const std::optional<core::RoomStats>& now);
    // Tells the open rooms the room's line (none: withdrawn) when it differs from the last told.
    void publish_listing(std::optional<core::RoomListing> now);
    void arm_timer(protocol::Millis now);
    void on_timer();
    void close();

    Strand strand_;
    boost::asio::steady_timer timer_;
    const RoomServices& services_;
    std::unique_ptr<core::Room> room_;
    const std::string code_;
    SeatTable seats_;                          // connected members only
    std::vector<core::MemberId> pending_;      // the seats with pending frames, in first-sent order
    std::vector<core::MemberId> audience_;     // scratch: the members of one message's audience
    std::optional<core::RoomStats> gauge_;     // this room's share of the server's gauges
    std::optional<core::RoomListing> listed_;  // what the open rooms show of this room
    std::optional<protocol::Millis> timer_due_;
    std::uint64_t timer_generation_ = 0;
    bool closed_ = false;
};

}  // namespace rapidfire::net
