// The plain HTTP side of the port: health, metrics, and what is not there.

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

class HttpTest : public ::testing::Test {
  protected:
    TestServer server;
};

TEST_F(HttpTest, HealthzReportsCounts) {
    auto host = server.client();
    create_room(*host, protocol::RoomKind::quiz, "Host", {});
    const auto reply = http_get(server.port(), "/healthz");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.content_type, "application/json");
    const auto json = boost::json::parse(reply.body).as_object();
    EXPECT_EQ(json.at("status").as_string(), "ok");
    EXPECT_GE(json.at("uptime_s").as_int64(), 0);
    EXPECT_EQ(json.at("rooms").as_int64(), 1);
    EXPECT_EQ(json.at("players").as_int64(), 0);      // the quiz host does not play
    EXPECT_GE(json.at("connections").as_int64(), 2);  // the host and this request
}

TEST_F(HttpTest, MetricsUseThePrometheusTextFormat) {
    auto host = server.client();
    create_room(*host, protocol::RoomKind::quiz, "Host", {});
    const auto reply = http_get(server.port(), "/metrics");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.content_type.rfind("text/plain; version=0.0.4", 0), 0u);
    for (const char* expected :
         {"# TYPE rapidfire_connections_open gauge", "rapidfire_rooms{phase=\"lobby\"} 1",
          "# TYPE rapidfire_messages_received_total counter",
          "# TYPE rapidfire_answers_accepted_total counter",
          "# TYPE rapidfire_slow_clients_dropped_total counter",
          "# TYPE rapidfire_broadcast_seconds histogram",
          "rapidfire_broadcast_seconds_bucket{le=\"+Inf\"}"}) {
        EXPECT_NE(reply.body.find(expected), std::string::npos) << expected;
    }
}

TEST_F(HttpTest, UnknownPathsAre404) {
    EXPECT_EQ(http_get(server.port(), "/admin").status, 404);
    ClientOptions elsewhere;
    elsewhere.target = "/socket";
    const auto handshake = try_handshake(server.port(), elsewhere);
    EXPECT_FALSE(handshake.upgraded);
    EXPECT_EQ(handshake.status, 404);
}

TEST_F(HttpTest, PlainGetOnTheWebSocketPathAsksForAnUpgrade) {
    EXPECT_EQ(http_get(server.port(), "/ws").status, 426);
}

}  // namespace
}  // namespace rapidfire::test
