// rooms' table, from the server's room_list.

#include <gtest/gtest.h>

#include "rapidfire/client/rooms_format.hpp"

namespace rapidfire::client {
namespace {

using namespace protocol;

OpenRoom room(std::string code, RoomKind kind, int players, int capacity, std::string host,
              bool password = false, std::string label = "") {
    OpenRoom r;
    r.code = std::move(code);
    r.kind = kind;
    r.players = players;
    r.capacity = capacity;
    r.host = std::move(host);
    r.password = password;
    r.label = std::move(label);
    return r;
}

TEST(RoomsTable, ListsEachRoomAlignedWithAMarkWhereAPasswordIsNeeded) {
    RoomList list;
    list.rooms = {room("ABCDEF", RoomKind::quiz, 12, 500, "Iris", false, "Friday ML night"),
                  room("GHJKLM", RoomKind::interview, 1, 3, "Ana", true, "Mock interviews"),
                  room("NPQRST", RoomKind::quiz, 0, 40, "Bo")};
    list.total = 3;
    EXPECT_EQ(rooms_table(list),
              "code    kind       players  host  password  label\n"
              "ABCDEF  quiz        12/500  Iris            Friday ML night\n"
              "GHJKLM  interview      1/3  Ana   *         Mock interviews\n"
              "NPQRST  quiz          0/40  Bo\n"
              "join one with: rapidfire-client join CODE --name NAME (* --password P)\n");
}

TEST(RoomsTable, ColumnsCountCharactersNotBytes) {
    RoomList list;
    list.rooms = {room("ABCDEF", RoomKind::quiz, 1, 9, "\xc3\x89lo\xc3\xafse", true),  // Éloïse
                  room("GHJKLM", RoomKind::quiz, 1, 9, "Albert", true)};
    list.total = 2;
    EXPECT_EQ(rooms_table(list),
              "code    kind  players  host    password  label\n"
              "ABCDEF  quiz      1/9  \xc3\x89lo\xc3\xafse  *\n"
              "GHJKLM  quiz      1/9  Albert  *\n"
              "join one with: rapidfire-client join CODE --name NAME (* --password P)\n");
}

TEST(RoomsTable, SaysWhenTheListIsOnlyTheFirstPage) {
    RoomList list;
    for (int i = 0; i < 50; ++i)
        list.rooms.push_back(room("ROOM" + std::to_string(10 + i), RoomKind::quiz, 5, 10, "H"));
    list.total = 73;
    const auto table = rooms_table(list);
    EXPECT_NE(table.find("50 of 73 open rooms shown"), std::string::npos) << table;
    EXPECT_EQ(table.find("--password"), std::string::npos);
}

TEST(RoomsTable, NoRoomIsOneLine) {
    EXPECT_EQ(rooms_table(RoomList{}), "no open rooms\n");
}

}  // namespace
}  // namespace rapidfire::client
