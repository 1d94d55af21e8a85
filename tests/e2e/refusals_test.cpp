// Exit codes: 2 when the server refuses, 1 for usage and connection errors.

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, JoiningAnUnknownRoomExitsWithTwo) {
    auto player = client({"join", "ZZZZZZ", "--name", "alice"});
    EXPECT_EQ(player->wait_exit(), 2) << player->transcript();
    EXPECT_NE(player->errors().find("error room_not_found: "), std::string::npos)
        << player->transcript();
}

TEST_F(EndToEnd, ATakenNicknameOrAWrongPasswordExitsWithTwo) {
    std::unique_ptr<Process> host;
    const std::string code = host_room(host, {"host", "--password", "s3cret"});
    auto alice = client({"join", code, "--name", "alice", "--password", "s3cret"});
    ASSERT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
    auto twin = client({"join", code, "--name", "ALICE", "--password", "s3cret"});
    EXPECT_EQ(twin->wait_exit(), 2) << twin->transcript();
    EXPECT_NE(twin->errors().find("error nickname_taken: "), std::string::npos);
    auto guesser = client({"join", code, "--name", "bob", "--password", "guess"});
    EXPECT_EQ(guesser->wait_exit(), 2) << guesser->transcript();
    EXPECT_NE(guesser->errors().find("error wrong_password: "), std::string::npos);
}

TEST_F(EndToEnd, AKickedPlayerExitsWithTwo) {
    std::unique_ptr<Process> host;
    const std::string code = host_room(host, {"host"});
    auto alice = client({"join", code, "--name", "alice"});
    ASSERT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
    host->write_line("kick alice");
    EXPECT_EQ(alice->wait_exit(), 2) << alice->transcript();
    EXPECT_NE(alice->errors().find("kicked: "), std::string::npos);
    ASSERT_TRUE(host->wait_for_line("players 0")) << host->transcript();
    host->write_line("leave");  // `end` is for a running game; leaving closes the room
    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
}

TEST_F(EndToEnd, NoServerIsAConnectionError) {
    auto player = Process::start(RAPIDFIRE_CLIENT_BIN,
                                 {"--url", "ws://127.0.0.1:1/ws", "join", "ABC234", "--name", "a"});
    EXPECT_EQ(player->wait_exit(), 1) << player->transcript();
    EXPECT_NE(player->errors().find("cannot connect to ws://127.0.0.1:1/ws"), std::string::npos);
}

TEST_F(EndToEnd, AUrlWithoutTheWsPathGetsAHint) {
    const std::string server = url_.substr(0, url_.size() - 3);  // without "/ws"
    auto player =
        Process::start(RAPIDFIRE_CLIENT_BIN, {"--url", server, "join", "ABC234", "--name", "a"});
    EXPECT_EQ(player->wait_exit(), 1) << player->transcript();
    EXPECT_NE(player->errors().find("the server's WebSocket path is /ws: try --url " + url_),
              std::string::npos)
        << player->transcript();
}

TEST_F(EndToEnd, UsageErrorsExitWithOne) {
    auto bad = Process::start(RAPIDFIRE_CLIENT_BIN, {"join", "ABC234"});
    EXPECT_EQ(bad->wait_exit(), 1);
    EXPECT_NE(bad->errors().find("join needs --name NAME"), std::string::npos) << bad->transcript();
    auto help = Process::start(RAPIDFIRE_CLIENT_BIN, {"solo", "--help"});
    EXPECT_EQ(help->wait_exit(), 0);
    EXPECT_NE(help->output().find("--clock"), std::string::npos) << help->transcript();
}

}  // namespace
}  // namespace rapidfire::e2e
