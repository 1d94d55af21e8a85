// The console's `match`: the queue, the proposal, the pair's room, and the feedback form.

#include "state_harness.hpp"

namespace rapidfire::client::testing {
namespace {

ClientConfig match_config() {
    ClientConfig config;
    config.command = Command::match;
    config.match.nickname = "Ada";
    config.match.topics = {"evaluation"};
    config.match.role = MatchRole::interviewer;
    config.stay = true;
    config.save_summary = true;
    return config;
}

FeedbackRequest feedback_request() {
    return {"Bo",
            {{"structure", "Structure Your Answers"}, {"clarify", "Ask Clarifying Questions"}},
            1'700'000'600'000};
}

TEST(MatchState, QueuesOnEachNewConnectionUntilARoomIsFound) {
    StateHarness h(match_config());
    h.welcome();
    const auto join = h.last_sent<MatchJoin>();
    EXPECT_EQ(join.nickname, "Ada");
    EXPECT_EQ(join.topics, std::vector<std::string>{"evaluation"});
    EXPECT_TRUE(h.printed("looking for a partner on evaluation, interviewing first"));
    EXPECT_EQ(h.state.room_code(), "");

    h.feed(MatchStatus{2, 3, {{"evaluation", 2}}, std::nullopt, Requeued::partner_declined});
    EXPECT_TRUE(h.printed("your partner declined: you are first in line again"));
    EXPECT_TRUE(h.printed("waiting for a partner: 2nd in line, 3 waiting; evaluation 2"));

    h.feed(MatchProposed{"Bo", MatchRole::interviewer, {"evaluation"}, std::nullopt, 0});
    EXPECT_EQ(h.sent_of<MatchConfirm>().size(), 1u);  // confirmed at once
    h.feed(MatchFound{"ABC234", "Bo", MatchRole::interviewer, {"evaluation"}});
    EXPECT_TRUE(h.printed("matched with Bo in room ABC234: you interview first"));
    EXPECT_EQ(h.state.room_code(), "ABC234");
    EXPECT_FALSE(h.exit_code);
}

TEST(MatchState, ADroppedConnectionJoinsTheQueueAgain) {
    StateHarness h(match_config());
    h.welcome();
    h.feed(MatchStatus{1, 1, {{"evaluation", 1}}, std::nullopt, std::nullopt});
    h.drop();
    EXPECT_FALSE(h.exit_code);
    EXPECT_TRUE(h.printed("connection lost: joining the queue again"));
    h.welcome();
    EXPECT_EQ(h.sent_of<MatchJoin>().size(), 2u);
    EXPECT_TRUE(h.sent_of<Resume>().empty());
    // Once in the pair's room, a drop resumes the seat like any other.
    h.feed(MatchFound{"ABC234", "Bo", MatchRole::candidate, {}});
    auto joined = player_joined("ABC234", "ABC234.token");
    joined.nickname = "Ada";
    h.feed(joined);
    h.drop();
    EXPECT_FALSE(h.exit_code);
    h.welcome();
    EXPECT_EQ(h.last_sent<Resume>().token, "ABC234.token");
    EXPECT_EQ(h.sent_of<MatchJoin>().size(), 2u);
}

TEST(MatchState, LeaveLeavesTheQueueAndEndsTheRun) {
    StateHarness h(match_config());
    h.welcome();
    h.type("/leave");
    EXPECT_EQ(h.sent_of<MatchLeave>().size(), 1u);
    h.feed(MatchLeft{MatchLeftReason::left});
    EXPECT_EQ(h.exit_code, 0);
}

TEST(MatchState, ANoShowEndsWithOneAndARefusedJoinWithTwo) {
    StateHarness late(match_config());
    late.welcome();
    late.feed(MatchLeft{MatchLeftReason::no_show});
    EXPECT_EQ(late.exit_code, 1);

    StateHarness refused(match_config());
    refused.welcome();
    refused.feed(make_error(ErrorCode::unknown_topic, "no question has the topic 'x'", "match_join",
                            "topics[0]"));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(refused.warned("no question has the topic 'x'"));
}

TEST(MatchState, APartnerGoneEndsThePracticeAndSaysSo) {
    StateHarness h(match_config());
    h.welcome();
    h.feed(MatchFound{"ABC234", "Bo", MatchRole::interviewer, {}});
    h.feed(PairEnded{"Bo"});
    EXPECT_TRUE(h.printed("Bo has left: the practice ends here, without feedback"));
    EXPECT_EQ(h.exit_code, 0);
}

TEST(MatchState, TheFeedbackFormTakesThreeLinesAndAsksAgainForBadRatings) {
    StateHarness h(match_config());
    h.welcome();
    h.feed(MatchFound{"ABC234", "Bo", MatchRole::interviewer, {}});
    h.feed(feedback_request());
    EXPECT_TRUE(h.printed("feedback for Bo: rate what you saw from 1 to 5"));
    EXPECT_TRUE(h.printed("  2. clarify: Ask Clarifying Questions"));
    h.type("structure=9");
    EXPECT_TRUE(h.warned("'structure=9': rate an area as AREA=N, N from 1 to 5"));
    EXPECT_TRUE(h.sent_of<Feedback>().empty());
    h.type("structure=4 2=3");
    h.type("Clear definitions.");
    EXPECT_TRUE(h.sent_of<Feedback>().empty());
    h.type("");  // nothing to work on
    const auto sent = h.last_sent<Feedback>();
    ASSERT_EQ(sent.ratings.size(), 2u);
    EXPECT_EQ(sent.ratings[1].area, "clarify");
    EXPECT_EQ(sent.ratings[1].score, 3);
    EXPECT_EQ(sent.went_well, "Clear definitions.");
    EXPECT_EQ(sent.work_on, "");

    h.feed(FeedbackSaved{});
    // A resume asks again: the form is not shown twice.
    h.feed(feedback_request());
    EXPECT_EQ(h.sent_of<Feedback>().size(), 1u);
    h.feed(PartnerFeedback{"Bo", true, {{"structure", 5}}, "Good pace.", "Ask more."});
    EXPECT_TRUE(h.printed("  Structure Your Answers: 5/5"));
    EXPECT_EQ(h.exit_code, 0);
    ASSERT_TRUE(h.summary);
    EXPECT_NE(h.summary->find("## Feedback from Ada to Bo\n\n- Structure Your Answers: 4/5\n"),
              std::string::npos)
        << *h.summary;
    EXPECT_NE(h.summary->find("## Feedback from Bo to Ada\n"), std::string::npos) << *h.summary;
    EXPECT_NE(h.summary->find("- Work on: Ask more.\n"), std::string::npos) << *h.summary;
}

}  // namespace
}  // namespace rapidfire::client::testing
