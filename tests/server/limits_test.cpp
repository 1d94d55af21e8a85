// What protects the server from hostile or broken clients: frame size, binary frames, invalid
// UTF-8, the rate limit and flood cut-off, the bounded send queue, the connection limit.

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::ErrorCode;

int metric(std::uint16_t port, const std::string& name) {
    const auto body = http_get(port, "/metrics").body;
    const auto at = body.find("\n" + name + " ");
    if (at == std::string::npos)
        throw std::runtime_error("no metric " + name);
    return std::stoi(body.substr(at + name.size() + 2));
}

TEST(FrameLimits, OversizedMessageGetsAnErrorThenClose1009) {
    TestServer server;
    auto client = server.client();
    const std::string big = R"({"type":"ping","pad":")" + std::string(20'000, 'x') + R"("})";
    client->send_text(big);
    const auto error = client->expect<protocol::Error>();
    EXPECT_EQ(error.code, ErrorCode::frame_too_large);
    EXPECT_EQ(client->wait_closed(), 1009);
    EXPECT_EQ(client->close_reason(), "frame_too_large");
}

TEST(FrameLimits, FarTooLargeMessageIsClosed1009) {
    TestServer server;
    auto client = server.client();
    client->send_text(std::string(200'000, ' '));
    EXPECT_EQ(client->wait_closed(), 1009);
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

TEST(FrameLimits, BinaryFrameGetsAnErrorThenClose1003) {
    TestServer server;
    auto client = server.client();
    client->send_binary(R"({"type":"ping"})");
    EXPECT_EQ(client->expect<protocol::Error>().code, ErrorCode::binary_frame);
    EXPECT_EQ(client->wait_closed(), 1003);
    EXPECT_EQ(client->close_reason(), "binary_frame");
}

TEST(FrameLimits, InvalidUtf8IsClosed1007) {
    TestServer server;
    auto client = server.client();
    client->send_text("{\"type\":\"ping\",\"x\":\"\xff\xfe\"}");
    EXPECT_EQ(client->wait_closed(), 1007);
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

TEST(RateLimit, SustainedFloodIsClosed1008) {
    TestServer server;
    auto client = server.client();
    // Far beyond five times the rate: the server closes long before the end.
    for (int i = 0; i < 5000 && !client->closed(); ++i) {
        try {
            client->send(protocol::Ping{i});
        } catch (const std::exception&) {
            break;  // already closed under us
        }
    }
    EXPECT_EQ(client->wait_closed(), 1008);
    EXPECT_EQ(client->close_reason(), "rate_limited");
    EXPECT_GE(metric(server.port(), "rapidfire_flood_closed_total"), 1);
}

TEST(SlowClient, AClientThatStopsReadingIsDroppedWhileOthersPlayOn) {
    auto options = test_options();
    options.max_queue_bytes = 4096;
    options.max_messages_per_second = 0;  // only the queue limit is under test
    TestServer server(options);

    auto host = server.client();
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", {});
    auto player = server.client();
    join_room(*player, created.code, "Reader");

    // Seated in the same room, never reads: every pong and room message piles up.
    ClientOptions small_window;
    small_window.receive_buffer_bytes = 4096;
    TestClient stalled(server.port(), small_window);
    stalled.send(protocol::Join{created.code, "Stalled", std::nullopt});

    const auto deadline = Clock::now() + 20s;
    bool dropped = false;
    const std::string ping = R"({"type":"ping","nonce":123456789})";
    while (!dropped && Clock::now() < deadline) {
        try {
            for (int i = 0; i < 500; ++i)
                stalled.send_text(ping);
        } catch (const std::exception&) {
            // The server cut the connection.
        }
        dropped = metric(server.port(), "rapidfire_slow_clients_dropped_total") >= 1;
    }
    EXPECT_TRUE(dropped);

    // The room goes on: the host starts and the other player gets the question.
    host->send(protocol::Start{created.host_token});
    const auto question = player->wait_for<protocol::Question>();
    player->send(choice_answer(question.question, correct_choice(question)));
    EXPECT_EQ(player->wait_for<protocol::AnswerAccepted>().question, 0);
    player->send(protocol::Ping{9});
    EXPECT_EQ(player->wait_for<protocol::Pong>().nonce, 9);
}

TEST(IdleTimeout, SilentClientsAreDroppedWhileClientsThatAnswerPingsStay) {
    auto options = test_options();
    options.idle_timeout = 2s;  // a ping after 1 s of silence, dropped after 2 s
    TestServer server(options);
    auto silent = server.client();
    auto alive = server.client();
    // `alive` reads (and so answers the server's pings) for 3 s; `silent` does nothing.
    EXPECT_FALSE(alive->next_text(3s).has_value());
    alive->send(protocol::Ping{1});
    EXPECT_EQ(alive->expect<protocol::Pong>().nonce, 1);
    // `silent` was cut without a close frame (a dead peer would not answer one).
    EXPECT_TRUE(silent->wait_closed(3s).has_value());
}

TEST(ConnectionLimit, ConnectionsPastTheLimitGet503) {
    auto options = test_options();
    options.max_connections = 1;
    TestServer server(options);
    auto client = server.client();
    const auto refused = read_until_closed(server.port());
    EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
    EXPECT_NE(refused.find("server_full"), std::string::npos);
    // The first client is unaffected.
    client->send(protocol::Ping{1});
    EXPECT_EQ(client->expect<protocol::Pong>().nonce, 1);
}

TEST(OriginCheck, OnlyListedOriginsMayOpenTheWebSocket) {
    auto options = test_options();
    options.allowed_origins = {"https://quiz.example"};
    TestServer server(options);

    ClientOptions allowed;
    allowed.origin = "https://quiz.example";
    EXPECT_TRUE(try_handshake(server.port(), allowed).upgraded);

    ClientOptions other;
    other.origin = "https://evil.example";
    const auto refused = try_handshake(server.port(), other);
    EXPECT_FALSE(refused.upgraded);
    EXPECT_EQ(refused.status, 403);

    // Non-browser clients send no Origin and are let in.
    EXPECT_TRUE(try_handshake(server.port(), ClientOptions{}).upgraded);
}

}  // namespace
}  // namespace rapidfire::test
