#pragma once
// The matching queue on the network: the engine's Matcher on a strand of its own, its timer,
// and the connections of the players waiting. When two players confirm each other it asks the
// registry for their room and seats them there (match_found, then the room's own messages).
// Like HostedRoom it keeps only which connection holds which ticket; the rest is the matcher's.

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>

#include <boost/asio/steady_timer.hpp>

#include "connection.hpp"
#include "connection_stream.hpp"
#include "metrics.hpp"
#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/matcher.hpp"
#include "room_registry.hpp"
#include "server_clock.hpp"

namespace rapidfire::net {

class MatchLobby : public std::enable_shared_from_this<MatchLobby> {
  public:
    // `rooms`, `clock` and `metrics` outlive the lobby (the server context owns all four).
    MatchLobby(ConnectionStrand strand, std::shared_ptr<const content::Bank> bank,
               core::MatchLimits limits, RoomRegistry& rooms, const ServerClock& clock,
               Metrics& metrics);
    ~MatchLobby();

    // Each may be called from any thread; the work runs on the lobby's strand. The connection
    // hears back through deliver, left_queue (the ticket ended without a room) or seated.
    void join(std::shared_ptr<Connection> connection, protocol::MatchJoin request);
    void leave(std::shared_ptr<Connection> connection);
    void confirm(std::shared_ptr<Connection> connection);
    void disconnected(std::uint64_t connection_id);

    // At shutdown, with the I/O threads stopped: lets go of every connection and the timer.
    void clear();

  private:
    // Runs `call` on the strand, then after_call; `caller` (may be null) hears the answers
    // to its request even when it holds no ticket.
    template <class Call>
    void on_strand(std::shared_ptr<Connection> caller, Call call);
    // Sends the matcher's messages, makes the rooms of pairs, re-arms the timer.
    void after_call(protocol::Millis now, Connection* caller);
    void make_room(core::MatchedPair pair);
    void arm_timer(protocol::Millis now);

    ConnectionStrand strand_;
    std::optional<boost::asio::steady_timer> timer_;
    core::Matcher matcher_;
    RoomRegistry& rooms_;
    const ServerClock& clock_;
    Metrics& metrics_;
    std::unordered_map<core::TicketId, std::shared_ptr<Connection>> tickets_;
    std::optional<protocol::Millis> timer_due_;
    std::uint64_t timer_generation_ = 0;
};

}  // namespace rapidfire::net
