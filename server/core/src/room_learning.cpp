// The ratings a game gives each player's cards (learning.hpp), and a review run's cards.

#include <algorithm>

#include "room_ops.hpp"

namespace rapidfire::core::ops {

namespace {

// The time a question allowed: its own or the room's on a per-question clock; an even share
// of the run's budget on a solo run's total clock.
Millis allowed_ms(const State& s, const PlannedQuestion& planned) {
    if (s.settings.clock == protocol::ClockMode::total &&
        s.settings.kind == protocol::RoomKind::solo) {
        const auto questions = static_cast<Millis>(std::max<std::size_t>(s.game.plan.size(), 1));
        return s.settings.total_seconds * Millis{1000} / questions;
    }
    return question_seconds(*planned.source, s.settings) * Millis{1000};
}

// How question `index` rates `m`'s card, if it does: an answer once marked; in a solo run a
// question left unanswered is missed (in a shared room the player may not have been there).
std::optional<fsrs::Rating> rating_for(const State& s, const Member& m, int index) {
    const PlannedQuestion& planned = s.game.plan[static_cast<std::size_t>(index)];
    const AnswerRecord* answer = m.find_answer(index);
    if (answer == nullptr || !answer->answered) {
        if (s.settings.kind == protocol::RoomKind::solo)
            return fsrs::Rating::again;
        return std::nullopt;
    }
    if (!answer->verdict && !answer->grade)
        return std::nullopt;  // never marked: it shows nothing
    return learning::rating_of(answer->verdict, answer->grade, answer->elapsed,
                               allowed_ms(s, planned));
}

}  // namespace

std::vector<learning::QuestionRating> ratings_for(const State& s, const Member& m) {
    std::vector<learning::QuestionRating> ratings;
    if (m.identity.empty())
        return ratings;
    const int played = std::min(s.game.questions_played, static_cast<int>(s.game.plan.size()));
    for (int i = 0; i < played; ++i) {
        if (const auto rating = rating_for(s, m, i))
            ratings.push_back({s.game.plan[static_cast<std::size_t>(i)].source->id, *rating});
    }
    return ratings;
}

std::vector<std::string> review_order(const State& s, Millis now) {
    std::vector<learning::StoredCard> cards;
    cards.reserve(s.review_cards.size());
    for (const auto& [question, card] : s.review_cards)
        cards.push_back({question, card});
    return learning::review_order(*s.deps.bank, s.settings.topics, cards, now,
                                  s.settings.questions);
}

void review_answers(State& s, Millis now) {
    if (!s.settings.review)
        return;
    const int index = s.game.current;
    const std::string& question = s.game.plan[static_cast<std::size_t>(index)].source->id;
    for (auto& m : s.members) {
        if (!m.player || !m.score.in_game || m.identity.empty())
            continue;
        const auto rating = rating_for(s, m, index);
        if (!rating)
            continue;
        const auto known = s.review_cards.find(question);
        const fsrs::Card before =
            known == s.review_cards.end() ? fsrs::new_card(now) : known->second;
        const fsrs::Card after = fsrs::review(before, *rating, now);
        s.review_cards.insert_or_assign(question, after);
        m.answer(index).reviewed = after;
    }
}

}  // namespace rapidfire::core::ops
