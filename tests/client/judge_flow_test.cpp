// The judge's side: answer groups one at a time, queued marks, comments and tips, summaries.

#include "state_harness.hpp"

namespace rapidfire::client::testing {
namespace {

JudgeRequest request_with_groups(int question, std::vector<std::string> tips = {}) {
    JudgeRequest r;
    r.question = question;
    r.text = "What is recall?";
    r.reference = "The share of actual positives found.";
    r.key_terms = {"actual positives", "share"};
    r.groups = {{0, "share of actual positives", 2, {"alice", "bob"}, Verdict::correct, 1.0},
                {2, "no idea", 1, {"carol"}, Verdict::wrong, 0.0}};  // group 1 already marked
    r.tips = std::move(tips);
    return r;
}

Summary summary_for(const std::string& nickname) {
    Summary s;
    s.player = 7;
    s.nickname = nickname;
    s.interviewer = "Iris";
    s.points = 900;
    s.rank = 1;
    s.correct = 1;
    SummaryItem item;
    item.question = 0;
    item.text = "What is recall?";
    item.reference = "The share of actual positives found.";
    item.answer = "share of actual positives";
    item.verdict = Verdict::correct;
    item.comment = "Crisp.";
    item.tips = {"structure"};
    item.points = 900;
    s.items.push_back(item);
    s.tips_shown = {"structure"};
    s.tips_missed = {"honesty"};
    return s;
}

class JudgeFlow : public ::testing::Test {
  protected:
    explicit JudgeFlow(ClientConfig config = host_config(RoomKind::quiz, AnswerMode::judge))
        : h(std::move(config)) {
        h.seat();
    }
    StateHarness h;
};

TEST_F(JudgeFlow, EachGroupIsMarkedInTurnByItsGroupNumber) {
    h.feed(request_with_groups(0));
    EXPECT_TRUE(h.printed("judge question 1: What is recall?"));
    EXPECT_TRUE(h.printed("reference: The share of actual positives found."));
    EXPECT_TRUE(
        h.printed("judge 1/2: \"share of actual positives\" (alice, bob) suggestion correct 100%"));
    EXPECT_EQ(h.state.single_keys(), "cpwa");
    h.type("c");
    auto judge = h.last_sent<Judge>();
    EXPECT_EQ(judge.host_token, "host-token");
    EXPECT_EQ(judge.group, 0);
    EXPECT_EQ(judge.verdict, Verdict::correct);
    EXPECT_TRUE(h.printed("judge 2/2: \"no idea\" (carol) suggestion wrong 0%"));
    h.feed(Judged{0, 0, Verdict::correct, 1});
    EXPECT_TRUE(h.printed("judged 1 correct, 1 left"));
    h.type("p Close, but say what it measures.");
    judge = h.last_sent<Judge>();
    EXPECT_EQ(judge.group, 2);
    EXPECT_EQ(judge.verdict, Verdict::partial);
    EXPECT_EQ(judge.comment, "Close, but say what it measures.");
    EXPECT_EQ(h.state.single_keys(), "");
    h.type("w");  // nothing left to mark: waits for the next request
    EXPECT_EQ(h.sent_of<Judge>().size(), 2u);
}

TEST_F(JudgeFlow, TheJudgingTimeCountsDownAndTheMarksItAppliedAreSaid) {
    JudgeRequest request = request_with_groups(0);
    request.deadline = h.now + 30'000;  // the server's clock is the harness's
    h.feed(request);
    EXPECT_TRUE(h.printed("groups left unmarked get their suggested mark in 30 s"))
        << h.transcript();
    EXPECT_NE(h.state.status_line(h.now + 12'000).find("suggested marks in 18s"), std::string::npos)
        << h.state.status_line(h.now + 12'000);
    h.type("c");
    h.feed(Judged{0, 0, Verdict::correct, 1});
    EXPECT_TRUE(h.printed("judged 1 correct, 1 left"));
    EXPECT_FALSE(h.printed("judging time is up"));
    // The time runs out on the second group: the server marks it with its suggestion.
    h.feed(Judged{0, 2, Verdict::wrong, 0});
    EXPECT_TRUE(h.printed("judging time is up: the groups left get their suggested marks"));
    EXPECT_TRUE(h.printed("suggestion applied to group 3 \"no idea\": wrong, 0 left"))
        << h.transcript();
    EXPECT_EQ(h.state.single_keys(), "");  // nothing left to mark
}

TEST_F(JudgeFlow, AcceptingEverySuggestionSaysWhatEachGroupGot) {
    h.feed(request_with_groups(0));
    h.type("a");
    EXPECT_EQ(h.sent_of<AcceptSuggestions>().size(), 1u);
    h.feed(Judged{0, 0, Verdict::correct, 1});
    h.feed(Judged{0, 2, Verdict::wrong, 0});
    EXPECT_FALSE(h.printed("judging time is up"));
    EXPECT_TRUE(h.printed("suggestion applied to group 1 \"share of actual positives\": correct"))
        << h.transcript();
    EXPECT_TRUE(h.printed("suggestion applied to group 3 \"no idea\": wrong"));
}

TEST_F(JudgeFlow, MarksTypedEarlyWaitForTheRequest) {
    h.type("start");
    h.type("w");
    h.type("a");
    EXPECT_TRUE(h.sent_of<Judge>().empty());
    EXPECT_EQ(h.sent_of<Start>().size(), 1u);  // commands run at once
    h.feed(request_with_groups(0));
    EXPECT_EQ(h.last_sent<Judge>().verdict, Verdict::wrong);
    EXPECT_EQ(h.last_sent<AcceptSuggestions>().question, 0);
}

TEST_F(JudgeFlow, AcceptAllEndsTheRequest) {
    h.feed(request_with_groups(4));
    h.type("a");
    EXPECT_EQ(h.last_sent<AcceptSuggestions>().question, 4);
    h.type("c");  // kept for the next request
    EXPECT_TRUE(h.sent_of<Judge>().empty());
    h.feed(request_with_groups(5));
    EXPECT_EQ(h.last_sent<Judge>().question, 5);
}

TEST_F(JudgeFlow, ARevealEndsJudgingEvenWithGroupsLeft) {
    h.feed(request_with_groups(0));
    Reveal reveal;
    reveal.question = 0;
    h.feed(reveal);  // the judging timeout applied the suggestions
    EXPECT_EQ(h.state.single_keys(), "");
    h.type("c");
    EXPECT_TRUE(h.sent_of<Judge>().empty());
}

class InterviewJudge : public JudgeFlow {
  protected:
    static ClientConfig config(bool interactive) {
        auto c = host_config(RoomKind::interview, AnswerMode::judge);
        c.interactive = interactive;
        c.save_summary = true;
        c.guide = small_guide();
        return c;
    }
    InterviewJudge() : JudgeFlow(config(false)) {}
};

TEST_F(InterviewJudge, ScriptedMarksCarryTipsByNumberOrIdAndAComment) {
    h.feed(request_with_groups(0, {"structure", "think-aloud", "honesty"}));
    EXPECT_TRUE(h.printed(
        "tips: 1=Structure Your Answers, 2=Think Out Loud, 3=Admit What You Do Not Know"));
    h.type("c +1 +honesty Crisp and honest.");
    const auto judge = h.last_sent<Judge>();
    EXPECT_EQ(judge.tips, (std::vector<std::string>{"structure", "honesty"}));
    EXPECT_EQ(judge.comment, "Crisp and honest.");
    h.type("w +9");
    EXPECT_TRUE(h.warned("unknown tip '9'"));
    EXPECT_EQ(h.sent_of<Judge>().size(), 1u);
}

TEST_F(InterviewJudge, TheInterviewerWaitsForEverySummaryAndSavesThem) {
    h.feed(GameOver{EndReason::completed, 1, 2, {}});
    EXPECT_FALSE(h.exit_code.has_value());
    h.feed(summary_for("cand"));
    EXPECT_TRUE(h.printed("# Interview summary: cand"));
    EXPECT_FALSE(h.exit_code.has_value());
    h.feed(summary_for("other"));
    EXPECT_EQ(h.exit_code, 0);
    ASSERT_TRUE(h.summary.has_value());
    EXPECT_NE(h.summary->find("# Interview summary: cand"), std::string::npos);
    EXPECT_NE(h.summary->find("# Interview summary: other"), std::string::npos);
}

class InteractiveInterviewJudge : public JudgeFlow {
  protected:
    InteractiveInterviewJudge() : JudgeFlow(InterviewJudgeConfig()) {}
    static ClientConfig InterviewJudgeConfig() {
        auto c = host_config(RoomKind::interview, AnswerMode::judge);
        c.interactive = true;
        c.guide = small_guide();
        return c;
    }
};

TEST_F(InteractiveInterviewJudge, AKeyAsksForACommentThenTips) {
    h.feed(request_with_groups(0, {"structure", "think-aloud", "honesty"}));
    h.type("p");
    EXPECT_TRUE(h.sent_of<Judge>().empty());
    EXPECT_EQ(h.state.single_keys(), "");  // typing a comment now
    EXPECT_NE(h.state.status_line(h.now).find("comment"), std::string::npos);
    h.type("Mention the denominator.");
    EXPECT_NE(h.state.status_line(h.now).find("tips"), std::string::npos);
    h.type("7");
    EXPECT_TRUE(h.warned("unknown tip '7'"));
    h.type("1, 3");
    const auto judge = h.last_sent<Judge>();
    EXPECT_EQ(judge.verdict, Verdict::partial);
    EXPECT_EQ(judge.comment, "Mention the denominator.");
    EXPECT_EQ(judge.tips, (std::vector<std::string>{"structure", "honesty"}));
    // The next group: Enter twice means no comment and no tips.
    h.type("w");
    h.type("");
    h.type("");
    EXPECT_EQ(h.last_sent<Judge>().group, 2);
    EXPECT_FALSE(h.last_sent<Judge>().comment.has_value());
    EXPECT_TRUE(h.last_sent<Judge>().tips.empty());
}

// At a terminal c, p, w and a act at once while a group waits, so a mark with a comment or tips
// is typed after a '/'.
class InteractiveQuizJudge : public JudgeFlow {
  protected:
    InteractiveQuizJudge() : JudgeFlow(config()) {}
    static ClientConfig config() {
        auto c = host_config(RoomKind::quiz, AnswerMode::judge);
        c.interactive = true;
        return c;
    }
};

TEST_F(InteractiveQuizJudge, ASlashMarkCarriesACommentAndASlashAAcceptsAll) {
    h.feed(request_with_groups(0));
    h.type("/p Right idea, spell out TPR/FPR");
    EXPECT_FALSE(h.warned("unknown command"));
    auto judge = h.last_sent<Judge>();
    EXPECT_EQ(judge.group, 0);
    EXPECT_EQ(judge.verdict, Verdict::partial);
    EXPECT_EQ(judge.comment, "Right idea, spell out TPR/FPR");
    h.type("/a");
    EXPECT_EQ(h.last_sent<AcceptSuggestions>().question, 0);
    h.type("/help");
    EXPECT_TRUE(h.printed("'/c +1 +honesty Clear.'"));
    EXPECT_TRUE(h.printed("press c (correct)"));
}

TEST_F(InteractiveInterviewJudge, ASlashMarkCarriesTipsAndACommentAtOnce) {
    h.feed(request_with_groups(0, {"structure", "think-aloud", "honesty"}));
    h.type("/c +1 +honesty Clear.");
    EXPECT_FALSE(h.warned("unknown command"));
    const auto judge = h.last_sent<Judge>();
    EXPECT_EQ(judge.verdict, Verdict::correct);
    EXPECT_EQ(judge.tips, (std::vector<std::string>{"structure", "honesty"}));
    EXPECT_EQ(judge.comment, "Clear.");
    EXPECT_EQ(h.state.single_keys(), "cpwa");  // the next group, no comment prompt
    h.type("help");
    EXPECT_TRUE(h.printed("then"));
    EXPECT_TRUE(h.printed("type a comment and the tips shown"));
}

TEST_F(InterviewJudge, ScriptedSlashMarksWorkLikeBareOnes) {
    h.feed(request_with_groups(0, {"structure", "think-aloud", "honesty"}));
    h.type("/w +2 Guessing.");
    const auto judge = h.last_sent<Judge>();
    EXPECT_EQ(judge.verdict, Verdict::wrong);
    EXPECT_EQ(judge.tips, (std::vector<std::string>{"think-aloud"}));
    EXPECT_EQ(judge.comment, "Guessing.");
    h.type("help");
    EXPECT_TRUE(h.printed("c|p|w may be followed by +TIP"));
}

TEST(Candidate, FinishesAfterItsSummary) {
    auto config = player_config();
    config.save_summary = true;
    StateHarness h(config);
    h.seat_candidate();
    h.feed(GameOver{EndReason::completed, 1, 1, {}});
    h.feed(FinalResult{1, 1, 900, 1, 0, 0, 0, 9000, 12000});
    EXPECT_FALSE(h.exit_code.has_value());
    h.feed(summary_for("cand"));
    EXPECT_EQ(h.exit_code, 0);
    ASSERT_TRUE(h.summary.has_value());
    EXPECT_NE(h.summary->find("- Comment: Crisp."), std::string::npos);
}

}  // namespace
}  // namespace rapidfire::client::testing
