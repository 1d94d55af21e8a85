// The server over TLS (--tls-cert, --tls-key): wss:// games, https:// endpoints, plain HTTP on
// the TLS port, certificates refused at start, and shutdown. The certificates are a throwaway
// CA and a server certificate for 127.0.0.1, made with openssl when the tests run.
//
// The TLS client here is the tests' own (Beast over OpenSSL), checking the server's certificate
// against the throwaway CA like any client would.

#include <gtest/gtest.h>

#include <signal.h>

#include <filesystem>
#include <optional>
#include <random>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/json.hpp>

#include "client_stream.hpp"
#include "game_steps.hpp"
#include "http_exchange.hpp"
#include "io_pump.hpp"
#include "scratch_dir.hpp"
#include "server_process.hpp"
#include "test_certificates.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

namespace http = beast::http;
namespace json = boost::json;
namespace ssl = asio::ssl;
using asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

ssl::context client_context(const std::filesystem::path& ca) {
    ssl::context context(ssl::context::tls_client);
    context.load_verify_file(ca.string());
    context.set_verify_mode(ssl::verify_peer);
    return context;
}

// Connects to 127.0.0.1:port and completes a TLS handshake that checks the certificate is the
// CA's and names 127.0.0.1. Throws when either fails or takes too long.
void open_tls(asio::io_context& io, TlsStream& stream, std::uint16_t port) {
    ::X509_VERIFY_PARAM_set1_ip_asc(::SSL_get0_param(stream.native_handle()), "127.0.0.1");
    beast::error_code result;
    bool done = false;
    auto& tcp_layer = beast::get_lowest_layer(stream);
    tcp_layer.expires_after(default_timeout);
    tcp_layer.async_connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), [&](beast::error_code ec) {
            if (ec) {
                result = ec;
                done = true;
                return;
            }
            stream.async_handshake(ssl::stream_base::client, [&](beast::error_code ec2) {
                result = ec2;
                done = true;
            });
        });
    if (!pump(
            io, [&] { return done; }, Clock::now() + default_timeout + 1s))
        throw std::runtime_error("TLS connect timed out");
    if (result)
        throw beast::system_error(result);
    tcp_layer.expires_never();
}

HttpReply https_get(std::uint16_t port, const std::filesystem::path& ca, const std::string& target,
                    const std::string& authorization = {}) {
    asio::io_context io;
    auto context = client_context(ca);
    TlsStream stream(io, context);
    open_tls(io, stream, port);
    return get_over(io, stream, target, authorization, default_timeout);
}

class Tls : public ::testing::Test {
  protected:
    void SetUp() override {
        certificates_ = tls_testing::make_test_certificates(dir_.path());
        client_context_.emplace(client_context(ca()));
    }

    net::ServerOptions tls_options() const {
        auto options = test_options();
        options.tls_cert = certificates_.server_cert;
        options.tls_key = certificates_.server_key;
        return options;
    }
    const std::filesystem::path& ca() const { return certificates_.ca_cert; }

    // A wss:// client: TestClient over TLS, checking the server's certificate against the CA.
    // The Welcome is read already.
    TestClient wss_client(std::uint16_t port) {
        auto stream =
            std::make_unique<WebSocketStream<websocket::stream<TlsStream>>>(*client_context_);
        open_tls(stream->io, stream->ws.next_layer(), port);
        stream->handshake("/ws");
        TestClient client(std::move(stream));
        client.expect<protocol::Welcome>();
        return client;
    }

    ScratchDir dir_;
    tls_testing::TestCertificates certificates_;
    std::optional<ssl::context> client_context_;  // shared by the wss clients; set in SetUp
};

TEST_F(Tls, AGameStepOverWss) {
    TestServer server(tls_options());
    auto host = wss_client(server.port());
    protocol::RoundSettings settings;
    settings.questions = 1;
    settings.seconds = 30;
    settings.mode = protocol::AnswerMode::choice;
    settings.reveal_seconds = 0;
    host.send(protocol::CreateRoom{protocol::RoomKind::quiz, "Host", settings});
    const auto created = host.wait_for<protocol::RoomCreated>();

    auto player = wss_client(server.port());
    player.send(protocol::Join{created.code, "Ada", std::nullopt});
    player.wait_for<protocol::Joined>();
    host.send(protocol::Start{created.host_token});
    const auto question = player.wait_for<protocol::Question>();
    player.send(choice_answer(question.question, correct_choice(question)));
    player.wait_for<protocol::AnswerAccepted>();
    const auto result = player.wait_for<protocol::Result>();
    EXPECT_EQ(result.verdict, protocol::Verdict::correct);
    EXPECT_GT(result.points, 0);
    host.send(protocol::Skip{created.host_token});  // reveal_seconds 0: the host moves on
    EXPECT_EQ(player.wait_for<protocol::FinalResult>().rank, 1);
}

TEST_F(Tls, HealthzMetricsAndTheApiOverHttps) {
    auto options = tls_options();
    options.data_dir = dir_.path() / "data";
    TestServer server(options);

    const auto health = https_get(server.port(), ca(), "/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(json::parse(health.body).at("status").as_string(), "ok");
    const auto metrics = https_get(server.port(), ca(), "/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("rapidfire_connections_open"), std::string::npos);

    const auto games = https_get(server.port(), ca(), "/api/games");
    EXPECT_EQ(games.status, 200) << games.body;
    EXPECT_TRUE(json::parse(games.body).at("games").is_array());
    EXPECT_EQ(https_get(server.port(), ca(), "/api/games/1/results.json").status, 401);
    EXPECT_EQ(https_get(server.port(), ca(), "/api/games/1/results.json", "Bearer wrong").status,
              404);
}

TEST_F(Tls, PlainHttpOnTheTlsPortGetsA400) {
    TestServer server(tls_options());
    const auto reply = http_get(server.port(), "/healthz");
    EXPECT_EQ(reply.status, 400);
    EXPECT_NE(reply.body.find("use https:// or wss://"), std::string::npos) << reply.body;
    // A plain WebSocket upgrade is not served either.
    const auto handshake = try_handshake(server.port(), {});
    EXPECT_FALSE(handshake.upgraded);
    EXPECT_EQ(handshake.status, 400);
    // TLS clients are still served.
    EXPECT_EQ(https_get(server.port(), ca(), "/healthz").status, 200);
}

TEST_F(Tls, ConnectionsPastTheLimitAreClosedWithoutAPlainTextReply) {
    auto options = tls_options();
    options.max_connections = 1;
    TestServer server(options);
    auto first = wss_client(server.port());
    // No 503 in plain text on a TLS port: the refused connection is closed with nothing sent.
    EXPECT_EQ(read_until_closed(server.port()), "");
    // The connection inside the limit is unaffected.
    first.send(protocol::Ping{7});
    EXPECT_EQ(first.wait_for<protocol::Pong>().nonce, 7);
}

TEST_F(Tls, ASilentConnectionIsClosedAfterTheHandshakeTimeout) {
    auto options = tls_options();
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
    auto options = tls_options();
    options.max_messages_per_second = 2;  // burst 4
    TestServer server(options);
    auto client = wss_client(server.port());
    for (int i = 0; i < 8; ++i)
        client.send(protocol::Ping{i});
    const auto error = client.wait_for<protocol::Error>();
    EXPECT_EQ(error.code, protocol::ErrorCode::rate_limited);
}

TEST_F(Tls, ShutdownClosesWssClientsWith1012) {
    TestServer server(tls_options());
    auto client = wss_client(server.port());
    server.stop();
    EXPECT_EQ(client.wait_closed(5s), 1012);
}

TEST_F(Tls, BadCertificatesAreRefusedAtStart) {
    auto missing = tls_options();
    missing.tls_cert = dir_.path() / "no-such.pem";
    try {
        TestServer server(missing);
        FAIL() << "the server started without its certificate";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("no-such.pem"), std::string::npos) << e.what();
    }

    auto not_pem = tls_options();
    not_pem.tls_cert = dir_.path() / "server.ext";  // a text file, not a certificate
    EXPECT_THROW(TestServer server(not_pem), std::runtime_error);

    auto wrong_key = tls_options();
    wrong_key.tls_key = certificates_.other_key;
    try {
        TestServer server(wrong_key);
        FAIL() << "the server started with a key that is not its certificate's";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("does not match"), std::string::npos) << e.what();
    }
}

TEST_F(Tls, TheExecutableRefusesABadCertificateAndAHalfConfiguration) {
    ServerProcess missing({"--tls-cert", (dir_.path() / "no-such.pem").string(), "--tls-key",
                           certificates_.server_key.string()});
    EXPECT_EQ(missing.wait_exit(5s), 1);
    ServerProcess half({"--tls-cert", certificates_.server_cert.string()});
    EXPECT_EQ(half.wait_exit(5s), 2);
    ServerProcess good({"--tls-cert", certificates_.server_cert.string(), "--tls-key",
                        certificates_.server_key.string()});
    const auto port = good.wait_listening();
    EXPECT_EQ(https_get(port, ca(), "/healthz").status, 200);
    good.signal(SIGTERM);
    EXPECT_EQ(good.wait_exit(5s), 0);
}

}  // namespace
}  // namespace rapidfire::test
