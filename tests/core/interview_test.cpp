// Interview rooms: comments, tips, the candidate's summary, swapping roles.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

TEST(Interview, TheInterviewerReadsTheReferenceWhileTheCandidateAnswers) {
    RoomHarness h;
    RoundSettings s;
    s.shuffle = false;  // q1: "The share of actual positives found."
    h.create(RoomKind::interview, s, "Iris");
    const MemberId cand = h.join("Cand");
    h.send(h.host(), Start{h.host_token()});
    EXPECT_EQ(h.last<Question>(h.host()).reference, "The share of actual positives found.");
    EXPECT_FALSE(h.last<Question>(cand).reference.has_value());
    // Back after a dropped connection: the same.
    h.drop(h.host());
    h.clear();
    h.resume(h.token(h.host()));
    EXPECT_EQ(h.last<Question>(h.host()).reference, "The share of actual positives found.");
}

TEST(Interview, AQuizHostsScreenNeverGetsTheReferenceDuringTheQuestion) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    h.join("a");
    h.send(h.host(), Start{h.host_token()});
    EXPECT_FALSE(h.last<Question>(h.host()).reference.has_value());
}

TEST(Interview, SummaryReportsEveryQuestionVerdictCommentTopicAndTip) {
    RoomHarness h;
    RoundSettings s;
    s.questions = 3;
    s.shuffle = false;  // q1 (evaluation), q2 (regularization), q3 (evaluation)
    h.create(RoomKind::interview, s, "Iris");
    EXPECT_EQ(h.last<RoomCreated>(1).settings.seconds, 45);
    EXPECT_EQ(h.last<RoomCreated>(1).settings.mode, AnswerMode::judge);
    const MemberId cand = h.join("Cand");
    h.send(h.host(), Start{h.host_token()});

    // Q1: correct, with a comment and two tips.
    h.advance(9'000);
    h.send(cand, Answer{0, {}, std::string("share of actual positives")});
    const auto request = h.last<JudgeRequest>(h.host());
    EXPECT_EQ(request.tips, (std::vector<std::string>{"structure", "tradeoffs", "honesty"}));
    h.send(h.host(), Judge{h.host_token(),
                           0,
                           0,
                           Verdict::correct,
                           std::string("Crisp."),
                           {"structure", "honesty"}});
    h.run_for(5'000);
    // Q2: wrong.
    h.send(cand, Answer{1, {}, std::string("more layers")});
    h.send(h.host(),
           Judge{h.host_token(), 1, 0, Verdict::wrong, std::string("Think dropout."), {}});
    h.run_for(5'000);
    // Q3: no answer.
    h.run_for(45'251 + 5'000);

    const auto summary = h.last<Summary>(cand);
    EXPECT_EQ(h.count<Summary>(h.host()), 1);  // the interviewer gets it too
    EXPECT_EQ(summary.nickname, "Cand");
    EXPECT_EQ(summary.interviewer, "Iris");
    EXPECT_EQ(summary.correct, 1);
    EXPECT_EQ(summary.wrong, 1);
    EXPECT_EQ(summary.unanswered, 1);
    ASSERT_EQ(summary.items.size(), 3u);
    EXPECT_EQ(summary.items[0].answer, "share of actual positives");
    EXPECT_EQ(summary.items[0].reference, "The share of actual positives found.");
    EXPECT_EQ(summary.items[0].verdict, Verdict::correct);
    EXPECT_EQ(summary.items[0].comment, "Crisp.");
    EXPECT_EQ(summary.items[0].time_ms, 9'000);
    EXPECT_EQ(summary.items[0].points, 900);  // round(1000 * (1 - 9/45/2))
    EXPECT_EQ(summary.items[1].comment, "Think dropout.");
    EXPECT_FALSE(summary.items[2].answer.has_value());
    ASSERT_EQ(summary.misses_by_topic.size(), 2u);
    EXPECT_EQ(summary.misses_by_topic[0].topic, "evaluation");
    EXPECT_EQ(summary.misses_by_topic[0].questions, (std::vector<int>{2}));
    EXPECT_EQ(summary.misses_by_topic[1].topic, "regularization");
    EXPECT_EQ(summary.tips_shown, (std::vector<std::string>{"structure", "honesty"}));
    EXPECT_EQ(summary.tips_missed, (std::vector<std::string>{"tradeoffs"}));
}

// A one-question interview by Iris with these candidates, played and ended by the host.
std::vector<MemberId> ended_interview(RoomHarness& h, const std::vector<std::string>& candidates) {
    RoundSettings s;
    s.questions = 1;
    h.create(RoomKind::interview, s, "Iris");
    std::vector<MemberId> ids;
    for (const auto& nickname : candidates)
        ids.push_back(h.join(nickname));
    h.send(h.host(), Start{h.host_token()});
    h.send(h.host(), EndGame{h.host_token()});
    return ids;
}

TEST(Interview, RolesCanBeSwappedForTheNextRound) {
    RoomHarness h;
    const MemberId cand = ended_interview(h, {"Cand"}).at(0);
    const std::string old_token = h.host_token();
    h.clear();
    h.send(h.host(), Rematch{old_token, true});
    const auto now_host = h.last<Joined>(cand);
    EXPECT_EQ(now_host.role, Role::host);
    ASSERT_TRUE(now_host.host_token.has_value());
    EXPECT_NE(*now_host.host_token, old_token);
    EXPECT_EQ(h.last<Joined>(h.host()).role, Role::player);
    EXPECT_EQ(h.last<Joined>(h.host()).phase, RoomPhase::lobby);
    // The old token no longer runs the room; the new host's does.
    h.send(h.host(), Start{old_token});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::not_host);
    h.send(cand, Start{*now_host.host_token});
    EXPECT_EQ(h.count<Question>(h.host()), 1);
}

TEST(Interview, ASwapSkipsACandidateWhoIsNotConnected) {
    RoomHarness h;
    const auto ids = ended_interview(h, {"Gone", "Here"});
    const MemberId gone = ids.at(0);
    const MemberId here = ids.at(1);
    h.drop(gone);
    h.clear();
    h.send(h.host(), Rematch{h.host_token(), true});
    EXPECT_EQ(h.last<Joined>(here).role, Role::host);
    EXPECT_EQ(h.last<Joined>(h.host()).role, Role::player);
    EXPECT_EQ(h.count<Joined>(gone), 0);
}

TEST(Interview, WithNoCandidateConnectedASwapKeepsTheRoles) {
    RoomHarness h;
    h.drop(ended_interview(h, {"Gone"}).at(0));
    h.clear();
    const std::string token = h.host_token();
    h.send(h.host(), Rematch{token, true});
    const auto joined = h.last<Joined>(h.host());
    EXPECT_EQ(joined.role, Role::host);
    EXPECT_EQ(joined.phase, RoomPhase::lobby);
    h.send(h.host(), Start{token});
    EXPECT_EQ(h.count<Question>(h.host()), 1);
}

}  // namespace
}  // namespace rapidfire::core::testing
