// A solo run: one person, one total clock, grading their own answers.

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::SelfGrade;
using protocol::Verdict;

TEST(Solo, SelfGradedRunOnATotalClock) {
    TestServer server;
    auto runner = server.client();
    protocol::RoundSettings settings;
    settings.questions = 3;
    settings.mode = protocol::AnswerMode::self;
    settings.clock = protocol::ClockMode::total;
    settings.total_seconds = 60;
    settings.reveal_seconds = 0;
    const auto created = create_room(*runner, protocol::RoomKind::solo, "Solo", settings);
    EXPECT_EQ(created.kind, protocol::RoomKind::solo);
    ASSERT_TRUE(created.player.has_value());  // host and only player
    EXPECT_EQ(created.settings.clock, protocol::ClockMode::total);

    runner->send(protocol::Start{created.host_token});
    protocol::Millis answer_time = 0;
    const std::vector<SelfGrade> grades = {SelfGrade::good, SelfGrade::hard, SelfGrade::again};
    const std::vector<Verdict> verdicts = {Verdict::correct, Verdict::partial, Verdict::wrong};
    for (int q = 0; q < 3; ++q) {
        SCOPED_TRACE("question " + std::to_string(q));
        const auto question = runner->wait_for<protocol::Question>();
        EXPECT_EQ(question.question, q);
        EXPECT_EQ(question.mode, protocol::AnswerMode::self);
        EXPECT_LE(question.remaining_ms, 60'000);
        runner->send(text_answer(q, "my best recollection"));
        answer_time += runner->wait_for<protocol::AnswerAccepted>().elapsed_ms;
        const auto grading = runner->wait_for<protocol::Reveal>();
        EXPECT_TRUE(grading.grading);
        EXPECT_EQ(grading.reference, bank_question(question.id).answer);
        runner->send(protocol::Grade{q, grades[q]});
        const auto result = runner->wait_for<protocol::Result>();
        EXPECT_EQ(result.grade, grades[q]);
        EXPECT_EQ(result.verdict, verdicts[q]);
        if (q < 2)
            runner->send(protocol::Skip{created.host_token});
    }
    // After the last question a solo run ends by itself.
    const auto over = runner->wait_for<protocol::GameOver>();
    EXPECT_EQ(over.reason, protocol::EndReason::completed);
    const auto final_result = runner->wait_for<protocol::FinalResult>();
    EXPECT_EQ(final_result.correct, 1);
    EXPECT_EQ(final_result.partial, 1);
    EXPECT_EQ(final_result.wrong, 1);
    // On one total clock the run lasts as long as its questions were open (on loopback that
    // can be under a millisecond).
    EXPECT_GE(final_result.run_ms, answer_time);
    EXPECT_LT(final_result.run_ms, 60'000);
}

}  // namespace
}  // namespace rapidfire::test
