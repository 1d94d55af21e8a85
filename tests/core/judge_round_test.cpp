// Judge mode: grouping, suggestions, marks, the judging timeout.

#include <algorithm>

#include "rapidfire/protocol/codec.hpp"
#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

class JudgeRound : public ::testing::Test {
  protected:
    void open(int judging_seconds = 0) {
        RoundSettings s;
        s.mode = AnswerMode::judge;
        s.shuffle = false;  // q1 first: "Recall", key terms "actual positives", "share"
        s.seconds = 20;
        s.judging_seconds = judging_seconds;
        h.create(RoomKind::quiz, s);
        a = h.join("a");
        b = h.join("b");
        c = h.join("c");
        h.send(h.host(), Start{h.host_token()});
        q = h.last<Question>(a);
    }
    void answer(MemberId who, const std::string& text) {
        h.send(who, Answer{q.question, {}, text});
    }

    RoomHarness h;
    MemberId a = 0, b = 0, c = 0;
    Question q;
};

TEST_F(JudgeRound, IdenticalAnswersAreGroupedWithSuggestions) {
    open();
    EXPECT_TRUE(q.choices.empty());
    answer(a, "The SHARE of actual   positives found.");
    answer(b, "the share of actual positives found");
    answer(c, "no idea");
    const auto request = h.last<JudgeRequest>(h.host());
    EXPECT_EQ(h.count<JudgeRequest>(a), 0);  // only the judge sees the answers
    EXPECT_EQ(request.reference, "The share of actual positives found.");
    ASSERT_EQ(request.groups.size(), 2u);
    EXPECT_EQ(request.groups[0].count, 2);  // the most common first
    EXPECT_EQ(request.groups[0].players, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(request.groups[0].suggestion, Verdict::correct);
    EXPECT_DOUBLE_EQ(request.groups[0].overlap, 1.0);
    EXPECT_EQ(request.groups[1].suggestion, Verdict::wrong);
    EXPECT_EQ(h.count<Reveal>(a), 0);                  // the round waits for the judge
    EXPECT_EQ(h.last<QuestionClosed>(a).answered, 3);  // and the players know it
}

TEST_F(JudgeRound, OneMarkCoversTheGroupAndTheRevealFollowsTheLastMark) {
    open();
    h.advance(2'000);
    answer(a, "share of actual positives");
    answer(b, "Share of actual positives");
    answer(c, "something else");
    const auto request = h.last<JudgeRequest>(h.host());
    h.send(h.host(), Judge{h.host_token(), q.question, 0, Verdict::correct, {}, {}});
    EXPECT_EQ(h.last<Judged>(h.host()).remaining, 1);
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.send(h.host(), Judge{h.host_token(), q.question, 1, Verdict::partial, {}, {}});
    EXPECT_EQ(h.count<Reveal>(a), 1);
    // t = 2 s of T = 20 s: 950 for correct, 475 for partial.
    EXPECT_EQ(h.last<Result>(a).points, 950);
    EXPECT_EQ(h.last<Result>(b).points, 950);
    EXPECT_EQ(h.last<Result>(c).points, 475);
    EXPECT_EQ(h.last<Result>(c).verdict, Verdict::partial);
    (void)request;
}

TEST_F(JudgeRound, AcceptSuggestionsMarksTheRest) {
    open();
    answer(a, "share of actual positives");
    answer(b, "dunno");
    answer(c, "dunno");
    h.send(h.host(), Judge{h.host_token(), q.question, 0, Verdict::partial, {}, {}});  // "dunno"
    h.send(h.host(), AcceptSuggestions{h.host_token(), q.question});
    EXPECT_EQ(h.last<Result>(b).verdict, Verdict::partial);  // the judge's mark stands
    EXPECT_EQ(h.last<Result>(a).verdict, Verdict::correct);  // the suggestion was applied
}

// PROTOCOL.md: the host gets a judged for each group accept_suggestions marks, before the
// reveal, counting down to none left; a group the host marked already gets none.
TEST_F(JudgeRound, AcceptSuggestionsSendsAJudgedPerGroupItMarks) {
    open();
    answer(a, "share of actual positives");  // group 0, suggested correct
    answer(b, "the share");                  // group 1, suggested partial
    answer(c, "dunno");                      // group 2, suggested wrong
    const auto request = h.last<JudgeRequest>(h.host());
    ASSERT_EQ(request.groups.size(), 3u);
    h.send(h.host(), Judge{h.host_token(), q.question, 1, Verdict::correct, {}, {}});
    h.clear();
    h.send(h.host(), AcceptSuggestions{h.host_token(), q.question});

    const auto judged = h.all<Judged>(h.host());
    ASSERT_EQ(judged.size(), 2u);
    EXPECT_EQ(judged[0].question, q.question);
    EXPECT_EQ(judged[0].group, 0);
    EXPECT_EQ(judged[0].verdict, request.groups[0].suggestion);
    EXPECT_EQ(judged[0].remaining, 1);
    EXPECT_EQ(judged[1].group, 2);
    EXPECT_EQ(judged[1].verdict, request.groups[2].suggestion);
    EXPECT_EQ(judged[1].remaining, 0);
    // Both before the reveal, to the host alone.
    const auto& inbox = h.inbox(h.host());
    const auto reveal = std::find_if(inbox.begin(), inbox.end(), [](const auto& m) {
        return std::holds_alternative<Reveal>(m);
    });
    ASSERT_NE(reveal, inbox.end());
    EXPECT_EQ(std::count_if(inbox.begin(), reveal,
                            [](const auto& m) { return std::holds_alternative<Judged>(m); }),
              2);
    EXPECT_EQ(h.count<Judged>(a), 0);
    EXPECT_EQ(h.last<Result>(b).verdict, Verdict::correct);  // the host's own mark stands
}

TEST_F(JudgeRound, TheJudgingTimeoutAppliesTheSuggestions) {
    open(30);
    answer(a, "share of actual positives");
    answer(b, "x");
    answer(c, "x");
    EXPECT_EQ(h.last<JudgeRequest>(h.host()).deadline, h.now() + 30'000);
    h.run_for(29'999);
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.run_for(1);
    EXPECT_EQ(h.count<Reveal>(a), 1);
    EXPECT_EQ(h.last<Result>(a).verdict, Verdict::correct);
    EXPECT_EQ(h.last<Result>(b).verdict, Verdict::wrong);
}

TEST_F(JudgeRound, TheHostIsToldEveryMarkTheTimeoutApplied) {
    open(30);
    answer(a, "share of actual positives");
    answer(b, "x");
    answer(c, "no idea");
    const auto request = h.last<JudgeRequest>(h.host());
    ASSERT_EQ(request.groups.size(), 3u);
    h.send(h.host(), Judge{h.host_token(), q.question, 1, Verdict::partial, {}, {}});
    h.clear();
    h.run_for(30'000);
    // The two groups left unmarked, each with the suggestion applied, before the reveal.
    const auto judged = h.all<Judged>(h.host());
    ASSERT_EQ(judged.size(), 2u);
    EXPECT_EQ(judged[0].group, 0);
    EXPECT_EQ(judged[0].verdict, request.groups[0].suggestion);
    EXPECT_EQ(judged[1].group, 2);
    EXPECT_EQ(judged[1].verdict, request.groups[2].suggestion);
    EXPECT_EQ(judged[1].remaining, 0);
    EXPECT_EQ(h.count<Reveal>(h.host()), 1);
}

TEST_F(JudgeRound, BadMarksAreRefused) {
    open();
    h.send(h.host(), Judge{h.host_token(), q.question, 0, Verdict::correct, {}, {}});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::wrong_state);  // still answering
    answer(a, "x");
    answer(b, "y");
    answer(c, "z");
    h.clear();
    h.send(h.host(), Judge{h.host_token(), q.question, 9, Verdict::correct, {}, {}});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::unknown_group);
    h.clear();
    h.send(h.host(), Judge{h.host_token(), q.question + 1, 0, Verdict::correct, {}, {}});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::unknown_question);
    h.clear();
    h.send(h.host(), Judge{h.host_token(), q.question, 0, Verdict::correct, {}, {"charisma"}});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::out_of_range);
    h.clear();
    h.send(a, Judge{h.host_token(), q.question, 0, Verdict::correct, {}, {}});
    EXPECT_EQ(h.error_code(a), ErrorCode::not_host);
}

// A judge written from PROTOCOL.md sends only the fields it requires (comment and tips are
// optional): the frame decodes, and the room answers for its state, not its shape.
TEST_F(JudgeRound, AVerdictAloneIsJudgedAndRefusedOnlyForTheState) {
    open();
    const auto frame = [&](int group) {
        const std::string json = R"({"type":"judge","host_token":")" + h.host_token() +
                                 R"(","question":0,"group":)" + std::to_string(group) +
                                 R"(,"verdict":"correct"})";
        auto decoded = decode_client_message(json);
        if (const auto* error = std::get_if<DecodeError>(&decoded)) {
            ADD_FAILURE() << to_string(error->code) << " '" << error->field << "'";
            return ClientMessage{Leave{}};
        }
        return std::get<ClientMessage>(decoded);
    };
    ASSERT_EQ(q.question, 0);
    h.send(h.host(), frame(0));
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::wrong_state);  // the question is still open
    answer(a, "share of actual positives");
    answer(b, "share of actual positives");
    answer(c, "share of actual positives");
    h.clear();
    h.send(h.host(), frame(0));
    EXPECT_EQ(h.error_code(h.host()), std::nullopt);
    EXPECT_EQ(h.last<Judged>(h.host()).verdict, Verdict::correct);
    EXPECT_EQ(h.last<Result>(a).verdict, Verdict::correct);
}

TEST_F(JudgeRound, EmptyOrMissingTextIsRefused) {
    open();
    answer(a, "   ");
    EXPECT_EQ(h.last<AnswerRejected>(a).code, ErrorCode::invalid_answer);
    h.send(a, Answer{q.question, 1, {}});
    EXPECT_EQ(h.last<AnswerRejected>(a).code, ErrorCode::invalid_answer);
}

TEST_F(JudgeRound, NoAnswersSkipJudging) {
    open();
    h.run_for(20'251);
    EXPECT_EQ(h.count<JudgeRequest>(h.host()), 0);
    EXPECT_EQ(h.count<Reveal>(a), 1);
}

}  // namespace
}  // namespace rapidfire::core::testing
