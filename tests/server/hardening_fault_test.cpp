// Faults beside a game in progress: a reset mid-question (a player's and the host's), a silent
// peer cut by the ping timeout, a slow-loris handshake, a client that never reads (its send
// queue), a thousand connects and disconnects. After each, the two honest players of HonestGame
// finish with the scores the formula gives. SIGTERM mid-game is shutdown_test's.

#include <gtest/gtest.h>

#include <thread>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using Who = HonestGame::Who;

// A WebSocket opening handshake as a browser would send it.
const std::string upgrade_request =
    "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

// Reads on every honest connection (so they answer the server's pings) until `done`, for at
// most `timeout`. Returns done().
template <class Done>
bool keep_honest_players_reading(HonestGame& game, Done done, Millis timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!done()) {
        if (Clock::now() >= deadline)
            return false;
        for (TestClient* client : {&game.host(), &game.ada(), &game.ben()})
            client->keep_reading(50ms);
    }
    return true;
}

TEST(HardeningFaults, APlayerResetMidQuestionLeavesTheGameToTheOthers) {
    TestServer server;
    HonestGame game(server);
    auto mallory = game.start_with_player("Mallory");
    game.answer(Who::ada);
    mallory->reset();  // RST, no close frame, no FIN
    // The dropped seat is not waited for: the question closes once Ben answers.
    game.answer(Who::ben);
    game.reveal();
    game.finish();
}

TEST(HardeningFaults, AHostResetMidQuestionPausesTheGameUntilTheHostResumes) {
    TestServer server;
    HonestGame game(server);
    game.start();
    game.wait_question();
    game.answer(Who::ada);
    game.host().reset();
    EXPECT_EQ(game.ben().wait_for<protocol::Paused>().reason,
              protocol::PauseReason::host_disconnected);
    EXPECT_FALSE(game.ben().wait_for<protocol::HostStatus>().connected);

    auto host = server.client();
    host->send(protocol::Resume{game.room().resume_token});
    const auto joined = host->wait_for<protocol::Joined>();
    EXPECT_EQ(joined.role, protocol::Role::host);
    EXPECT_EQ(joined.host_token, game.room().host_token);
    game.set_host(std::move(host));
    EXPECT_TRUE(game.ben().wait_for<protocol::HostStatus>().connected);
    game.ben().wait_for<protocol::Continued>();
    game.answer(Who::ben);
    game.reveal();
    game.finish();
}

// A peer that is gone without a word (a laptop lid closed): it neither reads nor answers pings,
// and holds the open question up until the ping timeout cuts it. The honest players send nothing
// for longer than the timeout too, but they read, so they answer the pings and stay.
TEST(HardeningFaults, ASilentPeerIsCutByThePingTimeoutWhileTheOthersPlay) {
    auto options = test_options();
    options.idle_timeout = 3s;  // a ping after 1.5 s of silence, cut after 3 s
    TestServer server(options);
    HonestGame game(server);
    auto silent = server.client();
    join_room(*silent, game.room().code, "Silent");
    game.start();
    game.wait_question();
    game.answer_both();
    // Silent reads nothing after its join. The question waits for its answer until it is cut.
    const bool cut = keep_honest_players_reading(
        game, [&] { return metric_value(server.port(), "rapidfire_players_connected") == 2; }, 20s);
    EXPECT_TRUE(cut);
    EXPECT_TRUE(silent->wait_closed().has_value());
    // Another whole timeout with nothing sent: only the pongs keep the honest players connected.
    const auto quiet_until = Clock::now() + options.idle_timeout;
    keep_honest_players_reading(
        game, [&] { return Clock::now() >= quiet_until; }, options.idle_timeout + 1s);
    EXPECT_EQ(metric_value(server.port(), "rapidfire_players_connected"), 2);
    game.reveal();
    game.finish();
}

// Clients that send their HTTP request slower than --handshake-timeout allows, one byte at a
// time, or nothing at all: each is cut before its request is complete, while the game goes on.
TEST(HardeningFaults, ASlowLorisHandshakeIsCutWhileTheOthersPlay) {
    auto options = test_options();
    options.handshake_timeout = 1s;
    TestServer server(options);
    HonestGame game(server);
    game.start();
    game.wait_question();

    constexpr int lorises = 4;
    std::vector<std::size_t> sent(lorises + 1, 0);
    std::vector<bool> cut(lorises + 1, false);
    std::thread slow([&, port = server.port()] {
        std::vector<std::unique_ptr<RawConnection>> connections;
        for (int i = 0; i <= lorises; ++i)  // the last one sends nothing
            connections.push_back(std::make_unique<RawConnection>(port));
        // At a byte every 100 ms a request takes about 15 s: far past the 1 s allowed.
        const auto give_up = Clock::now() + 30s;
        while (std::find(cut.begin(), cut.end(), false) != cut.end() && Clock::now() < give_up) {
            for (int i = 0; i <= lorises; ++i) {
                if (cut[i])
                    continue;
                if (i < lorises && sent[i] < upgrade_request.size() &&
                    connections[i]->write(upgrade_request.substr(sent[i], 1))) {
                    ++sent[i];
                }
                cut[i] = connections[i]->wait_closed(20ms);
            }
        }
    });
    game.play_question();  // while the lorises trickle
    slow.join();
    for (int i = 0; i <= lorises; ++i) {
        EXPECT_TRUE(cut[i]) << "connection " << i;
        EXPECT_LT(sent[i], upgrade_request.size()) << "connection " << i;
    }
    game.finish();
}

// A seated client that stops reading: its queue fills and it is cut, and the others finish.
TEST(HardeningFaults, AClientThatNeverReadsIsDroppedWhileTheOthersPlay) {
    auto options = test_options();
    options.max_queue_bytes = 4096;
    options.max_messages_per_second = 0;  // only the queue limit is under test
    TestServer server(options);
    HonestGame game(server);
    ClientOptions small_window;
    small_window.receive_buffer_bytes = 4096;
    TestClient stalled(server.port(), small_window);
    stalled.send(protocol::Join{game.room().code, "Stalled", std::nullopt});
    while (game.host().wait_for<protocol::Roster>().count < 3) {
    }
    game.start();
    game.wait_question();
    game.answer_both();

    // Everything Stalled asks for piles up unread until the server cuts it.
    const std::string ping = R"({"type":"ping","nonce":123456789})";
    const auto deadline = Clock::now() + 20s;
    bool dropped = false;
    while (!dropped && Clock::now() < deadline) {
        try {
            for (int i = 0; i < 500; ++i)
                stalled.send_text(ping);
        } catch (const std::exception&) {
            // The server cut the connection.
        }
        dropped = metric_value(server.port(), "rapidfire_slow_clients_dropped_total") >= 1;
    }
    EXPECT_TRUE(dropped);
    game.reveal();  // the question closes once Stalled's seat is gone
    game.finish();
}

// Connections that come and go in every way a network can end them, while a game runs: a FIN
// before any request, a reset, half a request then a reset, a WebSocket that reads its welcome
// and leaves, one that joins the game and resets. The game is untouched and every connection
// is given back.
TEST(HardeningFaults, AThousandConnectsAndDisconnectsWhileAGameRuns) {
    TestServer server;
    HonestGame game(server);
    game.start();
    const std::string half_request = upgrade_request.substr(0, upgrade_request.size() / 2);
    int ghosts = 0;
    auto churn = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            switch (i % 5) {
                case 0:
                    RawConnection(server.port()).close();
                    break;
                case 1:
                    RawConnection(server.port()).reset();
                    break;
                case 2: {
                    RawConnection connection(server.port());
                    connection.write(half_request);
                    connection.reset();
                    break;
                }
                case 3:
                    server.client()->drop();
                    break;
                default: {
                    auto client = server.client();
                    // Some join the running game as late players, then vanish.
                    if (i % 50 == 4) {
                        join_room(*client, game.room().code, "Ghost" + std::to_string(i));
                        ++ghosts;
                    }
                    client->reset();
                    break;
                }
            }
        }
    };
    constexpr int total = 1000;
    for (int q = 0; q < HonestGame::questions; ++q) {
        game.wait_question();
        churn(q * total / HonestGame::questions, (q + 1) * total / HonestGame::questions);
        game.play_question();
    }
    game.finish();
    EXPECT_EQ(ghosts, 20);
    EXPECT_GE(metric_value(server.port(), "rapidfire_connections_total"), total);

    // Every churned connection was given back: only the host, Ada, Ben and this request remain.
    const auto deadline = Clock::now() + 10s;
    double open = 0;
    while ((open = metric_value(server.port(), "rapidfire_connections_open")) > 4 &&
           Clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_EQ(open, 4);
}

}  // namespace
}  // namespace rapidfire::test
