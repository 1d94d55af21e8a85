// The real binary as a child process: it prints where it listens, and on SIGTERM in the middle
// of a game closes every client with 1012 "service restart" and exits 0 within 5 seconds.

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "game_steps.hpp"
#include "server_process.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

TEST(Shutdown, SigtermClosesClientsWith1012AndExitsZero) {
    ServerProcess server({"--threads", "2"});
    const auto port = port_from(server.first_line(10s));

    auto host = welcomed_client(port);
    protocol::RoundSettings settings;
    settings.seconds = 60;
    const auto created = create_room(host, protocol::RoomKind::quiz, "Host", settings);
    auto player = welcomed_client(port);
    join_room(player, created.code, "Player");
    host.send(protocol::Start{created.host_token});
    player.wait_for<protocol::Question>();

    const auto signalled = Clock::now();
    server.signal(SIGTERM);
    EXPECT_EQ(player.wait_closed(5s), 1012);
    EXPECT_EQ(player.close_reason(), "service restart");
    EXPECT_EQ(host.wait_closed(5s), 1012);
    EXPECT_EQ(server.wait_exit(5s), 0);
    EXPECT_LT(Clock::now() - signalled, 5s);
}

TEST(Shutdown, SigintWithAnIdleServerExitsZero) {
    ServerProcess server;
    port_from(server.first_line(10s));
    server.signal(SIGINT);
    EXPECT_EQ(server.wait_exit(5s), 0);
}

TEST(Shutdown, InProcessStopFlushesQueuedMessagesThenCloses1012) {
    TestServer server;
    auto host = server.client();
    create_room(*host, protocol::RoomKind::quiz, "Host", {});
    auto idle = server.client();
    // Queued before the stop: delivered before the close frame.
    host->send(protocol::Ping{77});
    const auto deadline = Clock::now() + 2s;
    while (http_get(server.port(), "/metrics").body.find("rapidfire_messages_received_total 2") ==
               std::string::npos &&
           Clock::now() < deadline) {
        std::this_thread::sleep_for(10ms);
    }
    const auto stopped = Clock::now();
    server.stop();
    EXPECT_EQ(host->wait_for<protocol::Pong>().nonce, 77);
    EXPECT_EQ(host->wait_closed(), 1012);
    EXPECT_EQ(host->close_reason(), "service restart");
    EXPECT_EQ(idle->wait_closed(), 1012);
    EXPECT_LT(Clock::now() - stopped, 2s);  // far from the 4 s deadline: nobody was cut
}

}  // namespace
}  // namespace rapidfire::test
