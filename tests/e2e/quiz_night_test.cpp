// A quiz night: a host and two players in choice mode, from the lobby to the podium.

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, QuizNightFromLobbyToPodium) {
    std::unique_ptr<Process> host;
    const std::string code = host_room(host, {"host", "--questions", "3", "--seconds", "5",
                                              "--reveal", "1", "--name", "Quizmaster"});
    ASSERT_EQ(code.size(), 6u);
    auto alice = client({"join", code, "--name", "alice"});
    ASSERT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
    auto bob = client({"join", code, "--name", "bob"});
    ASSERT_TRUE(host->wait_for_line("players 2: alice, bob")) << host->transcript();
    ASSERT_TRUE(bob->wait_for_line("players 2")) << bob->transcript();
    host->write_line("start");

    for (int i = 1; i <= 3; ++i) {
        const auto qa = next_question(*alice);
        ASSERT_TRUE(qa) << alice->transcript();
        EXPECT_EQ(qa->number, i);
        EXPECT_EQ(qa->total, 3);
        const auto qb = next_question(*bob);
        ASSERT_TRUE(qb) << bob->transcript();
        EXPECT_EQ(qb->text, qa->text);
        alice->write_line(std::to_string(correct_choice(*qa)));
        bob->write_line(std::to_string(wrong_choice(*qb)));
        ASSERT_TRUE(alice->wait_for_line("result correct +")) << alice->transcript();
        ASSERT_TRUE(bob->wait_for_line("result wrong +0 total 0 rank 2")) << bob->transcript();
        ASSERT_TRUE(alice->wait_for_line("standings 1. alice")) << alice->transcript();
    }

    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    EXPECT_EQ(alice->wait_exit(), 0) << alice->transcript();
    EXPECT_EQ(bob->wait_exit(), 0) << bob->transcript();
    EXPECT_EQ(count_lines(*host, "game over: completed, 3 questions, 2 players"), 1)
        << host->transcript();
    EXPECT_EQ(count_lines(*host, "podium 1. alice "), 1) << host->transcript();
    EXPECT_GE(count_lines(*host, "answered "), 3) << host->transcript();  // answer_progress
    EXPECT_EQ(count_lines(*alice, "final rank 1/2"), 1) << alice->transcript();
    EXPECT_EQ(count_lines(*alice, "correct 3 partial 0 wrong 0 unanswered 0"), 1);
    EXPECT_EQ(count_lines(*bob, "final rank 2/2 points 0"), 1) << bob->transcript();
    EXPECT_EQ(count_lines(*alice, "accepted "), 3);
    // The reveal names the right choice.
    EXPECT_EQ(count_lines(*bob, "correct choice "), 3);
}

TEST_F(EndToEnd, JsonPrintsEveryFrameAsOneLine) {
    std::unique_ptr<Process> host;
    const std::string code =
        host_room(host, {"host", "--questions", "1", "--seconds", "5", "--reveal", "1"});
    auto player = client({"--json", "join", code, "--name", "jay"});
    ASSERT_TRUE(host->wait_for_line("players 1: jay")) << host->transcript();
    host->write_line("start");
    player->write_line("1");
    EXPECT_EQ(player->wait_exit(), 0) << player->transcript();
    ASSERT_FALSE(player->lines().empty());
    EXPECT_EQ(player->lines().front().rfind("{\"type\":\"welcome\"", 0), 0u);
    for (const auto& line : player->lines()) {
        EXPECT_EQ(line.rfind("{\"type\":\"", 0), 0u) << line;
        EXPECT_EQ(line.back(), '}') << line;
    }
    EXPECT_EQ(count_lines(*player, "{\"type\":\"final_result\""), 1) << player->transcript();
    EXPECT_EQ(host->wait_exit(), 0);
}

}  // namespace
}  // namespace rapidfire::e2e
