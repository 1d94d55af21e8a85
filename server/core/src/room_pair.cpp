// A matched pair's room (Room::create_pair): the first turn starts at once; when it is over, a
// break, then the roles swap by themselves for a second turn with questions the first did not
// ask; then feedback (room_feedback.cpp).

#include <algorithm>

#include "room_ops.hpp"

namespace rapidfire::core::ops {

using namespace protocol;
using Stage = PairTurns::Stage;

namespace {

// A side who left, or whose seat lapsed, cannot take a turn or read feedback.
bool seated(const Member& m) {
    return m.active && !m.gone;
}

// The pair is over before its end because `gone` is: the side still here is told.
void end_pair_early(State& s, const Member& gone) {
    s.pair->stage = Stage::over;
    const Member& other = partner_of(s, gone);
    if (seated(other))
        emit(s, Audience::to(other.id), PairEnded{gone.nickname});
}

bool questions_left(const State& s) {
    return count_matching(*s.deps.bank, s.settings.topics) > static_cast<int>(s.pair->asked.size());
}

// The candidate takes the host seat with a token of their own, connected or not: the turns run
// by themselves, and a host who is away pauses the game as in any room.
void swap_roles(State& s) {
    Member& interviewer = *s.find(s.host_id);
    Member& candidate = *s.find(s.host_id == 1 ? 2 : 1);
    interviewer.host = false;
    interviewer.player = true;
    ++s.active_players;
    candidate.host = true;
    candidate.player = false;
    --s.active_players;
    s.host_id = candidate.id;
    s.host_token = make_token(*s.deps.entropy);
    s.host_gone_at.reset();
    if (!candidate.connected)
        s.host_gone_at = candidate.disconnected_at;  // the grace runs from the drop
}

// Joined for every side that is here; the host's carries the host token (as after a rematch).
void send_joined(State& s) {
    for (const auto& m : s.members) {
        if (!m.active || !m.connected)
            continue;
        Joined joined = joined_message(s, m, false);
        if (m.host)
            joined.host_token = s.host_token;
        emit(s, Audience::to(m.id), std::move(joined));
    }
}

void start_second_turn(State& s, Millis now) {
    for (const auto& m : s.members) {
        if (!seated(m))
            return end_pair_early(s, m);
    }
    if (!questions_left(s)) {
        request_feedback(s, now);
        return;
    }
    swap_roles(s);
    for (auto& m : s.members)
        m.score = {};
    s.game = Game{};
    s.pair->stage = Stage::second_turn;
    send_joined(s);
    send_host_list(s);
    start_game(s, now);
    if (s.host_gone_at) {
        pause(s, PauseReason::host_disconnected, now);
        const Millis left = *s.host_gone_at + s.deps.limits.resume_grace_ms - now;
        emit(s, Audience::players(), HostStatus{false, std::max<Millis>(0, left)});
    }
}

}  // namespace

const Member& partner_of(const State& s, const Member& m) {
    return *s.find(m.id == pair_interviewer ? pair_candidate : pair_interviewer);
}

void begin_pair(State& s, Millis now) {
    s.pair.emplace();
    send_joined(s);
    send_host_list(s);
    start_game(s, now);
}

std::vector<PlannedQuestion> plan_game(const State& s, Millis now) {
    if (s.settings.review) {
        auto order = review_order(s, now);
        if (!order.empty())
            return plan_listed(*s.deps.bank, s.settings, order);
        // Everything was reviewed and nothing is due: a rematch is an ordinary run.
    }
    if (s.pair && !s.pair->asked.empty())
        return plan_round_without(*s.deps.bank, s.settings, s.pair->asked);
    return plan_round(*s.deps.bank, s.settings);
}

void pair_turn_over(State& s, EndReason reason, Millis now) {
    PairTurns& pair = *s.pair;
    if (reason == EndReason::host_gone) {
        // The interviewer left or their seat lapsed: nobody is left to swap with.
        return end_pair_early(s, *s.find(s.host_id));
    }
    if (pair.stage == Stage::first_turn) {
        // Asked: every question that was opened, answered or not.
        const int opened = std::min(s.game.current + 1, static_cast<int>(s.game.plan.size()));
        for (int i = 0; i < opened; ++i)
            pair.asked.push_back(s.game.plan[i].source->id);
        pair.stage = Stage::between_turns;
        pair.swap_at = now + s.deps.limits.pair_break_ms;
    } else if (pair.stage == Stage::second_turn) {
        request_feedback(s, now);
    }
}

void run_pair_timers(State& s, Millis now) {
    if (!s.pair)
        return;
    if (s.pair->stage == Stage::between_turns && now >= s.pair->swap_at)
        start_second_turn(s, now);
    if (s.pair->stage == Stage::feedback && now >= s.pair->feedback_deadline)
        exchange_feedback(s);
}

std::optional<Millis> pair_wakeup(const State& s) {
    if (!s.pair)
        return std::nullopt;
    switch (s.pair->stage) {
        case Stage::between_turns:
            return s.pair->swap_at;
        case Stage::feedback:
            return s.pair->feedback_deadline;
        case Stage::first_turn:
        case Stage::second_turn:
        case Stage::over:
            break;
    }
    return std::nullopt;
}

}  // namespace rapidfire::core::ops
