// A dropped connection is resumed with the resume token, mid-question.

#include "e2e_fixture.hpp"
#include "tcp_proxy.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, APlayerResumesAfterTheConnectionDrops) {
    const int server_port = std::stoi(url_.substr(url_.rfind(':') + 1));
    TcpProxy proxy(server_port);
    std::unique_ptr<Process> host;
    const std::string code =
        host_room(host, {"host", "--questions", "2", "--seconds", "20", "--reveal", "1"});
    // alice goes through the proxy; bob straight to the server.
    auto alice = Process::start(RAPIDFIRE_CLIENT_BIN,
                                {"--url", "ws://127.0.0.1:" + std::to_string(proxy.port()) + "/ws",
                                 "join", code, "--name", "alice"});
    auto bob = client({"join", code, "--name", "bob"});
    ASSERT_TRUE(host->wait_for_line("players 2: ")) << host->transcript();
    host->write_line("start");
    const auto q1 = next_question(*alice);
    ASSERT_TRUE(q1) << alice->transcript();
    ASSERT_TRUE(next_question(*bob)) << bob->transcript();

    proxy.cut();
    ASSERT_TRUE(alice->wait_for_line("connection lost, resuming...")) << alice->transcript();
    ASSERT_TRUE(alice->wait_for_line("resumed")) << alice->transcript();
    EXPECT_GE(proxy.accepted(), 2);
    // The question comes back with the resume; the answer still counts.
    const auto again = next_question(*alice);
    ASSERT_TRUE(again) << alice->transcript();
    EXPECT_EQ(again->text, q1->text);
    alice->write_line(std::to_string(correct_choice(*again)));
    ASSERT_TRUE(alice->wait_for_line("accepted ")) << alice->transcript();
    bob->write_line("1");
    ASSERT_TRUE(alice->wait_for_line("result correct +")) << alice->transcript();

    const auto q2 = next_question(*alice);
    ASSERT_TRUE(q2) << alice->transcript();
    alice->write_line(std::to_string(correct_choice(*q2)));
    bob->write_line("1");
    EXPECT_EQ(alice->wait_exit(), 0) << alice->transcript();
    EXPECT_EQ(bob->wait_exit(), 0) << bob->transcript();
    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    EXPECT_EQ(count_lines(*alice, "correct 2 partial 0 wrong 0"), 1) << alice->transcript();
}

TEST_F(EndToEnd, TheHostResumesAndKeepsRunningTheGame) {
    const int server_port = std::stoi(url_.substr(url_.rfind(':') + 1));
    TcpProxy proxy(server_port);
    auto host = Process::start(RAPIDFIRE_CLIENT_BIN,
                               {"--url", "ws://127.0.0.1:" + std::to_string(proxy.port()) + "/ws",
                                "host", "--questions", "2", "--seconds", "30", "--reveal", "0"});
    const auto room = host->wait_for_line("room ");
    ASSERT_TRUE(room) << host->transcript();
    auto alice = client({"join", room->substr(5), "--name", "alice"});
    ASSERT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
    host->write_line("start");
    ASSERT_TRUE(next_question(*alice)) << alice->transcript();

    proxy.cut();
    ASSERT_TRUE(host->wait_for_line("connection lost, resuming...")) << host->transcript();
    ASSERT_TRUE(alice->wait_for_line("paused host disconnected")) << alice->transcript();
    ASSERT_TRUE(host->wait_for_line("resumed")) << host->transcript();
    ASSERT_TRUE(alice->wait_for_line("host back")) << alice->transcript();
    ASSERT_TRUE(alice->wait_for_line("continued, ")) << alice->transcript();
    // The host token came back with the resume: host commands still work.
    alice->write_line("1");
    ASSERT_TRUE(host->wait_for_line("reveal 1: ")) << host->transcript();
    host->write_line("skip");  // reveal_seconds 0: the host moves on
    ASSERT_TRUE(next_question(*alice)) << alice->transcript();
    host->write_line("end");
    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    EXPECT_EQ(alice->wait_exit(), 0) << alice->transcript();
    EXPECT_EQ(count_lines(*alice, "game over: ended_by_host, "), 1) << alice->transcript();
}

}  // namespace
}  // namespace rapidfire::e2e
