// A client stopped with Ctrl-C and started again with the same command takes its seat back:
// the player with their points, the host with the room.

#include <signal.h>

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, APlayerStoppedWithCtrlCComesBackWithTheSameCommand) {
    std::unique_ptr<Process> host;
    const std::string code =
        host_room(host, {"host", "--questions", "2", "--seconds", "30", "--reveal", "1"});
    const std::vector<std::string> join_alice{"join", code, "--name", "alice"};
    auto alice = client(join_alice);
    auto bob = client({"join", code, "--name", "bob"});
    ASSERT_TRUE(host->wait_for_line("players 2: ")) << host->transcript();
    host->write_line("start");
    const auto q1 = next_question(*alice);
    ASSERT_TRUE(q1) << alice->transcript();
    ASSERT_TRUE(next_question(*bob)) << bob->transcript();
    alice->write_line(std::to_string(correct_choice(*q1)));
    bob->write_line(std::to_string(wrong_choice(*q1)));
    ASSERT_TRUE(alice->wait_for_line("result correct +")) << alice->transcript();

    ::kill(alice->pid(), SIGINT);
    EXPECT_EQ(alice->wait_exit(), 128 + SIGINT) << alice->transcript();
    EXPECT_NE(alice->errors().find("your seat in room " + code + " and its points are kept"),
              std::string::npos)
        << alice->transcript();
    EXPECT_NE(alice->errors().find("join " + code + " --name alice"), std::string::npos)
        << alice->transcript();

    // The same command again: the seat, not a new one (the nickname is still the seat's).
    auto again = client(join_alice);
    ASSERT_TRUE(again->wait_for_line("back in room " + code + " as alice: "))
        << again->transcript();
    const auto q2 = next_question(*again);
    ASSERT_TRUE(q2) << again->transcript();
    EXPECT_EQ(q2->number, 2);
    again->write_line(std::to_string(correct_choice(*q2)));
    bob->write_line(std::to_string(wrong_choice(*q2)));
    EXPECT_EQ(again->wait_exit(), 0) << again->transcript();
    EXPECT_EQ(bob->wait_exit(), 0) << bob->transcript();
    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    // Both answers count for the one seat: alice is first with two right, and one of two.
    EXPECT_EQ(count_lines(*again, "final rank 1/2 "), 1) << again->transcript();
    EXPECT_EQ(count_lines(*again, "correct 2 partial 0 wrong 0"), 1) << again->transcript();
    EXPECT_EQ(count_lines(*host, " 2 players"), 1) << host->transcript();

    // The game is over: the seat is forgotten, and the same command is a plain join (refused:
    // the room's game is over).
    auto late = client(join_alice);
    EXPECT_EQ(late->wait_exit(), 2) << late->transcript();
    EXPECT_EQ(late->errors().find("earlier seat"), std::string::npos) << late->transcript();
}

TEST_F(EndToEnd, AHostStoppedWithCtrlCTakesTheRoomBackWithResume) {
    std::unique_ptr<Process> host;
    const std::string code =
        host_room(host, {"host", "--questions", "1", "--seconds", "60", "--reveal", "0"});
    auto alice = client({"join", code, "--name", "alice"});
    ASSERT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
    host->write_line("start");
    const auto q1 = next_question(*alice);
    ASSERT_TRUE(q1) << alice->transcript();

    ::kill(host->pid(), SIGINT);
    EXPECT_EQ(host->wait_exit(), 128 + SIGINT) << host->transcript();
    EXPECT_NE(host->errors().find("host --resume " + code), std::string::npos)
        << host->transcript();
    ASSERT_TRUE(alice->wait_for_line("paused host disconnected")) << alice->transcript();

    auto resumed = client({"host", "--resume", code});
    ASSERT_TRUE(resumed->wait_for_line("back in room " + code + " as host, the host"))
        << resumed->transcript();
    ASSERT_TRUE(alice->wait_for_line("host back")) << alice->transcript();
    alice->write_line(std::to_string(correct_choice(*q1)));
    ASSERT_TRUE(resumed->wait_for_line("reveal 1: ")) << resumed->transcript();
    resumed->write_line("skip");
    EXPECT_EQ(resumed->wait_exit(), 0) << resumed->transcript();
    EXPECT_EQ(alice->wait_exit(), 0) << alice->transcript();
    EXPECT_EQ(count_lines(*alice, "correct 1 partial 0 wrong 0"), 1) << alice->transcript();

    // Over: nothing is remembered to resume any more.
    auto none = client({"host", "--resume", code});
    EXPECT_EQ(none->wait_exit(), 1) << none->transcript();
    EXPECT_NE(none->errors().find("no host seat in room " + code), std::string::npos)
        << none->transcript();
}

}  // namespace
}  // namespace rapidfire::e2e
