// A mock interview: the interviewer judges each answer with a comment and communication tips;
// the candidate ends with a summary.

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::Verdict;

TEST(Interview, JudgedAnswersEndInASummary) {
    TestServer server;
    auto interviewer = server.client();
    protocol::RoundSettings settings;
    settings.questions = 2;
    settings.reveal_seconds = 0;
    const auto created =
        create_room(*interviewer, protocol::RoomKind::interview, "Interviewer", settings);
    EXPECT_EQ(created.kind, protocol::RoomKind::interview);
    EXPECT_EQ(created.settings.mode, protocol::AnswerMode::judge);
    auto candidate = server.client();
    const auto joined = join_room(*candidate, created.code, "Candidate");
    EXPECT_EQ(joined.kind, protocol::RoomKind::interview);
    interviewer->send(protocol::Start{created.host_token});

    const auto& tips = bundled_guide()->tips;
    ASSERT_GE(tips.size(), 2u);
    const std::vector<Verdict> verdicts = {Verdict::partial, Verdict::correct};
    const std::vector<std::string> comments = {"Define the terms first.", "Clear and complete."};
    for (int q = 0; q < 2; ++q) {
        SCOPED_TRACE("question " + std::to_string(q));
        const auto question = candidate->wait_for<protocol::Question>();
        EXPECT_EQ(question.question, q);
        candidate->send(text_answer(q, bank_question(question.id).answer));
        candidate->wait_for<protocol::AnswerAccepted>();

        const auto request = interviewer->wait_for<protocol::JudgeRequest>();
        ASSERT_EQ(request.groups.size(), 1u);
        EXPECT_EQ(request.tips.size(), tips.size());  // the rubric
        interviewer->send(protocol::Judge{created.host_token,
                                          q,
                                          request.groups[0].group,
                                          verdicts[q],
                                          comments[q],
                                          {tips[q].id}});
        interviewer->wait_for<protocol::Judged>();
        const auto result = candidate->wait_for<protocol::Result>();
        EXPECT_EQ(result.verdict, verdicts[q]);
        EXPECT_EQ(result.comment, comments[q]);
        interviewer->wait_for<protocol::Reveal>();
        interviewer->send(protocol::Skip{created.host_token});
    }

    EXPECT_EQ(candidate->wait_for<protocol::GameOver>().reason, protocol::EndReason::completed);
    const auto final_result = candidate->wait_for<protocol::FinalResult>();
    EXPECT_EQ(final_result.partial, 1);
    EXPECT_EQ(final_result.correct, 1);
    const auto summary = candidate->wait_for<protocol::Summary>();
    EXPECT_EQ(summary.nickname, "Candidate");
    EXPECT_EQ(summary.interviewer, "Interviewer");
    ASSERT_EQ(summary.items.size(), 2u);
    EXPECT_EQ(summary.items[0].comment, comments[0]);
    EXPECT_EQ(summary.items[1].verdict, Verdict::correct);
    EXPECT_EQ(summary.tips_shown, (std::vector<std::string>{tips[0].id, tips[1].id}));
    EXPECT_EQ(summary.tips_missed.size(), tips.size() - 2);

    // The interviewer gets the candidate's summary too.
    const auto copy = interviewer->wait_for<protocol::Summary>();
    EXPECT_EQ(copy.player, summary.player);
    EXPECT_EQ(copy.points, summary.points);
}

}  // namespace
}  // namespace rapidfire::test
