// What the host may do in the lobby, and what nobody else may: kick, lock, capacity, nicknames,
// host tokens.

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::ErrorCode;

class HostActions : public ::testing::Test {
  protected:
    void SetUp() override {
        host = server.client();
        protocol::RoundSettings settings;
        settings.capacity = 3;
        created = create_room(*host, protocol::RoomKind::quiz, "Host", settings);
    }

    ErrorCode refused_join(const std::string& nickname) {
        auto client = server.client();
        client->send(protocol::Join{created.code, nickname, std::nullopt});
        return client->wait_for<protocol::Error>().code;
    }

    TestServer server;
    std::unique_ptr<TestClient> host;
    protocol::RoomCreated created;
};

TEST_F(HostActions, KickRemovesThePlayerAndRevokesItsToken) {
    auto player = server.client();
    const auto joined = join_room(*player, created.code, "Troll");
    host->send(protocol::Kick{created.host_token, *joined.player});
    EXPECT_FALSE(player->wait_for<protocol::Kicked>().reason.empty());
    // No longer seated: room messages are refused, the connection stays open.
    player->send(protocol::Leave{});
    EXPECT_EQ(player->wait_for<protocol::Error>().code, ErrorCode::not_in_room);
    player->send(protocol::Resume{joined.resume_token});
    EXPECT_EQ(player->wait_for<protocol::Error>().code, ErrorCode::bad_resume_token);
    for (;;) {
        if (host->wait_for<protocol::Roster>().count == 0)
            break;
    }
    host->send(protocol::Kick{created.host_token, *joined.player});
    EXPECT_EQ(host->wait_for<protocol::Error>().code, ErrorCode::unknown_player);
}

TEST_F(HostActions, LockedRoomRefusesNewPlayersUntilUnlocked) {
    host->send(protocol::Lock{created.host_token, true});
    for (;;) {
        if (host->wait_for<protocol::Roster>().locked)
            break;
    }
    EXPECT_EQ(refused_join("Late"), ErrorCode::room_locked);
    host->send(protocol::Lock{created.host_token, false});
    auto player = server.client();
    join_room(*player, created.code, "Late");
}

TEST_F(HostActions, FullRoomRefusesTheNextPlayer) {
    std::vector<std::unique_ptr<TestClient>> players;
    for (const char* name : {"One", "Two", "Three"}) {
        players.push_back(server.client());
        join_room(*players.back(), created.code, name);
    }
    EXPECT_EQ(refused_join("Four"), ErrorCode::room_full);
}

TEST_F(HostActions, NicknamesAreUniqueIgnoringCase) {
    auto first = server.client();
    join_room(*first, created.code, "Ana");
    EXPECT_EQ(refused_join("ana"), ErrorCode::nickname_taken);
    EXPECT_EQ(refused_join("   "), ErrorCode::invalid_nickname);
}

TEST_F(HostActions, HostActionsNeedTheHostSeatAndToken) {
    auto player = server.client();
    join_room(*player, created.code, "Player");
    // A player, even with the right token, is not the host.
    player->send(protocol::Start{created.host_token});
    auto error = player->wait_for<protocol::Error>();
    EXPECT_EQ(error.code, ErrorCode::not_host);
    EXPECT_EQ(error.request, "start");
    player->send(protocol::Kick{created.host_token, 1});
    EXPECT_EQ(player->wait_for<protocol::Error>().code, ErrorCode::not_host);
    // The host with a wrong token.
    host->send(protocol::Start{"not-the-token"});
    error = host->wait_for<protocol::Error>();
    EXPECT_EQ(error.code, ErrorCode::bad_host_token);
    EXPECT_EQ(error.field, "host_token");
    host->send(protocol::Lock{"", true});
    EXPECT_EQ(host->wait_for<protocol::Error>().code, ErrorCode::bad_host_token);
    // With the token the game starts.
    host->send(protocol::Start{created.host_token});
    EXPECT_EQ(player->wait_for<protocol::Question>().question, 0);
}

TEST_F(HostActions, PasswordProtectedRoom) {
    auto owner = server.client();
    protocol::RoundSettings settings;
    settings.password = "open sesame";
    const auto locked = create_room(*owner, protocol::RoomKind::quiz, "Owner", settings);
    EXPECT_FALSE(locked.settings.password.has_value());  // never echoed
    auto guest = server.client();
    guest->send(protocol::Join{locked.code, "Guest", std::string("guess")});
    EXPECT_EQ(guest->wait_for<protocol::Error>().code, ErrorCode::wrong_password);
    guest->send(protocol::Join{locked.code, "Guest", std::string("open sesame")});
    EXPECT_TRUE(guest->wait_for<protocol::Joined>().player.has_value());
}

}  // namespace
}  // namespace rapidfire::test
