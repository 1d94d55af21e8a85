// The WebSocket session on its own: welcome, hello, pings, decoding errors, and the messages
// that need (or must not have) a room.

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::ErrorCode;

class SessionTest : public ::testing::Test {
  protected:
    TestServer server;
};

// The connection is still usable: a ping gets its pong.
void expect_open(TestClient& client, std::int64_t nonce) {
    client.send(protocol::Ping{nonce});
    EXPECT_EQ(client.expect<protocol::Pong>().nonce, nonce);
}

TEST_F(SessionTest, WelcomeComesFirst) {
    TestClient client(server.port());
    const auto welcome = client.expect<protocol::Welcome>();
    EXPECT_EQ(welcome.protocol, 1);
    EXPECT_EQ(welcome.server, "rapidfire/0.1.0");
    EXPECT_EQ(welcome.max_message_bytes, 16384);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    EXPECT_NEAR(static_cast<double>(welcome.server_time), static_cast<double>(now), 5000.0);
}

TEST_F(SessionTest, PingGetsPongWithServerTime) {
    auto client = server.client();
    const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    client->send(protocol::Ping{42});
    const auto pong = client->expect<protocol::Pong>();
    EXPECT_EQ(pong.nonce, 42);
    EXPECT_NEAR(static_cast<double>(pong.server_time), static_cast<double>(before), 5000.0);
    client->send(protocol::Ping{std::nullopt});
    EXPECT_FALSE(client->expect<protocol::Pong>().nonce.has_value());
}

TEST_F(SessionTest, SupportedHelloGetsNoAnswer) {
    auto client = server.client();
    client->send(protocol::Hello{1, "server_tests"});
    expect_open(*client, 7);  // the pong is the very next message
}

TEST_F(SessionTest, HelloWithAnotherVersionIsRefused) {
    auto client = server.client();
    client->send(protocol::Hello{2, "from the future"});
    const auto error = client->expect<protocol::Error>();
    EXPECT_EQ(error.code, ErrorCode::unsupported_version);
    EXPECT_EQ(error.field, "protocol");
    EXPECT_EQ(error.request, "hello");
    expect_open(*client, 1);
}

TEST_F(SessionTest, DecodeErrorsKeepTheConnectionOpen) {
    auto client = server.client();
    struct Case {
        std::string frame;
        ErrorCode code;
        std::optional<std::string> field;
        std::optional<std::string> request;
    };
    const std::vector<Case> cases = {
        {"{not json", ErrorCode::bad_json, std::nullopt, std::nullopt},
        {"[1,2,3]", ErrorCode::not_object, std::nullopt, std::nullopt},
        {R"({"kind":"quiz"})", ErrorCode::missing_type, "type", std::nullopt},
        {R"({"type":"warp_drive"})", ErrorCode::unknown_type, "type", std::nullopt},
        {R"({"type":"join","code":"ABCDEF"})", ErrorCode::missing_field, "nickname", "join"},
        {R"({"type":"answer","question":"first"})", ErrorCode::wrong_type, "question", "answer"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.frame);
        client->send_text(c.frame);
        const auto error = client->expect<protocol::Error>();
        EXPECT_EQ(error.code, c.code) << error.message;
        EXPECT_EQ(error.field, c.field);
        EXPECT_EQ(error.request, c.request);
        EXPECT_FALSE(error.message.empty());
    }
    expect_open(*client, 2);
}

TEST_F(SessionTest, RoomMessagesNeedARoom) {
    auto client = server.client();
    client->send(protocol::Start{"no-token"});
    auto error = client->expect<protocol::Error>();
    EXPECT_EQ(error.code, ErrorCode::not_in_room);
    EXPECT_EQ(error.request, "start");
    client->send(choice_answer(0, 1));
    EXPECT_EQ(client->expect<protocol::Error>().code, ErrorCode::not_in_room);
    client->send(protocol::Leave{});
    EXPECT_EQ(client->expect<protocol::Error>().code, ErrorCode::not_in_room);
    expect_open(*client, 3);
}

TEST_F(SessionTest, UnknownRoomAndTokenAreRefused) {
    auto client = server.client();
    client->send(protocol::Join{"ZZZZZZ", "Ana", std::nullopt});
    auto error = client->expect<protocol::Error>();
    EXPECT_EQ(error.code, ErrorCode::room_not_found);
    EXPECT_EQ(error.request, "join");
    client->send(protocol::Resume{"ZZZZZZ.not-a-real-token"});
    error = client->expect<protocol::Error>();
    EXPECT_EQ(error.code, ErrorCode::bad_resume_token);
    EXPECT_EQ(error.request, "resume");
    expect_open(*client, 4);
}

TEST_F(SessionTest, CreateOrJoinWhileSeatedIsRefused) {
    auto host = server.client();
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", {});
    host->send(protocol::CreateRoom{protocol::RoomKind::quiz, "Again", {}});
    EXPECT_EQ(host->wait_for<protocol::Error>().code, ErrorCode::already_in_room);
    host->send(protocol::Join{created.code, "Sneaky", std::nullopt});
    EXPECT_EQ(host->wait_for<protocol::Error>().code, ErrorCode::already_in_room);
    host->send(protocol::Resume{created.resume_token});
    EXPECT_EQ(host->wait_for<protocol::Error>().code, ErrorCode::already_in_room);

    auto player = server.client();
    join_room(*player, created.code, "Player");
    player->send(protocol::Join{created.code, "Player2", std::nullopt});
    EXPECT_EQ(player->wait_for<protocol::Error>().code, ErrorCode::already_in_room);
}

TEST_F(SessionTest, EngineRefusalsComeBackAsErrors) {
    auto client = server.client();
    protocol::RoundSettings settings;
    settings.seconds = 1;  // below the engine's minimum
    client->send(protocol::CreateRoom{protocol::RoomKind::quiz, "Host", settings});
    const auto error = client->expect<protocol::Error>();
    EXPECT_EQ(error.code, ErrorCode::invalid_settings);
    EXPECT_EQ(error.field, "settings.seconds");
    // Not seated: a valid create works afterwards.
    create_room(*client, protocol::RoomKind::quiz, "Host", {});
}

TEST_F(SessionTest, JoinCodeIsCaseInsensitive) {
    auto host = server.client();
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", {});
    std::string lower = created.code;
    for (auto& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto player = server.client();
    EXPECT_EQ(join_room(*player, lower, "Player").code, created.code);
}

}  // namespace
}  // namespace rapidfire::test
