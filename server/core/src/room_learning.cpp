// The ratings a finished game gives each player's cards (learning.hpp).

#include <algorithm>

#include "room_ops.hpp"

namespace rapidfire::core::ops {

namespace {

// The time a question allowed: its own limit or the room's in the per-question clock; an even
// share of the run's budget in the total clock.
Millis allowed_ms(const State& s, const PlannedQuestion& planned) {
    if (s.settings.clock == protocol::ClockMode::total &&
        s.settings.kind == protocol::RoomKind::solo) {
        const auto questions = static_cast<Millis>(std::max<std::size_t>(s.game.plan.size(), 1));
        return s.settings.total_seconds * Millis{1000} / questions;
    }
    const int seconds = planned.source->seconds > 0 ? planned.source->seconds : s.settings.seconds;
    return seconds * Millis{1000};
}

}  // namespace

std::vector<learning::QuestionRating> ratings_for(const State& s, const Member& m) {
    std::vector<learning::QuestionRating> ratings;
    if (m.identity.empty())
        return ratings;
    // Questions a solo runner let run out were missed; in a shared room an unanswered question
    // may be one the player was not there for, so only answers count.
    const bool solo = s.settings.kind == protocol::RoomKind::solo;
    const int played = std::min(s.game.questions_played, static_cast<int>(s.game.plan.size()));
    for (int i = 0; i < played; ++i) {
        const PlannedQuestion& planned = s.game.plan[static_cast<std::size_t>(i)];
        const AnswerRecord* answer = m.find_answer(i);
        const bool answered = answer != nullptr && answer->answered;
        if (answered && !answer->verdict && !answer->grade)
            continue;  // never marked: it shows nothing
        if (!answered && !solo)
            continue;
        const auto rating = answered ? learning::rating_of(answer->verdict, answer->grade,
                                                           answer->elapsed, allowed_ms(s, planned))
                                     : fsrs::Rating::again;
        ratings.push_back({planned.source->id, rating});
    }
    return ratings;
}

}  // namespace rapidfire::core::ops
