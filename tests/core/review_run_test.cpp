// A solo review run: the runner's due questions first, the longest overdue first, then new
// ones; each result says when its question comes back; and the refusals when there is nothing
// to review or nobody to review for.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

const std::string secret = "kq3Zr8Wm_x2Pd-7vYt9LbA";
constexpr Millis day = fsrs::day_ms;

// A card answered `rating` at `at`.
learning::StoredCard card(std::string question, fsrs::Rating rating, Millis at) {
    return {std::move(question), fsrs::review(fsrs::new_card(at), rating, at)};
}

RoundSettings review(int questions) {
    RoundSettings s;
    s.review = true;
    s.questions = questions;
    s.mode = AnswerMode::self;
    s.clock = ClockMode::per_question;
    s.reveal_seconds = 0;
    return s;
}

// Plays the room's run through: each question answered and graded `grade`; returns the
// questions asked, each with its result.
std::vector<std::pair<Question, Result>> run(RoomHarness& h, SelfGrade grade = SelfGrade::good) {
    h.send(1, Start{h.host_token()});
    std::vector<std::pair<Question, Result>> asked;
    for (;;) {
        const auto q = h.last<Question>(1);
        if (!asked.empty() && q.question == asked.back().first.question)
            break;
        h.send(1, Answer{q.question, {}, std::string("an answer")});
        h.send(1, Grade{q.question, grade});
        asked.emplace_back(q, h.last<Result>(1));
        if (q.question + 1 >= q.total)
            break;
        h.send(1, Skip{h.host_token()});
    }
    return asked;
}

TEST(ReviewRun, AsksTheDueFirstLongestOverdueFirstThenTheNew) {
    RoomHarness h;
    h.identity = secret;
    const Millis now = h.now();
    h.review = learning::ReviewDeck{{card("q4", fsrs::Rating::again, now - 2 * day),   // due
                                     card("q2", fsrs::Rating::again, now - 5 * day),   // due first
                                     card("q1", fsrs::Rating::easy, now - day),        // not due
                                     card("q5", fsrs::Rating::good, now - 60 * day)},  // due
                                    now};
    h.create(RoomKind::solo, review(5));
    const auto asked = run(h);
    std::vector<std::string> ids;
    for (const auto& [q, result] : asked)
        ids.push_back(q.id);
    // q5's 60-day-old good answer came due before q2's again five days ago.
    EXPECT_EQ(ids, (std::vector<std::string>{"q5", "q2", "q4", "q3", "q6"}));
}

TEST(ReviewRun, EachResultSaysWhenItsQuestionComesBack) {
    RoomHarness h;
    h.identity = secret;
    const Millis now = h.now();
    const auto lapsed = card("q2", fsrs::Rating::good, now - 20 * day);
    h.review = learning::ReviewDeck{{lapsed}, now};
    h.create(RoomKind::solo, review(2));
    h.send(1, Start{h.host_token()});
    // The due q2, forgotten: back tomorrow.
    auto q = h.last<Question>(1);
    ASSERT_EQ(q.id, "q2");
    h.advance(3'000);
    h.send(1, Answer{q.question, {}, std::string("no idea")});
    h.send(1, Grade{q.question, SelfGrade::again});
    auto result = h.last<Result>(1);
    const auto expected = fsrs::review(lapsed.card, fsrs::Rating::again, h.now());
    EXPECT_EQ(result.review_days, expected.scheduled_days);
    EXPECT_EQ(result.next_review, expected.due);
    EXPECT_EQ(result.review_days, 1);
    // A new question graded easy: back in days.
    h.send(1, Skip{h.host_token()});
    q = h.last<Question>(1);
    ASSERT_EQ(q.id, "q1");
    h.send(1, Answer{q.question, {}, std::string("the share of actual positives")});
    h.send(1, Grade{q.question, SelfGrade::easy});
    result = h.last<Result>(1);
    ASSERT_TRUE(result.review_days.has_value());
    EXPECT_GT(*result.review_days, 3);
    EXPECT_EQ(*result.next_review, h.now() + *result.review_days * day);
}

TEST(ReviewRun, ARunThatIsNotAReviewSaysNothingOfReviews) {
    RoomHarness h;
    h.identity = secret;
    RoundSettings s = review(1);
    s.review = false;
    h.create(RoomKind::solo, s);
    const auto asked = run(h);
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_FALSE(asked[0].second.next_review.has_value());
    EXPECT_FALSE(asked[0].second.review_days.has_value());
}

TEST(ReviewRun, ARematchAsksWhatIsDueAfterTheRun) {
    RoomHarness h;
    h.identity = secret;
    const Millis now = h.now();
    h.review = learning::ReviewDeck{{card("q3", fsrs::Rating::again, now - 3 * day)}, now};
    h.create(RoomKind::solo, review(2));
    const auto first = run(h);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].first.id, "q3");
    EXPECT_EQ(first[1].first.id, "q1");
    h.run_for(1'000);
    h.send(1, Rematch{h.host_token()});
    h.clear();
    const auto second = run(h);
    ASSERT_EQ(second.size(), 2u);
    // q3 and q1 were just reviewed: the next new ones come instead.
    EXPECT_EQ(second[0].first.id, "q2");
    EXPECT_EQ(second[1].first.id, "q4");
}

TEST(ReviewRun, WithNothingDueAndNothingNewItSaysWhenTheNextComesBack) {
    RoomHarness h;
    h.identity = secret;
    const Millis now = h.now();
    std::vector<learning::StoredCard> cards;
    for (const char* id : {"q1", "q2", "q3", "q4", "q5", "q6"})
        cards.push_back(card(id, fsrs::Rating::good, now - day));
    h.review = learning::ReviewDeck{cards, now};
    const auto error = h.try_create(RoomKind::solo, review(5));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, ErrorCode::nothing_due);
    EXPECT_EQ(error->field, "settings.review");
    const Millis days = (cards[0].card.due - now + day - 1) / day;
    EXPECT_NE(error->message.find("comes back in " + std::to_string(days) + " days"),
              std::string::npos)
        << error->message;
    // On a topic with something new it starts.
    h.review->cards.pop_back();  // q6 (optimization) is new again
    RoundSettings optimization = review(5);
    optimization.topics = {"optimization"};
    EXPECT_FALSE(h.try_create(RoomKind::solo, optimization).has_value());
}

TEST(ReviewRun, IsRefusedWithoutAnIdentityARecordOrOutsideSolo) {
    RoomHarness h;
    h.review = learning::ReviewDeck{{}, h.now()};
    auto error = h.try_create(RoomKind::solo, review(5));  // no identity
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, ErrorCode::review_unavailable);
    EXPECT_EQ(error->field, "identity");
    h.identity = secret;
    h.review.reset();  // the server keeps no record
    error = h.try_create(RoomKind::solo, review(5));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, ErrorCode::review_unavailable);
    EXPECT_EQ(error->field, "settings.review");
    RoundSettings quiz = review(5);
    quiz.mode = AnswerMode::choice;
    quiz.clock.reset();
    error = h.try_create(RoomKind::quiz, quiz);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, ErrorCode::invalid_settings);
    EXPECT_EQ(error->field, "settings.review");
}

}  // namespace
}  // namespace rapidfire::core::testing
