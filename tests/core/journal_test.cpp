// The room's record of a game: what the store will keep.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

TEST(Journal, RecordsStartAnswersMarksAndTheEnd) {
    RoomHarness h;
    RoundSettings s;
    s.questions = 2;
    s.reveal_seconds = 1;
    h.create(RoomKind::quiz, s);
    const MemberId a = h.join("a");
    const MemberId b = h.join("b");
    EXPECT_TRUE(h.room().take_journal().empty());  // nothing to record before a game
    h.send(h.host(), Start{h.host_token()});
    for (int i = 0; i < 2; ++i) {
        const auto q = h.last<Question>(a);
        h.advance(1'000);
        h.send(a, Answer{q.question, h.correct_choice(q), {}});
        h.send(b, Answer{q.question, (h.correct_choice(q) + 1) % 4, {}});
        h.run_for(1'000);
    }
    const auto journal = h.room().take_journal();
    ASSERT_FALSE(journal.empty());
    const auto* started = std::get_if<GameStarted>(&journal.front());
    ASSERT_NE(started, nullptr);
    EXPECT_EQ(started->round, 1);
    EXPECT_EQ(started->code, "ABCDEF");
    EXPECT_EQ(started->host, "Host");
    EXPECT_EQ(started->bank, "Test bank");
    EXPECT_EQ(started->questions.size(), 2u);
    EXPECT_EQ(started->host_token, h.host_token());

    int answers = 0;
    int marks = 0;
    for (const auto& entry : journal) {
        if (const auto* answer = std::get_if<AnswerRecorded>(&entry)) {
            ++answers;
            EXPECT_EQ(answer->elapsed_ms, 1'000);
            EXPECT_TRUE(answer->choice.has_value());
        }
        if (const auto* mark = std::get_if<AnswerMarked>(&entry)) {
            ++marks;
            EXPECT_EQ(mark->verdict, mark->player == a ? Verdict::correct : Verdict::wrong);
        }
    }
    EXPECT_EQ(answers, 4);
    EXPECT_EQ(marks, 4);
    const auto* finished = std::get_if<GameFinished>(&journal.back());
    ASSERT_NE(finished, nullptr);
    EXPECT_EQ(finished->reason, EndReason::completed);
    EXPECT_EQ(finished->questions_played, 2);
    ASSERT_EQ(finished->standings.size(), 2u);
    EXPECT_EQ(finished->standings[0].nickname, "a");
    EXPECT_EQ(finished->results[0].correct, 2);
    EXPECT_TRUE(finished->summaries.empty());
}

TEST(Journal, AnInterviewRecordsItsSummaries) {
    RoomHarness h;
    RoundSettings s;
    s.questions = 1;
    h.create(RoomKind::interview, s);
    const MemberId c = h.join("c");
    h.send(h.host(), Start{h.host_token()});
    h.send(c, Answer{0, {}, std::string("an answer")});
    h.send(h.host(), AcceptSuggestions{h.host_token(), 0});
    h.run_for(10'000);
    const auto journal = h.room().take_journal();
    const auto* finished = std::get_if<GameFinished>(&journal.back());
    ASSERT_NE(finished, nullptr);
    ASSERT_EQ(finished->summaries.size(), 1u);
    EXPECT_EQ(finished->summaries[0].items[0].answer, "an answer");
}

}  // namespace
}  // namespace rapidfire::core::testing
