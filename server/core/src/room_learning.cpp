// What a game gives each player's cards (learning.hpp): the ratings reveal_results recorded,
// and in a review run the runner's cards moved by them.

#include <algorithm>

#include "room_ops.hpp"

namespace rapidfire::core::ops {

std::vector<learning::QuestionRating> ratings_for(const State& s, const Member& m) {
    std::vector<learning::QuestionRating> ratings;
    const int played = std::min(s.game.questions_played, static_cast<int>(s.game.plan.size()));
    for (int i = 0; i < played; ++i) {
        const AnswerRecord* answer = m.find_answer(i);
        if (answer != nullptr && answer->rating) {
            ratings.push_back(
                {s.game.plan[static_cast<std::size_t>(i)].source->id, *answer->rating});
        }
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
        AnswerRecord* answer = m.player && m.score.in_game ? &m.answer(index) : nullptr;
        if (answer == nullptr || !answer->rating)
            continue;
        const auto known = s.review_cards.find(question);
        const fsrs::Card before =
            known == s.review_cards.end() ? fsrs::new_card(now) : known->second;
        answer->reviewed = fsrs::review(before, *answer->rating, now);
        s.review_cards.insert_or_assign(question, *answer->reviewed);
    }
}

}  // namespace rapidfire::core::ops
