// The roster: the host's list of players goes as changes after a full list, so no roster grows
// with the room; the players' counts come less often as the room grows, so filling a room
// costs each player the same few messages whatever its size.

#include <set>

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

RoomLimits big_rooms() {
    RoomLimits limits;
    limits.max_capacity = 20'000;
    return limits;
}

RoundSettings capacity(int players) {
    RoundSettings settings;
    settings.capacity = players;
    return settings;
}

std::set<PlayerId> ids(const std::vector<PlayerInfo>& players) {
    std::set<PlayerId> out;
    for (const auto& p : players)
        out.insert(p.id);
    return out;
}

TEST(Roster, TheHostGetsWhoJoinedChangedOrLeftSinceTheLastOne) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("a");
    const MemberId b = h.join("b");
    const MemberId c = h.join("c");
    h.run_for(1'000);
    h.clear();

    h.drop(b);
    h.send(h.host(), Kick{h.host_token(), c});
    h.run_for(1'000);
    auto rosters = h.all<Roster>(h.host());
    ASSERT_FALSE(rosters.empty());
    std::vector<PlayerInfo> changed;
    std::vector<PlayerId> removed;
    for (const auto& r : rosters) {
        EXPECT_FALSE(r.full);
        changed.insert(changed.end(), r.players.begin(), r.players.end());
        removed.insert(removed.end(), r.removed.begin(), r.removed.end());
    }
    // Only b changed (dropped) and c left; a, who did nothing, is in no roster.
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(changed[0].id, b);
    EXPECT_FALSE(changed[0].connected);
    EXPECT_EQ(removed, std::vector<PlayerId>{c});
    EXPECT_EQ(rosters.back().count, 2);
    EXPECT_EQ(rosters.back().connected, 1);
    // Players get the counts, never a list.
    for (const auto& r : h.all<Roster>(a)) {
        EXPECT_TRUE(r.players.empty());
        EXPECT_TRUE(r.removed.empty());
        EXPECT_FALSE(r.full);
    }
}

TEST(Roster, AHostWhoResumesGetsTheWholeListAgain) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("a");
    const MemberId b = h.join("b");
    h.run_for(1'000);
    h.drop(h.host());
    h.send(a, Leave{});
    h.run_for(1'000);
    h.clear();
    h.resume(h.token(h.host()));
    const auto roster = h.all<Roster>(h.host()).front();
    EXPECT_TRUE(roster.full);
    EXPECT_EQ(ids(roster.players), std::set<PlayerId>{b});
    EXPECT_TRUE(roster.removed.empty());
}

TEST(Roster, TheWholeListOfABigRoomComesInParts) {
    RoomLimits limits = big_rooms();
    limits.roster_list_part = 1'000;
    RoomHarness h(limits);
    h.create(RoomKind::quiz, capacity(2'501));
    for (int i = 0; i < 2'500; ++i)
        h.join("p" + std::to_string(i));
    h.run_for(1'000);
    h.drop(h.host());
    h.clear();
    h.resume(h.token(h.host()));
    const MemberId late = h.join("late");  // joins while the list is on its way
    h.run_for(2'000);
    const auto rosters = h.all<Roster>(h.host());
    ASSERT_GE(rosters.size(), 3u);
    EXPECT_TRUE(rosters.front().full);
    std::set<PlayerId> listed;
    for (std::size_t i = 0; i < rosters.size(); ++i) {
        EXPECT_LE(rosters[i].players.size(), 1'001u) << "roster " << i;
        EXPECT_EQ(rosters[i].full, i == 0);
        for (const auto& p : rosters[i].players)
            listed.insert(p.id);
    }
    EXPECT_EQ(listed.size(), 2'501u);
    EXPECT_TRUE(listed.contains(late));
}

TEST(Roster, ACountLeftFromTheLobbyIsNotSentOnceTheGameStarts) {
    RoomHarness h(big_rooms());
    h.create(RoomKind::quiz, capacity(4'000));
    const MemberId first = h.join("p0");
    for (int i = 1; i < 4'000; ++i)
        h.join("p" + std::to_string(i));  // counts every second at this size
    h.clear();
    h.send(h.host(), Start{h.host_token()});
    h.run_for(5'000);
    EXPECT_EQ(h.count<Question>(first), 1);
    EXPECT_EQ(h.count<Roster>(first), 0);
    EXPECT_EQ(h.count<Roster>(h.host()), 1);  // the host's list still gets the last joins
}

// Joins `players` at `per_second`, then lets the coalesced updates out; returns the rosters
// the players received, on average.
double rosters_per_player(int players, int per_second) {
    RoomHarness h(big_rooms());
    h.create(RoomKind::quiz, capacity(players));
    std::vector<MemberId> seated{h.join("p0")};
    const Millis gap = 1'000 / per_second;
    for (int i = 1; i < players; ++i) {
        h.advance(gap);
        seated.push_back(h.join("p" + std::to_string(i)));
    }
    h.run_for(30'000);
    EXPECT_EQ(h.last<Roster>(seated.front()).count, players);
    long total = 0;
    for (const MemberId m : seated)
        total += h.count<Roster>(m);
    return static_cast<double>(total) / players;
}

TEST(Roster, FillingARoomCostsEachPlayerTheSameFewCountsWhateverItsSize) {
    // At 1,000 joins a second: rooms of 1,000, 8,000 and 16,000 fill in 1, 8 and 16 s. With
    // the counts every 250 ms to everyone, each player of the largest would get about 32.
    const double small = rosters_per_player(1'000, 1'000);
    const double large = rosters_per_player(8'000, 1'000);
    const double larger = rosters_per_player(16'000, 1'000);
    EXPECT_LE(small, 4.0);
    // The budget (4,000 a second to the room) over the fill rate, and the snapshot: about 5.
    EXPECT_LE(large, 6.5);
    EXPECT_NEAR(larger, large, 0.5);
}

}  // namespace
}  // namespace rapidfire::core::testing
