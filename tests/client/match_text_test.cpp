// What the console says while it looks for a partner, and how it reads a line of ratings.

#include <gtest/gtest.h>

#include "rapidfire/client/match_text.hpp"

namespace rapidfire::client {
namespace {

using namespace protocol;

const std::vector<FeedbackArea> areas = {{"structure", "Structure Your Answers"},
                                         {"clarify", "Ask Clarifying Questions"},
                                         {"time", "Manage Your Time"}};

TEST(MatchText, TheQueueInWords) {
    MatchJoin join;
    join.topics = {"evaluation", "regularization"};
    join.level = Level::intermediate;
    join.role = MatchRole::interviewer;
    EXPECT_EQ(match_request_line(join),
              "looking for a partner on evaluation, regularization (level intermediate), "
              "interviewing first");
    EXPECT_EQ(match_request_line(MatchJoin{}), "looking for a partner on any topic");

    MatchStatus status;
    status.position = 2;
    status.waiting = 5;
    status.topics = {{"evaluation", 3}, {"regularization", 1}};
    EXPECT_EQ(match_status_line(status),
              "waiting for a partner: 2nd in line, 5 waiting; evaluation 3, regularization 1");
    status.position = 11;
    EXPECT_EQ(match_status_line(status).substr(0, 32), "waiting for a partner: 11th in l");
    EXPECT_FALSE(requeued_line(status));
    status.requeued = Requeued::partner_no_show;
    EXPECT_EQ(requeued_line(status),
              "your partner did not confirm in time: you are first in line again");

    EXPECT_EQ(match_proposed_line({"Bo", MatchRole::candidate, {}, Level::beginner, 0}),
              "partner found: Bo (beginner) on any topic; you answer first");
    EXPECT_EQ(match_found_line({"ABC123", "Bo", MatchRole::interviewer, {"evaluation"}}),
              "matched with Bo in room ABC123: you interview first, then the roles swap");
    EXPECT_EQ(match_left_line({MatchLeftReason::no_show}),
              "you did not confirm the partner in time: out of the queue");
}

TEST(MatchText, RatingsAreReadByIdOrNumber) {
    std::string error;
    const auto ratings = parse_ratings("structure=4, 2=5  time=1", areas, error);
    ASSERT_TRUE(ratings) << error;
    ASSERT_EQ(ratings->size(), 3u);
    EXPECT_EQ((*ratings)[0].area, "structure");
    EXPECT_EQ((*ratings)[0].score, 4);
    EXPECT_EQ((*ratings)[1].area, "clarify");
    EXPECT_EQ((*ratings)[1].score, 5);
    EXPECT_EQ((*ratings)[2].score, 1);
    const auto none = parse_ratings("   ", areas, error);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST(MatchText, BadRatingsSayWhatIsWrong) {
    std::string error;
    EXPECT_FALSE(parse_ratings("structure=6", areas, error));
    EXPECT_EQ(error, "'structure=6': rate an area as AREA=N, N from 1 to 5");
    EXPECT_FALSE(parse_ratings("4", areas, error));
    EXPECT_FALSE(parse_ratings("honesty=3", areas, error));
    EXPECT_EQ(error, "'honesty' is not one of the areas listed");
    EXPECT_FALSE(parse_ratings("4=3", areas, error));
    EXPECT_EQ(error, "'4': the areas are numbered 1 to 3");
    EXPECT_FALSE(parse_ratings("1=3 structure=2", areas, error));
    EXPECT_EQ(error, "'structure' is rated twice");
}

TEST(MatchText, FeedbackInTheTerminalAndInMarkdown) {
    const PartnerFeedback feedback{"Bo", true, {{"structure", 4}}, "Clear answers.", "Pace."};
    EXPECT_EQ(partner_feedback_lines(feedback, areas),
              (std::vector<std::string>{"feedback from Bo:", "  Structure Your Answers: 4/5",
                                        "  went well: Clear answers.", "  work on: Pace."}));
    EXPECT_EQ(partner_feedback_lines({"Bo", false, {}, "", ""}, areas),
              std::vector<std::string>{"Bo sent no feedback in time"});
    EXPECT_EQ(feedback_markdown("Bo", "Ada", true, feedback.ratings, feedback.went_well,
                                feedback.work_on, areas),
              "## Feedback from Bo to Ada\n\n- Structure Your Answers: 4/5\n"
              "- Went well: Clear answers.\n- Work on: Pace.\n");
    EXPECT_EQ(feedback_markdown("Bo", "Ada", false, {}, "", "", areas),
              "## Feedback from Bo to Ada\n\nNone sent in time.\n");
}

}  // namespace
}  // namespace rapidfire::client
