#include <gtest/gtest.h>

#include "rapidfire/common/ws_url.hpp"

namespace rapidfire::common {
namespace {

TEST(WsUrl, Parts) {
    auto url = parse_ws_url("ws://127.0.0.1:8080/ws");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->host, "127.0.0.1");
    EXPECT_EQ(url->port, "8080");
    EXPECT_EQ(url->target, "/ws");
    url = parse_ws_url("ws://quiz.example");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->port, "80");
    EXPECT_EQ(url->target, "/");
    url = parse_ws_url("ws://[::1]:9000/ws");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->host, "::1");
    EXPECT_EQ(url->port, "9000");
}

TEST(WsUrl, SecureUrlsUseTlsAndPort443) {
    auto url = parse_ws_url("wss://quiz.example.org/ws");
    ASSERT_TRUE(url);
    EXPECT_TRUE(url->tls);
    EXPECT_EQ(url->host, "quiz.example.org");
    EXPECT_EQ(url->port, "443");
    EXPECT_EQ(url->target, "/ws");
    EXPECT_EQ(server_of(*url), "wss://quiz.example.org:443");
    url = parse_ws_url("wss://[::1]:9443/ws");
    ASSERT_TRUE(url);
    EXPECT_EQ(server_of(*url), "wss://[::1]:9443");
    url = parse_ws_url("ws://127.0.0.1:8080/other");
    ASSERT_TRUE(url);
    EXPECT_FALSE(url->tls);
    EXPECT_EQ(server_of(*url), "ws://127.0.0.1:8080");  // the path does not name the server
}

TEST(WsUrl, Refused) {
    EXPECT_FALSE(parse_ws_url("http://127.0.0.1:8080/ws"));
    EXPECT_FALSE(parse_ws_url("https://host/ws"));
    EXPECT_FALSE(parse_ws_url("wss://:443/ws"));
    EXPECT_FALSE(parse_ws_url("ws://:8080/ws"));
    EXPECT_FALSE(parse_ws_url("ws://host:99999/ws"));
    EXPECT_FALSE(parse_ws_url("ws://host:80a/ws"));
    EXPECT_FALSE(parse_ws_url("ws://host:0/ws"));
    EXPECT_FALSE(parse_ws_url("ws://[::1/ws"));
    EXPECT_FALSE(parse_ws_url("ws://[::1]x/ws"));
}

TEST(WsUrl, RefusalsSayWhatIsWrong) {
    auto problem = [](std::string_view text) {
        auto read = read_ws_url(text);
        return std::holds_alternative<std::string>(read) ? std::get<std::string>(read)
                                                         : std::string("(accepted)");
    };
    EXPECT_EQ(problem("http://host/ws"), "the URL must start with ws:// or wss://");
    EXPECT_EQ(problem("ws://[::1/ws"), "unterminated [ in the URL's host");
    EXPECT_EQ(problem("ws://[::1]x/ws"), "unexpected text after the URL's host");
    EXPECT_EQ(problem("ws://:80/ws"), "the URL has no host");
    EXPECT_EQ(problem("ws://host:65536/ws"), "the URL's port must be a number from 1 to 65535");
    EXPECT_EQ(problem("ws://host:65535/ws"), "(accepted)");
}

TEST(WsUrl, EmptyPortMeansTheDefault) {
    auto url = parse_ws_url("ws://localhost:/ws");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->host, "localhost");
    EXPECT_EQ(url->port, "80");
}

}  // namespace
}  // namespace rapidfire::common
