#pragma once
// A room's host: connects, creates a choice-mode quiz room sized for the bench's players,
// watches the roster until every player is in, starts the game when told and waits for
// game_over. It does not play.

#include <chrono>
#include <memory>
#include <string>

#include <boost/asio/steady_timer.hpp>

#include "client_connection.hpp"

namespace rapidfire::bench {

struct Worker;

class HostRole final : public ConnectionListener {
  public:
    // `slot`: the connection's number across the run, for the choice of source address.
    HostRole(Worker& worker, int room, std::size_t slot);

    // Connects and creates the room.
    void start();
    // Sends start after `delay` (rooms need not all start in the same millisecond).
    void begin_game(std::chrono::milliseconds delay);
    void close();
    void abort();

    // The room code; set before progress.rooms_created counts this host.
    const std::string& code() const { return code_; }
    bool created() const { return !code_.empty(); }
    bool game_over() const { return game_over_; }

    void on_message(const protocol::ServerMessage& message, const Arrival& arrival) override;
    void on_closed(std::string_view why) override;

  private:
    void fail(const std::string& kind);

    Worker& worker_;
    std::shared_ptr<ClientConnection> connection_;
    boost::asio::steady_timer start_timer_;
    std::string code_;
    std::string host_token_;
    int room_;
    std::size_t slot_;
    bool full_ = false;
    bool started_ = false;
    bool game_over_ = false;
    bool failed_ = false;
};

}  // namespace rapidfire::bench
