#include "rapidfire/core/matcher.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <tuple>

#include "rapidfire/common/text.hpp"
#include "rapidfire/core/identity.hpp"
#include "rapidfire/core/round_plan.hpp"
#include "room_ops.hpp"

namespace rapidfire::core {

using protocol::ErrorCode;
using protocol::Level;
using protocol::MatchRole;

struct Matcher::Ticket {
    TicketId id = 0;
    std::string nickname;
    std::optional<std::string> identity;
    // Who the player is, to avoid pairing the same two again: the identity's digest, or the
    // nickname for a player who gave no identity.
    std::string person;
    std::string folded;               // the nickname's key (a room's nicknames are unique)
    std::vector<std::string> topics;  // sorted, each once; empty: any
    std::optional<Level> level;
    MatchRole role = MatchRole::either;
    Millis joined_at = 0;
    Order order{};
    bool waiting = false;
    bool widened = false;  // accepts neighbouring levels

    // An open proposal.
    TicketId partner = 0;
    bool confirmed = false;
    Millis confirm_by = 0;
    bool interviews_first = false;

    std::optional<protocol::MatchStatus> last_status;
    std::optional<protocol::Requeued> requeued;  // said in the next status
};

namespace {

int level_distance(const std::optional<Level>& a, const std::optional<Level>& b) {
    if (!a || !b)
        return 0;
    return std::abs(static_cast<int>(*a) - static_cast<int>(*b));
}

// The topics two players share; empty stands for any.
std::vector<std::string> shared_topics(const std::vector<std::string>& a,
                                       const std::vector<std::string>& b) {
    if (a.empty())
        return b;
    if (b.empty())
        return a;
    std::vector<std::string> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return both;
}

bool roles_fit(MatchRole a, MatchRole b) {
    return a == MatchRole::either || b == MatchRole::either || a != b;
}

bool same_status(const protocol::MatchStatus& a, const protocol::MatchStatus& b) {
    if (a.position != b.position || a.waiting != b.waiting || a.wider_at != b.wider_at ||
        a.topics.size() != b.topics.size())
        return false;
    for (std::size_t i = 0; i < a.topics.size(); ++i) {
        if (a.topics[i].topic != b.topics[i].topic || a.topics[i].waiting != b.topics[i].waiting)
            return false;
    }
    return true;
}

}  // namespace

Matcher::Matcher(std::shared_ptr<const content::Bank> bank, MatchLimits limits)
    : bank_(std::move(bank)), limits_(limits) {
    for (const auto& question : bank_->questions)
        bank_topics_.insert(question.topics.begin(), question.topics.end());
}

Matcher::~Matcher() = default;

void Matcher::answer_error(TicketId ticket, ErrorCode code, std::string message,
                           std::string_view request) {
    outbox_.push_back({ticket, protocol::make_error(code, std::move(message), request), false});
}

void Matcher::refuse(TicketId ticket, ErrorCode code, std::string message, std::string field) {
    outbox_.push_back(
        {ticket, protocol::make_error(code, std::move(message), protocol::MatchJoin::type, field),
         true});
}

void Matcher::join(TicketId id, const protocol::MatchJoin& request, Millis now) {
    if (tickets_.count(id) != 0) {
        // Still queued: the first ticket stands.
        return answer_error(id, ErrorCode::already_queued, "you are already waiting for a partner",
                            protocol::MatchJoin::type);
    }
    auto nickname = ops::clean_nickname(request.nickname, protocol::MatchJoin::type);
    if (auto* error = std::get_if<protocol::Error>(&nickname)) {
        outbox_.push_back({id, std::move(*error), true});
        return;
    }
    if (request.identity && !protocol::is_valid_identity(*request.identity)) {
        return refuse(id, ErrorCode::out_of_range,
                      "an identity is 22 to 128 characters of A-Z a-z 0-9 _ -", "identity");
    }
    std::vector<std::string> topics;
    for (std::size_t i = 0; i < request.topics.size(); ++i) {
        if (bank_topics_.count(request.topics[i]) == 0) {
            return refuse(id, ErrorCode::unknown_topic,
                          "no question has the topic '" + request.topics[i] + "'",
                          "topics[" + std::to_string(i) + "]");
        }
        topics.push_back(request.topics[i]);
    }
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    if (questions_for(topics) < 2) {
        // Two turns need two questions at least.
        return refuse(id, ErrorCode::invalid_settings,
                      "these topics hold fewer than two questions: add another topic", "topics");
    }
    if (tickets_.size() >= limits_.max_tickets) {
        return refuse(id, ErrorCode::queue_full,
                      "too many players are waiting for a partner; try again in a minute");
    }

    auto ticket = std::make_unique<Ticket>();
    ticket->id = id;
    ticket->nickname = std::get<std::string>(std::move(nickname));
    ticket->identity = request.identity;
    ticket->folded = common::fold_nickname(ticket->nickname);
    ticket->person =
        request.identity ? identity_digest(*request.identity) : "nickname:" + ticket->folded;
    ticket->topics = std::move(topics);
    ticket->level = request.level;
    ticket->role = request.role.value_or(MatchRole::either);
    ticket->joined_at = now;
    ticket->order = {++back_, id};
    ticket->widened = !ticket->level;
    Ticket& queued = *tickets_.emplace(id, std::move(ticket)).first->second;
    add_waiting(queued);
    if (!queued.widened)
        widenings_.emplace(now + limits_.wider_after_ms, id);
    if (!try_pair(queued, now))
        send_status_now(queued);
    mark_status(now);
}

void Matcher::leave(TicketId id, Millis now) {
    const auto it = tickets_.find(id);
    if (it == tickets_.end()) {
        return answer_error(id, ErrorCode::not_queued, "you are not waiting for a partner",
                            protocol::MatchLeave::type);
    }
    Ticket& ticket = *it->second;
    const bool declined = ticket.partner != 0;
    if (declined)
        break_proposal(ticket, protocol::Requeued::partner_declined, now);
    outbox_.push_back({id,
                       protocol::MatchLeft{declined ? protocol::MatchLeftReason::declined
                                                    : protocol::MatchLeftReason::left},
                       true});
    erase(id);
    mark_status(now);
}

void Matcher::confirm(TicketId id, Millis /*now*/) {
    const auto it = tickets_.find(id);
    if (it == tickets_.end()) {
        return answer_error(id, ErrorCode::not_queued, "you are not waiting for a partner",
                            protocol::MatchConfirm::type);
    }
    Ticket& ticket = *it->second;
    if (ticket.partner == 0) {
        return answer_error(id, ErrorCode::wrong_state, "no partner has been proposed yet",
                            protocol::MatchConfirm::type);
    }
    ticket.confirmed = true;
    Ticket& partner = *tickets_.at(ticket.partner);
    if (!partner.confirmed)
        return;

    Ticket& interviewer = ticket.interviews_first ? ticket : partner;
    Ticket& candidate = ticket.interviews_first ? partner : ticket;
    MatchedPair pair;
    pair.interviewer = interviewer.id;
    pair.candidate = candidate.id;
    pair.spec.interviewer = {interviewer.nickname, interviewer.identity};
    pair.spec.candidate = {candidate.nickname, candidate.identity};
    pair.spec.topics = shared_topics(interviewer.topics, candidate.topics);
    pairs_.push_back(std::move(pair));
    remember_pair(interviewer, candidate);
    confirm_deadlines_.erase({ticket.confirm_by, std::min(ticket.id, partner.id)});
    const TicketId other = partner.id;
    erase(id);
    erase(other);
}

void Matcher::disconnected(TicketId id, Millis now) {
    const auto it = tickets_.find(id);
    if (it == tickets_.end())
        return;
    if (it->second->partner != 0)
        break_proposal(*it->second, protocol::Requeued::partner_gone, now);
    erase(id);
    mark_status(now);
}

void Matcher::tick(Millis now) {
    expire_proposals(now);
    widen_levels(now);
    if (status_due_ && *status_due_ <= now)
        send_statuses(now);
}

std::optional<Millis> Matcher::next_wakeup() const {
    std::optional<Millis> next = status_due_;
    auto earlier = [&](Millis at) {
        if (!next || at < *next)
            next = at;
    };
    if (!confirm_deadlines_.empty())
        earlier(confirm_deadlines_.begin()->first);
    if (!widenings_.empty())
        earlier(widenings_.begin()->first);
    return next;
}

std::vector<MatchOutgoing> Matcher::take_outbox() {
    return std::exchange(outbox_, {});
}

std::vector<MatchedPair> Matcher::take_pairs() {
    return std::exchange(pairs_, {});
}

bool Matcher::try_pair(Ticket& ticket, Millis now) {
    // The oldest waiting partner who fits; one never met before ahead of one met before, and
    // one at the same level ahead of one at a neighbouring level.
    Ticket* best = nullptr;
    std::pair<bool, int> best_rank{};
    for (const auto& [place, id] : order_) {
        if (id == ticket.id)
            continue;
        Ticket& other = *tickets_.at(id);
        if (!compatible(ticket, other, now))
            continue;
        const std::pair<bool, int> rank{met_before(ticket, other),
                                        level_distance(ticket.level, other.level)};
        if (best == nullptr || rank < best_rank) {
            best = &other;
            best_rank = rank;
            if (rank == std::pair<bool, int>{false, 0})
                break;
        }
    }
    if (best == nullptr)
        return false;
    propose(ticket, *best, now);
    return true;
}

bool Matcher::compatible(const Ticket& a, const Ticket& b, Millis now) const {
    // Two people of one nickname would be one name twice in their room: each waits for another.
    if (a.person == b.person || a.folded == b.folded || !roles_fit(a.role, b.role))
        return false;
    const int distance = level_distance(a.level, b.level);
    if (distance > 1)
        return false;
    if (distance == 1) {
        // The one who has waited longer decides whether the wait has been long enough.
        const Millis oldest = std::min(a.joined_at, b.joined_at);
        if (now - oldest < limits_.wider_after_ms)
            return false;
    }
    const auto topics = shared_topics(a.topics, b.topics);
    // Empty stands for any topic only when one of them asked for any.
    if (topics.empty() && !a.topics.empty() && !b.topics.empty())
        return false;
    return questions_for(topics) >= 2;
}

void Matcher::propose(Ticket& a, Ticket& b, Millis now) {
    remove_waiting(a);
    remove_waiting(b);
    // Who asked to interview first does; with both open to either, the one who waited longer.
    bool a_first = a.order < b.order;
    if (a.role == MatchRole::interviewer || b.role == MatchRole::candidate)
        a_first = true;
    else if (b.role == MatchRole::interviewer || a.role == MatchRole::candidate)
        a_first = false;
    const Millis confirm_by = now + limits_.confirm_ms;
    const auto topics = shared_topics(a.topics, b.topics);
    for (auto [self, other, first] : {std::tuple{&a, &b, a_first}, std::tuple{&b, &a, !a_first}}) {
        self->partner = other->id;
        self->confirmed = false;
        self->confirm_by = confirm_by;
        self->interviews_first = first;
        self->requeued.reset();
        self->last_status.reset();
        outbox_.push_back(
            {self->id,
             protocol::MatchProposed{other->nickname,
                                     first ? MatchRole::interviewer : MatchRole::candidate, topics,
                                     other->level, confirm_by},
             false});
    }
    confirm_deadlines_.emplace(confirm_by, std::min(a.id, b.id));
}

void Matcher::break_proposal(Ticket& ticket, protocol::Requeued why, Millis now) {
    Ticket& partner = *tickets_.at(ticket.partner);
    confirm_deadlines_.erase({ticket.confirm_by, std::min(ticket.id, partner.id)});
    ticket.partner = 0;
    requeue_front(partner, why, now);
}

void Matcher::requeue_front(Ticket& ticket, protocol::Requeued why, Millis now) {
    ticket.partner = 0;
    ticket.confirmed = false;
    ticket.order = {--front_, ticket.id};
    ticket.requeued = why;
    add_waiting(ticket);
    if (!try_pair(ticket, now))
        send_status_now(ticket);
}

void Matcher::add_waiting(Ticket& ticket) {
    ticket.waiting = true;
    order_.insert(ticket.order);
    if (ticket.topics.empty()) {
        ++waiting_any_topic_;
    } else {
        for (const auto& topic : ticket.topics)
            ++waiting_by_topic_[topic];
    }
}

void Matcher::remove_waiting(Ticket& ticket) {
    if (!ticket.waiting)
        return;
    ticket.waiting = false;
    order_.erase(ticket.order);
    if (ticket.topics.empty()) {
        --waiting_any_topic_;
    } else {
        for (const auto& topic : ticket.topics) {
            const auto it = waiting_by_topic_.find(topic);
            if (--it->second == 0)
                waiting_by_topic_.erase(it);
        }
    }
}

void Matcher::erase(TicketId id) {
    const auto it = tickets_.find(id);
    if (it == tickets_.end())
        return;
    Ticket& ticket = *it->second;
    remove_waiting(ticket);
    if (!ticket.widened)
        widenings_.erase({ticket.joined_at + limits_.wider_after_ms, id});
    tickets_.erase(it);
}

void Matcher::expire_proposals(Millis now) {
    while (!confirm_deadlines_.empty() && confirm_deadlines_.begin()->first <= now) {
        const TicketId id = confirm_deadlines_.begin()->second;
        confirm_deadlines_.erase(confirm_deadlines_.begin());
        Ticket& one = *tickets_.at(id);
        Ticket& two = *tickets_.at(one.partner);
        for (Ticket* late : {&one, &two}) {
            if (!late->confirmed)
                outbox_.push_back(
                    {late->id, protocol::MatchLeft{protocol::MatchLeftReason::no_show}, true});
        }
        // Whoever confirmed goes back to the front; whoever did not leaves the queue.
        Ticket* kept = one.confirmed ? &one : (two.confirmed ? &two : nullptr);
        const TicketId one_id = one.id;
        const TicketId two_id = two.id;
        if (kept != nullptr) {
            const TicketId gone = kept->id == one_id ? two_id : one_id;
            erase(gone);
            requeue_front(*kept, protocol::Requeued::partner_no_show, now);
        } else {
            erase(one_id);
            erase(two_id);
        }
        mark_status(now);
    }
}

void Matcher::widen_levels(Millis now) {
    // In the order they joined, so the longest waiting is paired first.
    while (!widenings_.empty() && widenings_.begin()->first <= now) {
        const TicketId id = widenings_.begin()->second;
        widenings_.erase(widenings_.begin());
        Ticket& ticket = *tickets_.at(id);
        ticket.widened = true;
        if (ticket.waiting && try_pair(ticket, now))
            mark_status(now);
    }
}

Millis Matcher::status_interval() const {
    const auto by_budget =
        static_cast<Millis>(order_.size()) * 1000 / std::max(1, limits_.status_budget_per_s);
    return std::max(limits_.status_interval_ms, by_budget);
}

void Matcher::mark_status(Millis now) {
    if (status_due_ || order_.empty())
        return;
    status_due_ = std::max(now, last_status_sweep_ + status_interval());
}

void Matcher::send_statuses(Millis now) {
    status_due_.reset();
    last_status_sweep_ = now;
    int position = 0;
    for (const auto& [place, id] : order_) {
        Ticket& ticket = *tickets_.at(id);
        auto status = status_of(ticket, ++position);
        if (ticket.last_status && same_status(*ticket.last_status, status))
            continue;
        ticket.last_status = status;
        outbox_.push_back({id, std::move(status), false});
    }
}

void Matcher::send_status_now(Ticket& ticket) {
    int position = 0;
    for (const auto& [place, id] : order_) {
        ++position;
        if (id == ticket.id)
            break;
    }
    auto status = status_of(ticket, position);
    status.requeued = std::exchange(ticket.requeued, std::nullopt);
    ticket.last_status = status;
    outbox_.push_back({ticket.id, std::move(status), false});
}

protocol::MatchStatus Matcher::status_of(const Ticket& ticket, int position) const {
    protocol::MatchStatus status;
    status.position = position;
    status.waiting = static_cast<int>(order_.size());
    auto count = [&](const std::string& topic) {
        const auto it = waiting_by_topic_.find(topic);
        return (it == waiting_by_topic_.end() ? 0 : it->second) + waiting_any_topic_;
    };
    if (ticket.topics.empty()) {
        for (const auto& topic : bank_topics_) {
            if (const int n = count(topic); n > 0)
                status.topics.push_back({topic, n});
        }
    } else {
        for (const auto& topic : ticket.topics)
            status.topics.push_back({topic, count(topic)});
    }
    if (ticket.level)
        status.wider_at = ticket.joined_at + limits_.wider_after_ms;
    return status;
}

bool Matcher::met_before(const Ticket& a, const Ticket& b) const {
    const auto key = a.person < b.person ? a.person + '\n' + b.person : b.person + '\n' + a.person;
    return pair_counts_.count(key) != 0;
}

void Matcher::remember_pair(const Ticket& a, const Ticket& b) {
    auto key = a.person < b.person ? a.person + '\n' + b.person : b.person + '\n' + a.person;
    ++pair_counts_[key];
    pairs_made_.push_back(std::move(key));
    if (pairs_made_.size() > limits_.remembered_pairs) {
        const auto it = pair_counts_.find(pairs_made_.front());
        if (--it->second == 0)
            pair_counts_.erase(it);
        pairs_made_.pop_front();
    }
}

int Matcher::questions_for(const std::vector<std::string>& topics) const {
    std::string key;
    for (const auto& topic : topics)
        key += topic + '\n';
    const auto it = questions_by_topics_.find(key);
    if (it != questions_by_topics_.end())
        return it->second;
    const int count = count_matching(*bank_, topics);
    // Bounded: at most one entry per distinct topic set asked for.
    if (questions_by_topics_.size() < 10'000)
        questions_by_topics_.emplace(std::move(key), count);
    return count;
}

}  // namespace rapidfire::core
