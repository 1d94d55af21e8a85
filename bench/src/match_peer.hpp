#pragma once
// One peer of `rapidfire-bench --match`: connects, waits for the word to send match_join,
// confirms the partner proposed, and at match_found notes when and with whom, then closes (the
// pair's room keeps the seats for the grace and expires by itself). Counts whatever goes wrong.
//
// Threading: lives on its worker's thread; the main thread reads the figures only after the
// workers have stopped.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "client_connection.hpp"
#include "match_plan.hpp"

namespace rapidfire::bench {

struct Worker;

class MatchPeer final : public ConnectionListener {
  public:
    using Clock = std::chrono::steady_clock;

    // `index`: the peer's number across the run, for its source address.
    MatchPeer(Worker& worker, std::size_t index, PeerPlan plan);

    // Connects; the welcome frees the peer's place in the connect window.
    void open();
    // Sends match_join (encoded beforehand, so the burst is only sends).
    void join();
    // The run is over: closes politely if the connection is open.
    void close();
    void abort();

    const PeerPlan& plan() const { return plan_; }
    bool welcomed() const { return welcomed_; }
    bool paired() const { return state_ == State::paired; }
    bool gave_up() const { return state_ == State::failed; }
    // Still waiting for a partner (queued or proposed).
    bool waiting() const { return state_ == State::queued || state_ == State::proposed; }
    // Steady-clock stamps: match_join sent, the first match_proposed, match_found.
    std::optional<Clock::time_point> joined_at() const { return joined_at_; }
    std::optional<Clock::time_point> proposed_at() const { return proposed_at_; }
    std::optional<Clock::time_point> found_at() const { return found_at_; }
    int statuses() const { return statuses_; }
    int proposals() const { return proposals_; }
    // From match_found.
    const std::string& partner() const { return partner_; }
    const std::string& room() const { return room_; }
    protocol::MatchRole first_turn() const { return first_turn_; }

    void on_message(const protocol::ServerMessage& message, const Arrival& arrival) override;
    void on_closed(std::string_view why) override;

  private:
    enum class State { idle, connecting, ready, queued, proposed, paired, failed };

    void on_proposed(const protocol::MatchProposed& proposed, const Arrival& arrival);
    void on_found(const protocol::MatchFound& found, const Arrival& arrival);
    // The peer is out: counts `kind` and closes.
    void fail(const std::string& kind);
    void settle();

    Worker& worker_;
    std::size_t index_;
    PeerPlan plan_;
    std::string join_text_;
    std::shared_ptr<ClientConnection> connection_;
    Clock::time_point connect_started_{};
    std::optional<Clock::time_point> joined_at_;
    std::optional<Clock::time_point> proposed_at_;
    std::optional<Clock::time_point> found_at_;
    int statuses_ = 0;
    int proposals_ = 0;
    std::string partner_;
    std::string room_;
    protocol::MatchRole first_turn_ = protocol::MatchRole::either;
    State state_ = State::idle;
    bool welcomed_ = false;
    bool settled_ = false;
};

}  // namespace rapidfire::bench
