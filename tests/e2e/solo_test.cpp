// Solo runs: one player against the clock, grading themselves or picking choices.

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, SoloSelfGradedFromAScriptThatEnds) {
    auto solo = client({"solo", "--name", "me", "--mode", "self", "--clock", "per-question",
                        "--seconds", "10", "--questions", "2"});
    // Every line at once, then the end of stdin: lines wait for what they answer, and the end
    // of input does not end the run.
    solo->write("first answer\ngood\nsecond answer\nagain\n");
    solo->close_stdin();
    EXPECT_EQ(solo->wait_exit(30s), 0) << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "grade: again|hard|good|easy or 1-4"), 2) << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "result correct +"), 1) << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "result wrong +0"), 1) << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "final rank 1/1"), 1) << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "correct 1 partial 0 wrong 1 unanswered 0"), 1);
}

TEST_F(EndToEnd, SoloChoiceOnOneTotalClock) {
    auto solo = client({"solo", "--name", "me", "--questions", "2", "--total", "30"});
    for (int i = 1; i <= 2; ++i) {
        const auto q = next_question(*solo);
        ASSERT_TRUE(q) << solo->transcript();
        solo->write_line(std::to_string(correct_choice(*q)));
        ASSERT_TRUE(solo->wait_for_line("result correct +")) << solo->transcript();
    }
    EXPECT_EQ(solo->wait_exit(), 0) << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "game over: completed, 2 questions, 1 players"), 1)
        << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "final rank 1/1 points "), 1);
}

}  // namespace
}  // namespace rapidfire::e2e
