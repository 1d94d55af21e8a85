// Lobby rules: nicknames, capacity, lock, kick, passwords, roster coalescing.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

ErrorCode refusal(const Seat& seat) {
    EXPECT_TRUE(std::holds_alternative<protocol::Error>(seat));
    return std::holds_alternative<protocol::Error>(seat) ? std::get<protocol::Error>(seat).code
                                                         : ErrorCode::internal;
}

TEST(Lobby, CreatorGetsCodeTokensAndResolvedSettings) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const auto created = h.last<RoomCreated>(1);
    EXPECT_EQ(created.code, "ABCDEF");
    EXPECT_EQ(created.host_token.size(), 32u);
    EXPECT_EQ(created.resume_token.rfind("ABCDEF.", 0), 0u);
    EXPECT_FALSE(created.player.has_value());
    EXPECT_EQ(created.settings.seconds, 20);
    EXPECT_EQ(created.questions_available, 6);
}

TEST(Lobby, PlayersJoinWithTrimmedUniqueNicknames) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId ada = h.join("  Ada  ");
    EXPECT_EQ(h.last<Joined>(ada).nickname, "Ada");
    EXPECT_EQ(h.last<Joined>(ada).role, Role::player);
    EXPECT_EQ(refusal(h.try_join("ada")), ErrorCode::nickname_taken);
    EXPECT_EQ(refusal(h.try_join("HOST")), ErrorCode::nickname_taken);  // the host's name too
    EXPECT_EQ(refusal(h.try_join("   ")), ErrorCode::invalid_nickname);
    EXPECT_EQ(refusal(h.try_join("bad\x01name")), ErrorCode::invalid_nickname);
    EXPECT_EQ(refusal(h.try_join("bad\xc2\x85name")), ErrorCode::invalid_nickname);  // U+0085
    EXPECT_EQ(refusal(h.try_join(std::string(25, 'x'))), ErrorCode::invalid_nickname);
    EXPECT_TRUE(std::holds_alternative<MemberId>(h.try_join(std::string(24, 'x'))));
    // 24 characters of two bytes each are 24 characters, not 48.
    std::string accents;
    for (int i = 0; i < 24; ++i)
        accents += "\xc3\xa9";
    EXPECT_TRUE(std::holds_alternative<MemberId>(h.try_join(accents)));
}

TEST(Lobby, CapacityIsEnforced) {
    RoomHarness h;
    RoundSettings s;
    s.capacity = 2;
    h.create(RoomKind::quiz, s);
    h.join("a");
    h.join("b");
    EXPECT_EQ(refusal(h.try_join("c")), ErrorCode::room_full);
}

TEST(Lobby, CapacityAboveTheServerMaximumIsRefused) {
    RoomLimits limits;
    limits.max_capacity = 50;
    RoomHarness h(limits);
    RoundSettings s;
    s.capacity = 51;
    const auto error = h.try_create(RoomKind::quiz, s);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, ErrorCode::invalid_settings);
}

TEST(Lobby, LockedRoomsRefuseJoinsButNotResumes) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("a");
    h.send(h.host(), Lock{h.host_token(), true});
    h.run_for(300);  // the roster is coalesced
    EXPECT_TRUE(h.last<Roster>(h.host()).locked);
    EXPECT_EQ(refusal(h.try_join("b")), ErrorCode::room_locked);
    h.drop(a);
    EXPECT_TRUE(std::holds_alternative<MemberId>(h.resume(h.token(a))));
    h.send(h.host(), Lock{h.host_token(), false});
    EXPECT_TRUE(std::holds_alternative<MemberId>(h.try_join("b")));
}

TEST(Lobby, PasswordProtectedRooms) {
    RoomHarness h;
    RoundSettings s;
    s.password = "secret";
    h.create(RoomKind::quiz, s);
    EXPECT_FALSE(h.last<RoomCreated>(1).settings.password.has_value());  // never echoed
    EXPECT_EQ(refusal(h.try_join("a")), ErrorCode::wrong_password);
    EXPECT_EQ(refusal(h.try_join("a", "wrong")), ErrorCode::wrong_password);
    EXPECT_TRUE(std::holds_alternative<MemberId>(h.try_join("a", "secret")));
}

TEST(Lobby, KickRevokesTheSeatAndTheToken) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("a");
    h.send(h.host(), Kick{h.host_token(), a});
    EXPECT_EQ(h.count<Kicked>(a), 1);
    EXPECT_EQ(refusal(h.resume(h.token(a))), ErrorCode::bad_resume_token);
    EXPECT_EQ(h.room().stats().players, 0);
    // The nickname is free again.
    EXPECT_TRUE(std::holds_alternative<MemberId>(h.try_join("a")));
    h.clear();
    h.send(h.host(), Kick{h.host_token(), 99});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::unknown_player);
}

TEST(Lobby, RosterUpdatesAreCoalesced) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    h.clear();
    const MemberId first = h.join("p0");
    for (int i = 1; i < 50; ++i)
        h.join("p" + std::to_string(i));
    // The first join goes out at once; the other 49 wait for the next slot.
    EXPECT_EQ(h.count<Roster>(h.host()), 1);
    EXPECT_EQ(h.count<Roster>(first), 2);  // its snapshot and the first broadcast
    h.run_for(300);
    EXPECT_EQ(h.count<Roster>(h.host()), 2);
    const auto roster = h.last<Roster>(h.host());
    EXPECT_EQ(roster.count, 50);
    EXPECT_FALSE(roster.full);
    EXPECT_EQ(roster.players.size(), 49u);  // the changes since the first one: p1 to p49
    // Players get the counts, never the list.
    EXPECT_EQ(h.last<Roster>(first).count, 50);
    EXPECT_TRUE(h.last<Roster>(first).players.empty());
}

TEST(Lobby, LeaveGivesUpTheSeat) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("a");
    h.send(a, Leave{});
    EXPECT_EQ(h.count<Left>(a), 1);
    EXPECT_EQ(refusal(h.resume(h.token(a))), ErrorCode::bad_resume_token);
}

TEST(Lobby, StartNeedsAPlayer) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    h.send(h.host(), Start{h.host_token()});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::wrong_state);
}

}  // namespace
}  // namespace rapidfire::core::testing

namespace rapidfire::core::testing {
namespace {

// The counts the shell reads after every call are kept as the room changes, not recounted.
TEST(Stats, CountPlayersAndConnectionsThroughJoinsDropsKicksAndResumes) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    EXPECT_EQ(h.room().stats().players, 0);
    EXPECT_EQ(h.room().stats().connected, 0);  // the host is not a player
    const MemberId a = h.join("a");
    const MemberId b = h.join("b");
    h.join("c");
    EXPECT_EQ(h.room().stats().players, 3);
    EXPECT_EQ(h.room().stats().connected, 3);
    h.drop(a);
    h.drop(h.host());
    EXPECT_EQ(h.room().stats().connected, 2);
    h.run_for(300);  // the roster is coalesced
    EXPECT_EQ(h.last<Roster>(b).count, 3);
    EXPECT_EQ(h.last<Roster>(b).connected, 2);
    h.resume(h.token(a));
    EXPECT_EQ(h.room().stats().connected, 3);
    h.send(h.host(), Kick{h.host_token(), b});
    EXPECT_EQ(h.room().stats().players, 2);
    EXPECT_EQ(h.room().stats().connected, 2);
}

TEST(Stats, TheSoloPlayerIsHostAndPlayer) {
    RoomHarness h;
    h.create(RoomKind::solo);
    EXPECT_EQ(h.room().stats().players, 1);
    EXPECT_EQ(h.room().stats().connected, 1);
    h.drop(1);
    EXPECT_EQ(h.room().stats().connected, 0);
}

}  // namespace
}  // namespace rapidfire::core::testing
