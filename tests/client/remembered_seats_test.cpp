// The private file of seats to come back to after Ctrl-C or a restart.

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "file_mode.hpp"
#include "rapidfire/client/remembered_seats.hpp"
#include "scratch_dir.hpp"

namespace rapidfire::client {
namespace {

namespace fs = std::filesystem;
using test::mode_of;

RememberedSeat seat(std::string server, std::string code, protocol::Role role, std::string token,
                    std::string nickname = "Ms Rivera") {
    return {"2024-05-01T18:30:00Z", std::move(server),  std::move(code), role, 4242,
            std::move(token),       std::move(nickname)};
}

TEST(RememberedSeats, OneLinePerSeatWithTheNicknameToTheEnd) {
    const auto rivera = seat("ws://127.0.0.1:8080", "K7M2QX", protocol::Role::host, "K7M2QX.abc");
    const std::string line = format_remembered_seat(rivera);
    EXPECT_EQ(line,
              "2024-05-01T18:30:00Z ws://127.0.0.1:8080 K7M2QX host 4242 K7M2QX.abc Ms Rivera\n");
    const auto seats =
        parse_remembered_seats(line + "garbage\n\nt s C judge T name\nt s C player T\n" + line);
    ASSERT_EQ(seats.size(), 2u);
    EXPECT_EQ(seats[0].server, "ws://127.0.0.1:8080");
    EXPECT_EQ(seats[0].code, "K7M2QX");
    EXPECT_EQ(seats[0].role, protocol::Role::host);
    EXPECT_EQ(seats[0].pid, 4242);
    EXPECT_EQ(seats[0].token, "K7M2QX.abc");
    EXPECT_EQ(seats[0].nickname, "Ms Rivera");
}

TEST(RememberedSeats, OneSeatPerRoomOfAServerAndTheLatestWins) {
    test::ScratchDir folder("state");
    const fs::path file = folder.path() / "rapidfire" / "seats";
    EXPECT_TRUE(read_remembered_seats(file).empty());
    remember_seat(file, seat("ws://one:1", "AAAAAA", protocol::Role::player, "a1", "Sam"));
    remember_seat(file, seat("ws://two:2", "AAAAAA", protocol::Role::player, "b1", "Sam"));
    remember_seat(file, seat("ws://one:1", "AAAAAA", protocol::Role::player, "a2", "SAM"));
    remember_seat(file, seat("ws://one:1", "AAAAAA", protocol::Role::player, "k1", "Kim"));
    remember_seat(file, seat("ws://one:1", "AAAAAA", protocol::Role::host, "h1", "Sam"));
    EXPECT_EQ(mode_of(file), 0600u);
    EXPECT_EQ(mode_of(file.parent_path()), 0700u);
    const auto seats = read_remembered_seats(file);
    ASSERT_EQ(seats.size(), 4u);  // Sam's first seat in AAAAAA on one:1 was replaced
    EXPECT_EQ(find_player_seat(seats, "ws://one:1", "AAAAAA", "sam")->token, "a2");
    EXPECT_EQ(find_player_seat(seats, "ws://one:1", "AAAAAA", "Kim")->token, "k1");
    EXPECT_EQ(find_player_seat(seats, "ws://two:2", "AAAAAA", "Sam")->token, "b1");
    EXPECT_EQ(find_host_seat(seats, "ws://one:1", "AAAAAA")->token, "h1");
    EXPECT_FALSE(find_player_seat(seats, "ws://one:1", "AAAAAA", "Alex"));
    // A token stays with its server.
    EXPECT_FALSE(find_player_seat(seats, "wss://one:1", "AAAAAA", "Sam"));

    forget_seat(file, "ws://one:1", "AAAAAA", "a2");
    const auto left = read_remembered_seats(file);
    ASSERT_EQ(left.size(), 3u);
    EXPECT_FALSE(find_player_seat(left, "ws://one:1", "AAAAAA", "Sam"));
    EXPECT_TRUE(find_player_seat(left, "ws://one:1", "AAAAAA", "Kim"));
}

TEST(RememberedSeats, ClientsWritingAtOnceLoseNoSeat) {
    test::ScratchDir folder("state");
    const fs::path file = folder.path() / "seats";
    constexpr int writers = 4;
    constexpr int each = static_cast<int>(max_remembered_seats) / writers;
    std::vector<pid_t> children;
    for (int w = 0; w < writers; ++w) {
        const pid_t child = ::fork();
        if (child == 0) {
            for (int i = 0; i < each; ++i) {
                const std::string code = "W" + std::to_string(w) + "S" + std::to_string(i);
                remember_seat(file, seat("ws://one:1", code, protocol::Role::player, code));
            }
            ::_exit(0);
        }
        children.push_back(child);
    }
    for (const pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    EXPECT_EQ(read_remembered_seats(file).size(), static_cast<std::size_t>(writers * each));
}

TEST(RememberedSeats, TheFileIsKeptShortOldestFirst) {
    test::ScratchDir folder("state");
    const fs::path file = folder.path() / "seats";
    for (std::size_t i = 0; i < max_remembered_seats + 3; ++i) {
        remember_seat(file, seat("ws://one:1", "ROOM" + std::to_string(i), protocol::Role::player,
                                 "t" + std::to_string(i)));
    }
    const auto seats = read_remembered_seats(file);
    ASSERT_EQ(seats.size(), max_remembered_seats);
    EXPECT_EQ(seats.front().token, "t3");
}

TEST(RememberedSeats, ASeatWhoseClientStillRunsIsInUseNotLeftBehind) {
    auto held = seat("ws://one:1", "AAAAAA", protocol::Role::player, "a");
    held.pid = static_cast<int>(::getppid());  // the process that started this test runs
    EXPECT_TRUE(held_by_running_client(held));
    held.pid = static_cast<int>(::getpid());  // this process: its own seat
    EXPECT_FALSE(held_by_running_client(held));
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    ASSERT_GT(child, 0);
    ::waitpid(child, nullptr, 0);
    held.pid = static_cast<int>(child);  // a client that has stopped
    EXPECT_FALSE(held_by_running_client(held));
}

TEST(RememberedSeats, TheLatestHostSeatOfAServer) {
    const std::vector<RememberedSeat> seats{
        seat("ws://one:1", "AAAAAA", protocol::Role::host, "a"),
        seat("ws://one:1", "BBBBBB", protocol::Role::host, "b"),
        seat("ws://one:1", "CCCCCC", protocol::Role::player, "c"),
        seat("ws://two:2", "DDDDDD", protocol::Role::host, "d")};
    EXPECT_EQ(latest_host_seat(seats, "ws://one:1")->code, "BBBBBB");
    EXPECT_FALSE(latest_host_seat(seats, "ws://three:3"));
}

}  // namespace
}  // namespace rapidfire::client
