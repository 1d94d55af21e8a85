// Learning from answers: the rating each answer earns, the order of a review run, and a
// player's progress per topic, over plain cards and a fake "now".

#include "rapidfire/core/learning.hpp"

#include <gtest/gtest.h>

namespace rapidfire::core::learning {
namespace {

using fsrs::Rating;
using protocol::SelfGrade;
using protocol::Verdict;

constexpr Millis day = fsrs::day_ms;
constexpr Millis monday = 1'767'571'200'000;  // 2026-01-05 00:00 UTC

TEST(Learning, ASelfGradeIsTheRatingWhateverTheVerdict) {
    EXPECT_EQ(rating_of(Verdict::correct, SelfGrade::again, 1'000, 20'000), Rating::again);
    EXPECT_EQ(rating_of(Verdict::partial, SelfGrade::hard, 1'000, 20'000), Rating::hard);
    EXPECT_EQ(rating_of(Verdict::correct, SelfGrade::good, 1'000, 20'000), Rating::good);
    EXPECT_EQ(rating_of(Verdict::wrong, SelfGrade::easy, 19'000, 20'000), Rating::easy);
}

TEST(Learning, AVerdictRatesByRightnessAndTime) {
    EXPECT_EQ(rating_of(std::nullopt, std::nullopt, 0, 20'000), Rating::again);  // no answer
    EXPECT_EQ(rating_of(Verdict::wrong, std::nullopt, 1'000, 20'000), Rating::again);
    EXPECT_EQ(rating_of(Verdict::partial, std::nullopt, 1'000, 20'000), Rating::hard);
    EXPECT_EQ(rating_of(Verdict::correct, std::nullopt, 5'000, 20'000), Rating::easy);  // 25%
    EXPECT_EQ(rating_of(Verdict::correct, std::nullopt, 5'001, 20'000), Rating::good);
    EXPECT_EQ(rating_of(Verdict::correct, std::nullopt, 0, 0), Rating::good);  // no time known
}

content::Bank bank() {
    content::Bank b;
    b.title = "Test bank";
    auto add = [&](std::string id, std::vector<std::string> topics) {
        content::BankQuestion q;
        q.id = std::move(id);
        q.topics = std::move(topics);
        q.text = "Question " + q.id;
        q.answer = "Answer " + q.id;
        b.questions.push_back(std::move(q));
    };
    add("q1", {"alpha"});
    add("q2", {"beta"});
    add("q3", {"alpha", "beta"});
    add("q4", {"gamma"});
    add("q5", {"alpha"});
    return b;
}

// A card reviewed once at `at` with `rating`.
StoredCard reviewed(std::string question, Rating rating, Millis at) {
    return {std::move(question), fsrs::review(fsrs::new_card(at), rating, at)};
}

TEST(Learning, AReviewAsksTheDueFirstLongestOverdueFirstThenTheNewInBankOrder) {
    const std::vector<StoredCard> cards = {
        reviewed("q4", Rating::again, monday),            // due Tuesday
        reviewed("q2", Rating::again, monday - 2 * day),  // due Sunday: overdue longest
        reviewed("q1", Rating::easy, monday),             // due weeks later
    };
    const Millis wednesday = monday + 2 * day;
    EXPECT_EQ(review_order(bank(), {}, cards, wednesday, 10),
              (std::vector<std::string>{"q2", "q4", "q3", "q5"}));
    EXPECT_EQ(review_order(bank(), {}, cards, wednesday, 3),
              (std::vector<std::string>{"q2", "q4", "q3"}));
    // On Monday only q2 is due.
    EXPECT_EQ(review_order(bank(), {}, cards, monday, 10),
              (std::vector<std::string>{"q2", "q3", "q5"}));
    // A topic filter keeps to its questions; a card of a question gone from the bank is ignored.
    auto with_gone = cards;
    with_gone.push_back(reviewed("gone", Rating::again, monday - 9 * day));
    EXPECT_EQ(review_order(bank(), {"alpha"}, with_gone, wednesday, 10),
              (std::vector<std::string>{"q3", "q5"}));
    EXPECT_EQ(review_order(bank(), {"beta", "gamma"}, with_gone, wednesday, 10),
              (std::vector<std::string>{"q2", "q4", "q3"}));
}

TEST(Learning, TheNextDueIsTheEarliestCardNotYetDue) {
    const std::vector<StoredCard> cards = {
        reviewed("q1", Rating::good, monday),
        reviewed("q2", Rating::again, monday),
    };
    EXPECT_EQ(next_due(cards, monday), cards[1].card.due);
    EXPECT_EQ(next_due(cards, cards[1].card.due), cards[0].card.due);  // q2 is due by then
    EXPECT_EQ(next_due({}, monday), std::nullopt);
}

TEST(Learning, DueCardsComeBackAcrossDays) {
    // Wrong on Monday: back the next day; right then: back days later, and not before.
    const Millis at = monday + 9 * 60 * 60 * 1000;
    StoredCard card = reviewed("q2", Rating::again, at);
    EXPECT_EQ(card.card.due, at + day);
    EXPECT_TRUE(review_order(bank(), {"beta"}, {card}, at + day - 1, 5) ==
                (std::vector<std::string>{"q3"}));
    EXPECT_EQ(review_order(bank(), {"beta"}, {card}, at + day, 5),
              (std::vector<std::string>{"q2", "q3"}));
    card.card = fsrs::review(card.card, Rating::good, at + day);
    EXPECT_GT(card.card.due, at + 2 * day);
    EXPECT_EQ((card.card.due - at) % day, 0);  // whole days
    EXPECT_EQ(review_order(bank(), {"beta"}, {card}, card.card.due - 1, 5),
              (std::vector<std::string>{"q3"}));
}

TEST(Learning, ProgressCountsDueLearntAndNewPerTopicAndTheWholeBank) {
    const std::vector<StoredCard> cards = {
        reviewed("q1", Rating::again, monday),
        reviewed("q3", Rating::easy, monday),
    };
    const Millis tuesday = monday + day;  // q1 due, q3 learnt
    const auto topics = progress(bank(), cards, tuesday);
    ASSERT_EQ(topics.size(), 4u);  // alpha, beta, gamma, then the whole bank
    EXPECT_EQ(topics[0].topic, "alpha");
    EXPECT_EQ(topics[0].questions, 3);
    EXPECT_EQ(topics[0].due, 1);
    EXPECT_EQ(topics[0].learnt, 1);
    EXPECT_EQ(topics[0].fresh, 1);
    const double q1 = fsrs::retrievability(cards[0].card, tuesday);
    const double q3 = fsrs::retrievability(cards[1].card, tuesday);
    ASSERT_TRUE(topics[0].retention.has_value());
    EXPECT_NEAR(*topics[0].retention, (q1 + q3) / 2, 1e-12);
    EXPECT_EQ(topics[1].topic, "beta");
    EXPECT_EQ(topics[1].learnt, 1);
    EXPECT_EQ(topics[1].fresh, 1);
    EXPECT_NEAR(*topics[1].retention, q3, 1e-12);
    EXPECT_EQ(topics[2].topic, "gamma");
    EXPECT_EQ(topics[2].fresh, 1);
    EXPECT_FALSE(topics[2].retention.has_value());  // nothing answered: no estimate
    EXPECT_EQ(topics[3].topic, "");
    EXPECT_EQ(topics[3].questions, 5);
    EXPECT_EQ(topics[3].due + topics[3].learnt + topics[3].fresh, 5);
    EXPECT_GT(q3, q1);  // an easy card is better remembered than one just failed
}

}  // namespace
}  // namespace rapidfire::core::learning
