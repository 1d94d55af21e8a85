// The limits on what one client may cost the server: the message size at its limit, the message
// rate (a burst refused; a sustained flood cut while the others play on), and connections past
// --max-connections and --max-connections-per-ip. Frames that end their
// connection (too large, binary, invalid UTF-8) are hardening_input_test's; a client that never
// reads (the send queue) and a silent one (the ping timeout) are hardening_fault_test's.

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "game_steps.hpp"
#include "rapidfire/server/command_line.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::ErrorCode;

// A connection refused for a connection limit: 503 and a server_full body saying `message`.
void expect_refused(const std::string& reply, const std::string& message = {}) {
    EXPECT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
    EXPECT_NE(reply.find(R"("code":"server_full")"), std::string::npos) << reply;
    EXPECT_NE(reply.find(message), std::string::npos) << reply;
}

TEST(FrameLimits, MessageAtTheLimitIsAccepted) {
    auto options = test_options();
    options.max_message_bytes = 1024;
    TestServer server(options);
    auto client = server.client();
    std::string frame = R"({"type":"ping","nonce":5,"pad":")";
    frame += std::string(1024 - frame.size() - 2, 'x') + R"("})";
    ASSERT_EQ(frame.size(), 1024u);
    client->send_text(frame);
    EXPECT_EQ(client->expect<protocol::Pong>().nonce, 5);
    client->send_text(frame + " ");
    EXPECT_EQ(client->expect<protocol::Error>().code, ErrorCode::frame_too_large);
    EXPECT_EQ(client->wait_closed(), 1009);
}

TEST(RateLimit, BurstOverTheLimitIsRefusedThenTheConnectionRecovers) {
    TestServer server;  // 20 a second, bursts of 40
    auto client = server.client();
    constexpr int sent = 100;  // in well under a second, even on a busy machine
    for (int i = 0; i < sent; ++i)
        client->send(protocol::Ping{i});
    int pongs = 0;
    int limited = 0;
    for (int i = 0; i < sent; ++i) {
        const auto message = client->next();
        if (std::holds_alternative<protocol::Pong>(message))
            ++pongs;
        if (auto* error = std::get_if<protocol::Error>(&message)) {
            EXPECT_EQ(error->code, ErrorCode::rate_limited);
            ++limited;
        }
    }
    EXPECT_EQ(pongs + limited, sent);
    EXPECT_GE(limited, 1);
    EXPECT_GE(pongs, 40);                // the burst
    std::this_thread::sleep_for(200ms);  // four tokens come back
    client->send(protocol::Ping{1000});
    EXPECT_EQ(client->expect<protocol::Pong>().nonce, 1000);
}

// A seated player floods: rate_limited, then the connection is closed with 1008. The honest
// players, on their own connections, are never limited.
TEST(RateLimit, AFloodingPlayerIsCutAndTheOthersPlayOn) {
    TestServer server;
    HonestGame game(server);
    auto mallory = game.start_with_player("Mallory");
    // Far beyond five times the rate: the server closes long before the end.
    for (int i = 0; i < 5000 && !mallory->closed(); ++i) {
        try {
            mallory->send(protocol::Ping{i});
        } catch (const std::exception&) {
            break;  // already closed under us
        }
    }
    bool limited = false;
    while (auto text = mallory->next_text()) {
        limited = limited || text->find("\"rate_limited\"") != std::string::npos;
    }
    EXPECT_TRUE(limited);
    EXPECT_EQ(mallory->wait_closed(), 1008);
    EXPECT_EQ(mallory->close_reason(), "rate_limited");
    EXPECT_GE(metric_value(server.port(), "rapidfire_flood_closed_total"), 1);
    game.play_question();
    game.finish();
}

TEST(ConnectionLimit, ConnectionsPastTheLimitGet503) {
    auto options = test_options();
    options.max_connections = 1;
    TestServer server(options);
    auto client = server.client();
    expect_refused(read_until_closed(server.port()));
    // The first client is unaffected.
    client->send(protocol::Ping{1});
    EXPECT_EQ(client->expect<protocol::Pong>().nonce, 1);
}

TEST(PerAddressLimit, TheFlagDefaultsHighAndZeroMeansNoLimit) {
    EXPECT_EQ(net::ServerOptions{}.max_connections_per_ip, 1000u);
    auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "rapidfire-server");
        std::ostringstream out;
        std::ostringstream err;
        return server::parse_command_line(static_cast<int>(args.size()), args.data(), out, err);
    };
    EXPECT_EQ(parse({}).options->max_connections_per_ip, 1000u);
    EXPECT_EQ(parse({"--max-connections-per-ip", "0"}).options->max_connections_per_ip, 0u);
    EXPECT_EQ(parse({"--max-connections-per-ip", "25"}).options->max_connections_per_ip, 25u);
    const auto negative = parse({"--max-connections-per-ip", "-1"});
    EXPECT_FALSE(negative.options.has_value());
    EXPECT_EQ(negative.exit_code, 2);
}

TEST(HardeningLimits, NodeIdDrainSecondsMatchQueueAndDatabaseAreChecked) {
    auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "rapidfire-server");
        std::ostringstream out;
        std::ostringstream err;
        return server::parse_command_line(static_cast<int>(args.size()), args.data(), out, err);
    };
    const auto defaults = parse({});
    EXPECT_FALSE(defaults.options->node_id.has_value());
    EXPECT_EQ(defaults.options->drain_timeout, std::chrono::seconds(0));
    EXPECT_TRUE(defaults.options->database.empty());
    EXPECT_EQ(parse({"--node-id", "K"}).options->node_id, 'K');
    EXPECT_EQ(parse({"--drain-seconds", "600"}).options->drain_timeout, std::chrono::seconds(600));
    EXPECT_EQ(defaults.options->max_match_queue, 10'000u);
    EXPECT_EQ(parse({"--max-match-queue", "50"}).options->max_match_queue, 50u);
    EXPECT_EQ(parse({"--database", "postgresql://rf@db.internal:5432/rf"}).options->database,
              "postgresql://rf@db.internal:5432/rf");
    // A node id is one character of the code alphabet; a URL never carries a password.
    for (std::vector<const char*> bad :
         {std::vector<const char*>{"--node-id", "AB"},
          {"--node-id", "O"},
          {"--node-id", "a"},
          {"--drain-seconds", "-1"},
          {"--max-match-queue", "0"},
          {"--database", "postgresql://rf:secret@db.internal/rf"},
          {"--database", "postgresql://rf@db.internal/rf?password=secret"},
          {"--database", "mysql://rf@db.internal/rf"}}) {
        const auto parsed = parse(bad);
        EXPECT_FALSE(parsed.options.has_value()) << bad[0] << " " << bad[1];
        EXPECT_EQ(parsed.exit_code, 2) << bad[0] << " " << bad[1];
    }
}

// Three connections from 127.0.0.1 are a game; the fourth is refused like a full server (503,
// server_full, saying it is per address), the game plays on, and a closed connection frees its
// place.
TEST(PerAddressLimit, ConnectionsPastThePerAddressLimitGet503WhileTheGamePlaysOn) {
    auto options = test_options();
    options.max_connections_per_ip = 3;
    TestServer server(options);
    HonestGame game(server);  // host, Ada, Ben: the three places
    game.start();
    game.wait_question();

    expect_refused(read_until_closed(server.port()), "too many connections from your address");
    // A WebSocket client's handshake fails. (Whether it reads the 503 or a reset depends on
    // whether its request reached the server before the refusal: not asserted.)
    EXPECT_FALSE(try_handshake(server.port(), ClientOptions{}).upgraded);
    game.play_question();

    // Ben leaves for good: his place is free again once the server has seen the close.
    game.ben().drop();
    const auto deadline = Clock::now() + 10s;
    std::unique_ptr<TestClient> carol;
    while (!carol) {
        try {
            carol = server.client();
        } catch (const std::exception&) {
            ASSERT_LT(Clock::now(), deadline) << "the place was never given back";
            std::this_thread::sleep_for(20ms);
        }
    }
    carol->send(protocol::Ping{1});
    EXPECT_EQ(carol->wait_for<protocol::Pong>().nonce, 1);
    // The host and Ada played on throughout.
    game.host().send(protocol::Ping{2});
    EXPECT_EQ(game.host().wait_for<protocol::Pong>().nonce, 2);

    // Refusals are counted like the global limit's. Carol makes room for the metrics request.
    carol->drop();
    double refused = -1;
    while (refused < 0) {
        try {
            refused = metric_value(server.port(), "rapidfire_connections_refused_total");
        } catch (const std::exception&) {
            ASSERT_LT(Clock::now(), deadline + 10s) << "no room for the metrics request";
            std::this_thread::sleep_for(20ms);
        }
    }
    EXPECT_GE(refused, 2);
}

TEST(PerAddressLimit, ZeroMeansNoLimit) {
    auto options = test_options();
    options.max_connections_per_ip = 0;
    options.max_connections = 100;
    TestServer server(options);
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 40; ++i)
        clients.push_back(server.client());
    EXPECT_EQ(http_get(server.port(), "/healthz").status, 200);
}

}  // namespace
}  // namespace rapidfire::test
