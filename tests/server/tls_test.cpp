// The server over TLS (--tls-cert, --tls-key): wss:// games, https:// endpoints, plain HTTP on
// the TLS port, certificates refused at start, and shutdown. The certificates are a throwaway
// CA and a server certificate for 127.0.0.1, made with openssl when the tests run.
//
// The TLS clients are the tests' own (tls_client.hpp), checking the server's certificate against
// the throwaway CA like any client would.

#include <gtest/gtest.h>

#include <signal.h>

#include <boost/json.hpp>

#include "game_steps.hpp"
#include "server_process.hpp"
#include "test_server.hpp"
#include "tls_client.hpp"

namespace rapidfire::test {
namespace {

namespace json = boost::json;

class Tls : public ::testing::Test {
  protected:
    TestTls tls_;
};

TEST_F(Tls, AGameStepOverWss) {
    TestServer server(tls_.server_options());
    auto host = tls_.wss_client(server.port());
    protocol::RoundSettings settings;
    settings.questions = 1;
    settings.seconds = 30;
    settings.mode = protocol::AnswerMode::choice;
    settings.reveal_seconds = 0;
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", settings);
    auto player = tls_.wss_client(server.port());
    join_room(*player, created.code, "Ada");
    host->send(protocol::Start{created.host_token});
    const auto question = player->wait_for<protocol::Question>();
    player->send(choice_answer(question.question, correct_choice(question)));
    player->wait_for<protocol::AnswerAccepted>();
    const auto result = player->wait_for<protocol::Result>();
    EXPECT_EQ(result.verdict, protocol::Verdict::correct);
    EXPECT_GT(result.points, 0);
    host->send(protocol::Skip{created.host_token});  // reveal_seconds 0: the host moves on
    EXPECT_EQ(player->wait_for<protocol::FinalResult>().rank, 1);
}

TEST_F(Tls, HealthzMetricsAndTheApiOverHttps) {
    auto options = tls_.server_options();
    options.data_dir = tls_.folder() / "data";
    TestServer server(options);

    const auto health = tls_.https_get(server.port(), "/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(json::parse(health.body).at("status").as_string(), "ok");
    const auto metrics = tls_.https_get(server.port(), "/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("rapidfire_connections_open"), std::string::npos);

    const auto games = tls_.https_get(server.port(), "/api/games");
    EXPECT_EQ(games.status, 200) << games.body;
    EXPECT_TRUE(json::parse(games.body).at("games").is_array());
    EXPECT_EQ(tls_.https_get(server.port(), "/api/games/1/results.json").status, 401);
    EXPECT_EQ(tls_.https_get(server.port(), "/api/games/1/results.json", "Bearer wrong").status,
              404);
}

TEST_F(Tls, PlainHttpOnTheTlsPortGetsA400) {
    TestServer server(tls_.server_options());
    const auto reply = http_get(server.port(), "/healthz");
    EXPECT_EQ(reply.status, 400);
    EXPECT_NE(reply.body.find("use https:// or wss://"), std::string::npos) << reply.body;
    // A plain WebSocket upgrade is not served either.
    const auto handshake = try_handshake(server.port(), {});
    EXPECT_FALSE(handshake.upgraded);
    EXPECT_EQ(handshake.status, 400);
    // TLS clients are still served.
    EXPECT_EQ(tls_.https_get(server.port(), "/healthz").status, 200);
}

TEST_F(Tls, ConnectionsPastTheLimitAreClosedWithoutAPlainTextReply) {
    auto options = tls_.server_options();
    options.max_connections = 1;
    TestServer server(options);
    auto first = tls_.wss_client(server.port());
    // No 503 in plain text on a TLS port: the refused connection is closed with nothing sent.
    EXPECT_EQ(read_until_closed(server.port()), "");
    // The connection inside the limit is unaffected.
    first->send(protocol::Ping{7});
    EXPECT_EQ(first->wait_for<protocol::Pong>().nonce, 7);
}

TEST_F(Tls, ASilentConnectionIsClosedAfterTheHandshakeTimeout) {
    auto options = tls_.server_options();
    options.handshake_timeout = 1s;
    TestServer server(options);
    RawConnection silent(server.port());
    EXPECT_TRUE(silent.wait_closed(4s));
    // Half a TLS ClientHello, then nothing: the same.
    RawConnection stalled(server.port());
    ASSERT_TRUE(stalled.write(std::string("\x16\x03\x01\x00\xc8\x01", 6)));
    EXPECT_TRUE(stalled.wait_closed(4s));
}

TEST_F(Tls, RateLimitsApplyOverWss) {
    auto options = tls_.server_options();
    options.max_messages_per_second = 2;  // burst 4
    TestServer server(options);
    auto client = tls_.wss_client(server.port());
    for (int i = 0; i < 8; ++i)
        client->send(protocol::Ping{i});
    const auto error = client->wait_for<protocol::Error>();
    EXPECT_EQ(error.code, protocol::ErrorCode::rate_limited);
}

TEST_F(Tls, ShutdownClosesWssClientsWith1012) {
    TestServer server(tls_.server_options());
    auto client = tls_.wss_client(server.port());
    server.stop();
    EXPECT_EQ(client->wait_closed(5s), 1012);
}

TEST_F(Tls, BadCertificatesAreRefusedAtStart) {
    auto missing = tls_.server_options();
    missing.tls_cert = tls_.folder() / "no-such.pem";
    try {
        TestServer server(missing);
        FAIL() << "the server started without its certificate";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("no-such.pem"), std::string::npos) << e.what();
    }

    auto not_pem = tls_.server_options();
    not_pem.tls_cert = tls_.folder() / "server.ext";  // a text file, not a certificate
    EXPECT_THROW(TestServer server(not_pem), std::runtime_error);

    auto wrong_key = tls_.server_options();
    wrong_key.tls_key = tls_.certificates().other_key;
    try {
        TestServer server(wrong_key);
        FAIL() << "the server started with a key that is not its certificate's";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("does not match"), std::string::npos) << e.what();
    }
}

TEST_F(Tls, TheExecutableRefusesABadCertificateAndAHalfConfiguration) {
    ServerProcess missing({"--tls-cert", (tls_.folder() / "no-such.pem").string(), "--tls-key",
                           tls_.certificates().server_key.string()});
    EXPECT_EQ(missing.wait_exit(5s), 1);
    ServerProcess half({"--tls-cert", tls_.certificates().server_cert.string()});
    EXPECT_EQ(half.wait_exit(5s), 2);
    ServerProcess good({"--tls-cert", tls_.certificates().server_cert.string(), "--tls-key",
                        tls_.certificates().server_key.string()});
    const auto port = good.wait_listening();
    EXPECT_EQ(tls_.https_get(port, "/healthz").status, 200);
    good.signal(SIGTERM);
    EXPECT_EQ(good.wait_exit(5s), 0);
}

}  // namespace
}  // namespace rapidfire::test
