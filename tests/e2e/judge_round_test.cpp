// A judged quiz: players type answers, the host marks the groups with c/p/w/a lines that were
// typed before the answers even arrived.

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, HostJudgesWithQueuedMarks) {
    std::unique_ptr<Process> host;
    const std::string code =
        host_room(host, {"host", "--mode", "judge", "--questions", "2", "--seconds", "10",
                         "--reveal", "1", "--no-shuffle", "--name", "Judy"});
    auto alice = client({"join", code, "--name", "alice"});
    ASSERT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
    auto bob = client({"join", code, "--name", "bob"});
    ASSERT_TRUE(host->wait_for_line("players 2: alice, bob")) << host->transcript();
    // Question 1: accept the suggestions. Question 2: alice's group (the first: groups of one
    // keep join order) partial with a comment, then bob's wrong.
    host->write_line("start");
    host->write_line("a");
    host->write_line("p Good try, but say more.");
    host->write_line("w");
    bob->write_line("no idea");
    bob->write_line("still no idea");

    for (int i = 1; i <= 2; ++i) {
        const auto q = next_question(*alice, 0);
        ASSERT_TRUE(q) << alice->transcript();
        alice->write_line(reference(q->text));
        ASSERT_TRUE(host->wait_for_line("judge question " + std::to_string(i) + ": "))
            << host->transcript();
        ASSERT_TRUE(alice->wait_for_line("reveal " + std::to_string(i) + ": "))
            << alice->transcript();
    }

    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    EXPECT_EQ(alice->wait_exit(), 0) << alice->transcript();
    EXPECT_EQ(bob->wait_exit(), 0) << bob->transcript();
    // Every player saw the question close before the judging.
    EXPECT_EQ(count_lines(*alice, "closed 1: 2 answers to judge"), 1) << alice->transcript();
    // The host saw each group with its suggestion, and the marks land.
    EXPECT_EQ(count_lines(*host, "judge 1/2: "), 2) << host->transcript();
    EXPECT_EQ(count_lines(*host, "suggestion correct 100%"), 2) << host->transcript();
    // Question 1's accepted suggestions are marks too, each said with what it applied;
    // question 2's marks are the host's.
    EXPECT_EQ(count_lines(*host, "suggestion applied to group 1 \""), 1) << host->transcript();
    EXPECT_EQ(count_lines(*host, "\": correct, 1 left"), 1) << host->transcript();
    EXPECT_EQ(count_lines(*host, "suggestion applied to group 2 \"no idea\": wrong, 0 left"), 1)
        << host->transcript();
    EXPECT_EQ(count_lines(*host, "judged 1 partial, 1 left"), 1) << host->transcript();
    EXPECT_EQ(count_lines(*host, "judged 2 wrong, 0 left"), 1) << host->transcript();
    EXPECT_EQ(count_lines(*alice, "result correct +"), 1) << alice->transcript();
    EXPECT_EQ(count_lines(*alice, "result partial +"), 1) << alice->transcript();
    EXPECT_EQ(count_lines(*alice, "comment: Good try, but say more."), 1) << alice->transcript();
    EXPECT_EQ(count_lines(*bob, "result wrong +0"), 2) << bob->transcript();
    EXPECT_EQ(count_lines(*alice, "final rank 1/2"), 1);
}

}  // namespace
}  // namespace rapidfire::e2e
