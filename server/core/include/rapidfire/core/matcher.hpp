#pragma once
// The queue of players looking for a mock-interview partner, and the rules that pair them
// (GAME.md "Finding a partner"). Plain C++ with the time passed in, like Room: the shell calls
// the functions as messages arrive, tick(now) when next_wakeup() is due, and after every call
// sends take_outbox() and makes a room for each of take_pairs().
//
// Threading: not thread-safe; the shell uses one matcher from one strand.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/room.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core {

// Who is waiting: the shell's connection id. A ticket lives as long as its connection.
using TicketId = std::uint64_t;

struct MatchLimits {
    std::size_t max_tickets = 10'000;   // waiting or proposed; past it joins get queue_full
    Millis confirm_ms = 20'000;         // to answer match_proposed
    Millis wider_after_ms = 30'000;     // a wait after which neighbouring levels are accepted
    Millis status_interval_ms = 1'000;  // the most often one player gets match_status
    // Statuses go out at most this many a second in all: a long queue is told less often.
    int status_budget_per_s = 4'000;
    std::size_t remembered_pairs = 100'000;  // pairs kept to avoid pairing the same two again
};

// A message for one ticket. `ended`: the ticket is gone after it, without a room (the join was
// refused, the player left, declined or did not confirm in time).
struct MatchOutgoing {
    TicketId to = 0;
    protocol::ServerMessage message;
    bool ended = false;
};

// Two players who both confirmed: the shell makes their room (Room::create_pair) and seats
// them. Their tickets are gone from the matcher.
struct MatchedPair {
    TicketId interviewer = 0;
    TicketId candidate = 0;
    PairSpec spec;
};

class Matcher {
  public:
    Matcher(std::shared_ptr<const content::Bank> bank, MatchLimits limits);
    ~Matcher();
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;

    // Queues the player and answers with match_status, or refuses with an error.
    void join(TicketId ticket, const protocol::MatchJoin& request, Millis now);
    // Leaves the queue, or declines the partner proposed.
    void leave(TicketId ticket, Millis now);
    // Accepts the partner proposed.
    void confirm(TicketId ticket, Millis now);
    // The ticket's connection is gone: as leave, without a reply.
    void disconnected(TicketId ticket, Millis now);

    void tick(Millis now);
    std::optional<Millis> next_wakeup() const;

    std::vector<MatchOutgoing> take_outbox();
    std::vector<MatchedPair> take_pairs();

    std::size_t waiting() const { return order_.size(); }
    std::size_t proposed() const { return tickets_.size() - order_.size(); }

  private:
    struct Ticket;
    struct Proposal;
    using Order = std::pair<std::int64_t, TicketId>;  // queue place, then id

    // An error that leaves the ticket as it is (or the connection without one).
    void answer_error(TicketId ticket, protocol::ErrorCode code, std::string message,
                      std::string_view request);
    // A join refused: the ticket ends.
    void refuse(TicketId ticket, protocol::ErrorCode code, std::string message,
                std::string field = {});
    // Tries to pair `ticket` (waiting) with the best partner waiting; true if proposed.
    bool try_pair(Ticket& ticket, Millis now);
    bool compatible(const Ticket& a, const Ticket& b, Millis now) const;
    void propose(Ticket& a, Ticket& b, Millis now);
    // The proposal of `ticket` falls through; its partner goes back to the front of the queue.
    void break_proposal(Ticket& ticket, protocol::Requeued why, Millis now);
    void requeue_front(Ticket& ticket, protocol::Requeued why, Millis now);
    void add_waiting(Ticket& ticket);
    void remove_waiting(Ticket& ticket);
    void erase(TicketId ticket);
    void expire_proposals(Millis now);
    void widen_levels(Millis now);
    // Sends every waiting player whose status changed, at most once per interval.
    void mark_status(Millis now);
    void send_statuses(Millis now);
    protocol::MatchStatus status_of(const Ticket& ticket, int position) const;
    void send_status_now(Ticket& ticket);
    Millis status_interval() const;
    bool met_before(const Ticket& a, const Ticket& b) const;
    void remember_pair(const Ticket& a, const Ticket& b);
    int questions_for(const std::vector<std::string>& topics) const;

    std::shared_ptr<const content::Bank> bank_;
    MatchLimits limits_;
    std::set<std::string> bank_topics_;
    std::unordered_map<TicketId, std::unique_ptr<Ticket>> tickets_;
    std::set<Order> order_;                        // waiting tickets, the front first
    std::int64_t front_ = 0;                       // places before every other: requeued tickets
    std::int64_t back_ = 0;                        // places after every other: new tickets
    std::map<std::string, int> waiting_by_topic_;  // waiting tickets that asked for a topic
    int waiting_any_topic_ = 0;                    // waiting tickets that asked for none
    // Proposals by the time they expire.
    std::set<std::pair<Millis, TicketId>> confirm_deadlines_;
    // Waiting tickets with a level, by when they start accepting neighbouring levels.
    std::set<std::pair<Millis, TicketId>> widenings_;
    std::optional<Millis> status_due_;
    Millis last_status_sweep_ = 0;
    // Pairs made, as "person a" + '\n' + "person b" (sorted), oldest first.
    std::deque<std::string> pairs_made_;
    std::unordered_map<std::string, int> pair_counts_;
    mutable std::unordered_map<std::string, int> questions_by_topics_;
    std::vector<MatchOutgoing> outbox_;
    std::vector<MatchedPair> pairs_;
};

}  // namespace rapidfire::core
