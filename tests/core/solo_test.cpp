// Solo runs: one player, per-question or total clock, choice or self grading.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

TEST(Solo, TheCreatorIsTheOnlyPlayer) {
    RoomHarness h;
    h.create(RoomKind::solo);
    EXPECT_EQ(h.last<RoomCreated>(1).player, 1);
    const auto seat = h.try_join("other");
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(seat));
    EXPECT_EQ(std::get<protocol::Error>(seat).code, ErrorCode::room_full);
}

TEST(Solo, TotalClockScoresEachQuestionAgainstItsShareAndBanksTime) {
    RoomHarness h;
    RoundSettings s;
    s.questions = 4;
    s.total_seconds = 40;  // T = 10 s per question for scoring
    s.reveal_seconds = 0;
    h.create(RoomKind::solo, s);
    h.send(1, Start{h.host_token()});
    auto q = h.last<Question>(1);
    EXPECT_EQ(q.time_limit_ms, 40'000);  // the whole clock is left
    h.advance(5'000);
    h.send(1, Answer{0, h.correct_choice(q), {}});
    EXPECT_EQ(h.last<Result>(1).points, 750);  // t = 5 of T = 10
    h.send(1, Skip{h.host_token()});           // on to the next at once
    q = h.last<Question>(1);
    EXPECT_EQ(q.question, 1);
    EXPECT_EQ(q.time_limit_ms, 35'000);  // what is left of the clock
    // A slow answer: t is clamped to T, so it still earns half.
    h.advance(20'000);
    h.send(1, Answer{1, h.correct_choice(q), {}});
    EXPECT_EQ(h.last<Result>(1).points, 500 + 100);  // streak bonus on the second
    h.send(1, Skip{h.host_token()});
    // 15 s left: the clock runs out on question 3 with no answer.
    EXPECT_EQ(h.last<Question>(1).time_limit_ms, 15'000);
    h.run_for(15'251);
    const auto over = h.last<GameOver>(1);
    EXPECT_EQ(over.reason, EndReason::time_up);
    EXPECT_EQ(over.questions, 3);
    const auto result = h.last<FinalResult>(1);
    EXPECT_EQ(result.points, 1350);
    EXPECT_EQ(result.correct, 2);
    EXPECT_EQ(result.unanswered, 1);
    EXPECT_EQ(result.run_ms, 40'000);
}

TEST(Solo, SelfGradingCountsGoodAndEasyAsCorrect) {
    RoomHarness h;
    RoundSettings s;
    s.mode = AnswerMode::self;
    s.clock = ClockMode::per_question;
    s.seconds = 20;
    s.questions = 3;
    h.create(RoomKind::solo, s);
    h.send(1, Start{h.host_token()});
    const struct {
        SelfGrade grade;
        Verdict verdict;
        int points;
    } cases[] = {{SelfGrade::easy, Verdict::correct, 1000},
                 {SelfGrade::hard, Verdict::partial, 500},
                 {SelfGrade::again, Verdict::wrong, 0}};
    for (int i = 0; i < 3; ++i) {
        const auto q = h.last<Question>(1);
        ASSERT_EQ(q.question, i);
        h.send(1, Answer{i, {}, std::string("my answer")});
        const auto reveal = h.last<Reveal>(1);
        EXPECT_TRUE(reveal.grading);
        EXPECT_FALSE(reveal.reference.empty());
        h.send(1, Grade{i, cases[i].grade});
        const auto result = h.last<Result>(1);
        EXPECT_EQ(result.verdict, cases[i].verdict);
        EXPECT_EQ(result.grade, cases[i].grade);
        EXPECT_EQ(result.points, cases[i].points);
        h.send(1, Grade{i, SelfGrade::easy});
        EXPECT_EQ(h.error_code(1), ErrorCode::wrong_state);  // grading is over
        h.clear();
        h.run_for(2'000);
    }
    EXPECT_EQ(h.last<FinalResult>(1).points, 1500);
}

TEST(Solo, GradingWithoutAnAnswerIsRefused) {
    RoomHarness h;
    RoundSettings s;
    s.mode = AnswerMode::self;
    h.create(RoomKind::solo, s);
    h.send(1, Start{h.host_token()});
    h.send(1, Grade{0, SelfGrade::good});
    EXPECT_EQ(h.error_code(1), ErrorCode::wrong_state);
}

}  // namespace
}  // namespace rapidfire::core::testing
