// The private file of remembered host tokens.

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "file_mode.hpp"
#include "rapidfire/client/remembered_rooms.hpp"
#include "scratch_dir.hpp"

namespace rapidfire::client {
namespace {

namespace fs = std::filesystem;
using test::mode_of;

TEST(RememberedRooms, OneLinePerRoomAndBadLinesAreSkipped) {
    const RememberedRoom room{"2024-05-01T18:30:00Z", "K7M2QX", "K7M2QX.abc",
                              "ws://127.0.0.1:8080"};
    const std::string line = format_remembered_room(room);
    EXPECT_EQ(line, "2024-05-01T18:30:00Z K7M2QX K7M2QX.abc ws://127.0.0.1:8080\n");
    const auto rooms = parse_remembered_rooms(line + "garbage\n\nA B C D E\n" + line);
    ASSERT_EQ(rooms.size(), 2u);
    EXPECT_EQ(rooms[0].code, "K7M2QX");
    EXPECT_EQ(rooms[0].token, "K7M2QX.abc");
    EXPECT_EQ(rooms[0].server, "ws://127.0.0.1:8080");
}

TEST(RememberedRooms, TokensForOneServerMostRecentFirstDistinctAndBounded) {
    const std::vector<RememberedRoom> rooms{
        {"t1", "AAAAAA", "a", "ws://one:1"},  {"t2", "BBBBBB", "b", "ws://two:2"},
        {"t3", "CCCCCC", "c", "ws://one:1"},  {"t4", "AAAAAA", "a", "ws://one:1"},
        {"t5", "DDDDDD", "d", "wss://one:1"}, {"t6", "EEEEEE", "e", "ws://one:1"}};
    EXPECT_EQ(tokens_for_server(rooms, "ws://one:1", 10),
              (std::vector<std::string>{"e", "a", "c"}));
    EXPECT_EQ(tokens_for_server(rooms, "ws://one:1", 2), (std::vector<std::string>{"e", "a"}));
    EXPECT_EQ(tokens_for_server(rooms, "wss://one:1", 10), (std::vector<std::string>{"d"}));
    EXPECT_TRUE(tokens_for_server(rooms, "ws://three:3", 10).empty());
}

TEST(RememberedRooms, TheFileIsPrivateAndKeptShort) {
    test::ScratchDir folder("state");
    const fs::path file = folder.path() / "state" / "rapidfire" / "hosted";
    EXPECT_TRUE(read_remembered_rooms(file).empty());  // nothing yet
    for (std::size_t i = 0; i < max_remembered_rooms + 5; ++i) {
        remember_room(file, {utc_timestamp(), "ROOM" + std::to_string(i),
                             "token-" + std::to_string(i), "ws://127.0.0.1:8080"});
    }
    EXPECT_EQ(mode_of(file), 0600u);
    EXPECT_EQ(mode_of(file.parent_path()), 0700u);
    const auto rooms = read_remembered_rooms(file);
    ASSERT_EQ(rooms.size(), max_remembered_rooms);
    EXPECT_EQ(rooms.front().token, "token-5");  // the oldest went first
    EXPECT_EQ(rooms.back().token, "token-" + std::to_string(max_remembered_rooms + 4));
    EXPECT_EQ(rooms.back().time.size(), std::string("2024-05-01T18:30:00Z").size());
}

TEST(RememberedRooms, AnExistingFileIsMadePrivate) {
    test::ScratchDir folder("state");
    const fs::path file = folder.path() / "hosted";
    std::ofstream(file) << "";
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    remember_room(file, {"t", "K7M2QX", "secret", "ws://127.0.0.1:8080"});
    EXPECT_EQ(mode_of(file), 0600u);
}

}  // namespace
}  // namespace rapidfire::client
