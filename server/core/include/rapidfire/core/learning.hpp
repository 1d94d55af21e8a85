#pragma once
// Learning from every answer: how an answer rates the player's card for its question (FSRS's
// again/hard/good/easy), which questions a review run asks, and how far a player has come per
// topic. Pure functions over the bank and the cards; the store keeps the cards, the rooms
// rate the answers. GAME.md "Learning from every answer" states the rules.

#include <optional>
#include <string>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/fsrs.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core::learning {

using protocol::Millis;

// A correct answer given within this share of its time is rated easy.
inline constexpr int easy_share_percent = 25;

// The rating an answer earns: a self grade as it is; otherwise from the verdict and the time:
// no answer or wrong is again, partly right is hard, right is good, and right within the first
// quarter of the time allowed is easy (`allowed_ms` 0: no time known, never easy).
fsrs::Rating rating_of(std::optional<protocol::Verdict> verdict,
                       std::optional<protocol::SelfGrade> grade, Millis elapsed_ms,
                       Millis allowed_ms);

// One question's rating in a finished game, by the question's bank id.
struct QuestionRating {
    std::string question;
    fsrs::Rating rating = fsrs::Rating::again;

    bool operator==(const QuestionRating&) const = default;
};

// A player's card for one question of one bank.
struct StoredCard {
    std::string question;  // the bank id
    fsrs::Card card;
};

// A player's cards as the record held them at `as_of`: what a review run starts from.
struct ReviewDeck {
    std::vector<StoredCard> cards;
    Millis as_of = 0;
};

// The questions a review run asks, by bank id: the due cards first, the longest overdue
// first (ties in bank order); then questions never answered, in bank order; at most `count`.
// Only questions of the bank that match `topics` (none: all); cards of questions no longer
// in the bank are left out.
std::vector<std::string> review_order(const content::Bank& bank,
                                      const std::vector<std::string>& topics,
                                      const std::vector<StoredCard>& cards, Millis now, int count);

// When the earliest card that is not yet due comes due; nothing when there is none.
std::optional<Millis> next_due(const std::vector<StoredCard>& cards, Millis now);

// A player's progress on one topic of a bank (or on the whole bank).
struct TopicProgress {
    std::string topic;  // empty: the whole bank
    int questions = 0;
    int due = 0;     // answered before and due now
    int learnt = 0;  // answered before and not yet due
    int fresh = 0;   // never answered
    // The mean chance of recalling the answered questions now (FSRS retrievability); nothing
    // when none was answered.
    std::optional<double> retention;

    bool operator==(const TopicProgress&) const = default;
};

// Per topic, in the order topics first appear in the bank, then the whole bank last.
std::vector<TopicProgress> progress(const content::Bank& bank, const std::vector<StoredCard>& cards,
                                    Millis now);

}  // namespace rapidfire::core::learning
