// The real binary as a child process: it prints where it listens, and on SIGTERM in the middle
// of a game closes every client with 1012 "service restart" and exits 0 within 5 seconds. With a
// drain time, SIGTERM first lets the game in play finish while the server takes no new room.

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

// A quiz of two questions in play on `port`: the host and one player, past the first question.
struct GameInPlay {
    TestClient host;
    TestClient player;
    protocol::RoomCreated created;
    std::string player_token;
};
GameInPlay game_in_play(std::uint16_t port) {
    auto host = welcomed_client(port);
    protocol::RoundSettings settings;
    settings.questions = 2;
    settings.seconds = 60;
    settings.reveal_seconds = 0;
    const auto created = create_room(host, protocol::RoomKind::quiz, "Host", settings);
    auto player = welcomed_client(port);
    const auto token = join_room(player, created.code, "Player").resume_token;
    host.send(protocol::Start{created.host_token});
    const auto question = player.wait_for<protocol::Question>();
    player.send(choice_answer(0, correct_choice(question)));
    player.wait_for<protocol::Result>();
    return {std::move(host), std::move(player), created, token};
}

void wait_until_draining(std::uint16_t port) {
    const auto deadline = Clock::now() + 5s;
    for (;;) {
        const auto health = http_get(port, "/healthz");
        if (health.status == 503 && health.body.find("\"draining\"") != std::string::npos)
            return;
        ASSERT_LT(Clock::now(), deadline) << health.status << " " << health.body;
        std::this_thread::sleep_for(10ms);
    }
}

TEST(Shutdown, WithADrainTimeSigtermLetsTheGameInPlayFinishAndTakesNoNewRoom) {
    ServerProcess server({"--drain-seconds", "60"});
    const auto port = port_from(server.first_line(10s));
    auto game = game_in_play(port);
    auto early = welcomed_client(port);  // connected before the signal

    server.signal(SIGTERM);
    wait_until_draining(port);
    // No new room, whoever asks; no new socket but one for a room of this server.
    early.send(protocol::CreateRoom{protocol::RoomKind::quiz, "Late", {}});
    EXPECT_EQ(early.wait_for<protocol::Error>().code, protocol::ErrorCode::server_draining);
    EXPECT_EQ(try_handshake(port, {}).status, 503);
    ClientOptions elsewhere;
    elsewhere.target = "/ws?room=ZZZZZZ";
    EXPECT_EQ(try_handshake(port, elsewhere).status, 503);
    // The game's player drops and comes back on a socket naming the room.
    game.player.drop();
    ClientOptions back;
    back.target = "/ws?room=" + game.created.code;
    auto player = welcomed_client(port, back);
    player.send(protocol::Resume{game.player_token});
    EXPECT_TRUE(player.wait_for<protocol::Joined>().resumed);
    game.host.send(protocol::Skip{game.created.host_token});
    const auto question = player.wait_for<protocol::Question>();
    player.send(choice_answer(1, correct_choice(question)));
    player.wait_for<protocol::Result>();
    game.host.send(protocol::Skip{game.created.host_token});
    player.wait_for<protocol::GameOver>();
    // No game left in play: the server closes and exits by itself.
    EXPECT_EQ(player.wait_closed(5s), 1012);
    EXPECT_EQ(game.host.wait_closed(5s), 1012);
    EXPECT_EQ(early.wait_closed(5s), 1012);
    EXPECT_EQ(server.wait_exit(5s), 0);
}

TEST(Shutdown, ASecondSigtermWhileDrainingClosesAtOnce) {
    ServerProcess server({"--drain-seconds", "60"});
    const auto port = port_from(server.first_line(10s));
    auto game = game_in_play(port);
    server.signal(SIGTERM);
    wait_until_draining(port);
    server.signal(SIGTERM);
    EXPECT_EQ(game.player.wait_closed(5s), 1012);
    EXPECT_EQ(game.host.wait_closed(5s), 1012);
    EXPECT_EQ(server.wait_exit(5s), 0);
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
