#pragma once
// A player: connects, joins its room by code, answers every question with a random choice
// after a random think time, and finishes at final_result. Measures question fan-out and
// answer acknowledgement latencies and counts whatever goes wrong.

#include <chrono>
#include <memory>
#include <string>

#include <boost/asio/steady_timer.hpp>

#include "client_connection.hpp"

namespace rapidfire::bench {

struct Worker;

class PlayerRole final : public ConnectionListener {
  public:
    // `slot`: the player's number across the run, for the choice of source address.
    PlayerRole(Worker& worker, int room, int index, std::size_t slot);

    // Connects and joins the room `code`.
    void start(std::string code);
    // The run is over: closes politely if the connection is open.
    void close();
    void abort();

    bool finished() const { return state_ == State::finished; }
    bool gave_up() const { return state_ == State::failed; }
    bool started() const { return state_ != State::idle; }

    void on_message(const protocol::ServerMessage& message, const Arrival& arrival) override;
    void on_closed(std::string_view why) override;

  private:
    enum class State { idle, connecting, joining, playing, finished, failed };

    void on_question(const protocol::Question& question, const Arrival& arrival);
    void answer(int question, int choices);
    void fail(const std::string& kind);
    // The player has joined or given up: its place in the connect window is free.
    void settle();

    Worker& worker_;
    std::shared_ptr<ClientConnection> connection_;
    boost::asio::steady_timer think_timer_;
    std::chrono::steady_clock::time_point connect_started_{};
    std::chrono::steady_clock::time_point join_sent_{};
    std::chrono::steady_clock::time_point answer_sent_{};
    std::string code_;
    int room_;
    int index_;
    std::size_t slot_;
    int questions_seen_ = 0;
    int results_seen_ = 0;
    int open_question_ = -1;  // the question waiting for this player's answer
    State state_ = State::idle;
    bool settled_ = false;
    bool awaiting_ack_ = false;
};

}  // namespace rapidfire::bench
