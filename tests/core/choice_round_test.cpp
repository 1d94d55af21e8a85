// Choice mode: timing edges, scoring, streaks, standings, early close.

#include "rapidfire/core/scoring.hpp"
#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

class ChoiceRound : public ::testing::Test {
  protected:
    void SetUp() override {
        RoundSettings s;
        s.seconds = 10;
        s.reveal_seconds = 3;
        h.create(RoomKind::quiz, s);
        a = h.join("a");
        b = h.join("b");
        h.send(h.host(), Start{h.host_token()});
        q = h.last<Question>(a);
    }
    int right() { return h.correct_choice(q); }
    int wrong() { return (right() + 1) % 4; }
    void answer(MemberId who, int choice) { h.send(who, Answer{q.question, choice, {}}); }

    RoomHarness h;
    MemberId a = 0;
    MemberId b = 0;
    Question q;
};

TEST_F(ChoiceRound, QuestionCarriesChoicesAndDeadline) {
    EXPECT_EQ(q.question, 0);
    EXPECT_EQ(q.total, 6);
    EXPECT_EQ(q.choices.size(), 4u);
    EXPECT_EQ(q.time_limit_ms, 10'000);
    EXPECT_EQ(q.deadline, q.opened_at + 10'000);
    EXPECT_EQ(q.remaining_ms, 10'000);
    EXPECT_EQ(h.last<Question>(h.host()).id, q.id);  // the host's screen shows it too
}

TEST_F(ChoiceRound, AnswersScoreByTheFormulaAndTheQuestionClosesWhenAllAnswered) {
    h.advance(400);
    answer(a, right());
    EXPECT_EQ(h.last<AnswerAccepted>(a).elapsed_ms, 400);
    EXPECT_EQ(h.count<AnswerAccepted>(b), 0);  // acknowledged to the sender alone
    h.advance(4'600);
    answer(b, right());
    // Both answered: revealed at once, without waiting for the clock.
    const auto reveal = h.last<Reveal>(a);
    EXPECT_EQ(reveal.correct_choice, right());
    EXPECT_EQ(reveal.choice_counts[right()], 2);
    EXPECT_EQ(reveal.next_at, h.now() + 3'000);
    EXPECT_EQ(h.last<Result>(a).points, 1000);
    EXPECT_EQ(h.last<Result>(b).points, 750);
    EXPECT_EQ(h.last<Result>(a).rank, 1);
    EXPECT_EQ(h.last<Result>(b).rank, 2);
    const auto standings = h.last<Standings>(h.host());
    ASSERT_EQ(standings.top.size(), 2u);
    EXPECT_EQ(standings.top[0].nickname, "a");
}

TEST_F(ChoiceRound, AnswerExactlyAtTheDeadlineInsideTheGraceAndAfter) {
    h.advance(10'000);  // exactly at the deadline
    answer(a, right());
    EXPECT_EQ(h.last<AnswerAccepted>(a).elapsed_ms, 10'000);
    h.advance(250);  // deadline + the whole grace: still accepted
    answer(b, right());
    ASSERT_EQ(h.count<AnswerAccepted>(b), 1);
    EXPECT_EQ(h.last<AnswerAccepted>(b).elapsed_ms, 10'000);  // clamped to T
    EXPECT_EQ(h.last<Result>(b).points, 500);
}

TEST_F(ChoiceRound, AnswerAfterTheGraceIsTooLateEvenBeforeTheTimerRuns) {
    // A late message may reach the room before the shell's timer does: the room looks at the
    // clock itself, closes the question first, then refuses the answer.
    h.clear();
    h.room().handle(a, Answer{q.question, right(), {}}, h.now() + 10'251);  // 1 ms too late
    bool revealed = false;
    std::optional<ErrorCode> refused;
    for (const auto& out : h.room().take_outbox()) {
        revealed |= std::holds_alternative<Reveal>(out.message);
        if (const auto* r = std::get_if<AnswerRejected>(&out.message))
            refused = r->code;
    }
    EXPECT_TRUE(revealed);
    EXPECT_EQ(refused, ErrorCode::too_late);
}

TEST_F(ChoiceRound, SecondAnswerAndWrongQuestionAreRejected) {
    answer(a, right());
    answer(a, wrong());
    EXPECT_EQ(h.last<AnswerRejected>(a).code, ErrorCode::already_answered);
    h.send(b, Answer{5, 0, {}});
    EXPECT_EQ(h.last<AnswerRejected>(b).code, ErrorCode::unknown_question);
    h.send(b, Answer{q.question, 7, {}});
    EXPECT_EQ(h.last<AnswerRejected>(b).code, ErrorCode::invalid_answer);
    h.send(b, Answer{q.question, {}, std::string("text")});
    EXPECT_EQ(h.last<AnswerRejected>(b).code, ErrorCode::invalid_answer);
    h.send(h.host(), Answer{q.question, 0, {}});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::not_a_player);
}

TEST_F(ChoiceRound, WrongAnswersScoreNothingAndUnansweredQuestionsCloseOnTime) {
    answer(a, wrong());
    h.run_for(10'250);  // deadline + grace: answers still count
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.run_for(1);
    EXPECT_EQ(h.count<Reveal>(a), 1);
    EXPECT_EQ(h.last<Result>(a).verdict, Verdict::wrong);
    EXPECT_EQ(h.last<Result>(a).points, 0);
    EXPECT_FALSE(h.last<Result>(b).verdict.has_value());
}

TEST_F(ChoiceRound, StreakBonusAndFullGame) {
    int expected_a = 0;
    for (int i = 0; i < 6; ++i) {
        q = h.last<Question>(a);
        ASSERT_EQ(q.question, i);
        answer(a, right());
        answer(b, wrong());
        expected_a += 1000 + streak_bonus(i + 1);
        EXPECT_EQ(h.last<Result>(a).total, expected_a);
        EXPECT_EQ(h.last<Result>(a).streak, i + 1);
        h.run_for(3'000);  // the reveal pause, then the next question
    }
    const auto over = h.last<GameOver>(b);
    EXPECT_EQ(over.reason, EndReason::completed);
    EXPECT_EQ(over.questions, 6);
    ASSERT_EQ(over.standings.size(), 2u);
    EXPECT_EQ(over.standings[0].points, 1000 * 6 + 100 + 200 + 300 + 400 + 500);
    const auto final_a = h.last<FinalResult>(a);
    EXPECT_EQ(final_a.rank, 1);
    EXPECT_EQ(final_a.correct, 6);
    EXPECT_EQ(h.last<FinalResult>(b).wrong, 6);
}

TEST_F(ChoiceRound, StreakBonusCanBeTurnedOff) {
    RoomHarness off;
    RoundSettings s;
    s.streak_bonus = false;
    off.create(RoomKind::quiz, s);
    const MemberId p = off.join("p");
    off.send(off.host(), Start{off.host_token()});
    for (int i = 0; i < 3; ++i) {
        const auto question = off.last<Question>(p);
        off.send(p, Answer{question.question, off.correct_choice(question), {}});
        EXPECT_EQ(off.last<Result>(p).points, 1000);
        off.run_for(5'000);
    }
}

TEST_F(ChoiceRound, TiesBreakByAnswerTimeThenJoinOrder) {
    // Same points and same answer time: the one who joined first ranks first.
    answer(b, right());
    answer(a, right());                    // same instant: same points, same time
    EXPECT_EQ(h.last<Result>(a).rank, 1);  // joined first
    EXPECT_EQ(h.last<Result>(b).rank, 2);
}

TEST_F(ChoiceRound, LateJoinersStartAtZeroAndMayAnswerTheOpenQuestion) {
    const MemberId c = h.join("c");
    EXPECT_EQ(h.last<Question>(c).question, q.question);
    EXPECT_EQ(h.last<Joined>(c).phase, RoomPhase::question);
    answer(a, right());
    answer(b, right());
    EXPECT_EQ(h.count<Reveal>(a), 0);  // c is still expected
    answer(c, right());
    EXPECT_EQ(h.count<Reveal>(a), 1);
}

TEST_F(ChoiceRound, ProgressGoesToTheHostOnlyAndIsCoalesced) {
    h.clear();
    answer(a, right());
    EXPECT_EQ(h.count<AnswerProgress>(h.host()), 1);
    EXPECT_EQ(h.count<AnswerProgress>(b), 0);
    EXPECT_EQ(h.last<AnswerProgress>(h.host()).answered, 1);
    EXPECT_EQ(h.last<AnswerProgress>(h.host()).expected, 2);
}

}  // namespace
}  // namespace rapidfire::core::testing
