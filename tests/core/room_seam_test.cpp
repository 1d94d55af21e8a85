// The read-only seam the shell uses: host seat, kind, nicknames, audiences resolved to members.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

std::vector<MemberId> resolved(const Room& room, const Audience& audience) {
    std::vector<MemberId> members{42, 43};  // resolve starts from an empty list
    room.resolve(audience, members);
    return members;
}

// resolve and in_audience agree on every member id the room has given out (and a few more).
void expect_agrees_with_in_audience(const Room& room, const Audience& audience) {
    const auto members = resolved(room, audience);
    std::vector<MemberId> expected;
    for (MemberId id = 0; id <= 10; ++id) {
        if (room.in_audience(audience, id))
            expected.push_back(id);
    }
    EXPECT_EQ(members, expected);
}

void expect_all_agree(const Room& room, std::initializer_list<MemberId> ids) {
    expect_agrees_with_in_audience(room, Audience::host());
    expect_agrees_with_in_audience(room, Audience::players());
    expect_agrees_with_in_audience(room, Audience::everyone());
    for (const MemberId id : ids)
        expect_agrees_with_in_audience(room, Audience::to(id));
}

using Ids = std::vector<MemberId>;

TEST(Seam, KindHostAndNicknamesOfAQuiz) {
    RoomHarness h;
    h.create(RoomKind::quiz, {}, "Quizmaster");
    const MemberId ada = h.join("Ada");
    EXPECT_EQ(h.room().kind(), RoomKind::quiz);
    EXPECT_EQ(h.room().host(), h.host());
    EXPECT_EQ(h.room().nickname(h.host()), "Quizmaster");
    EXPECT_EQ(h.room().nickname(ada), "Ada");
    EXPECT_EQ(h.room().nickname(0), "");
    EXPECT_EQ(h.room().nickname(ada + 1), "");
    EXPECT_EQ(h.room().nickname(-1), "");
}

TEST(Seam, KindOfInterviewAndSolo) {
    RoomHarness interview;
    interview.create(RoomKind::interview);
    EXPECT_EQ(interview.room().kind(), RoomKind::interview);
    RoomHarness solo;
    solo.create(RoomKind::solo);
    EXPECT_EQ(solo.room().kind(), RoomKind::solo);
    EXPECT_EQ(solo.room().host(), solo.host());
}

TEST(Seam, ResolvesEachAudienceInMemberIdOrder) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("A");
    const MemberId b = h.join("B");
    const MemberId c = h.join("C");
    EXPECT_EQ(resolved(h.room(), Audience::host()), Ids{h.host()});
    EXPECT_EQ(resolved(h.room(), Audience::players()), (Ids{a, b, c}));
    EXPECT_EQ(resolved(h.room(), Audience::everyone()), (Ids{h.host(), a, b, c}));
    EXPECT_EQ(resolved(h.room(), Audience::to(b)), Ids{b});
    EXPECT_EQ(resolved(h.room(), Audience::to(99)), Ids{});
    EXPECT_EQ(resolved(h.room(), Audience::to(0)), Ids{});
    expect_all_agree(h.room(), {h.host(), a, b, c, 99});
}

TEST(Seam, ADroppedSeatStillBelongsToItsAudiences) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("A");
    const MemberId b = h.join("B");
    h.drop(a);
    EXPECT_EQ(resolved(h.room(), Audience::players()), (Ids{a, b}));
    expect_all_agree(h.room(), {h.host(), a, b});
}

TEST(Seam, AKickedPlayerLeavesEveryAudienceButTheirOwn) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("A");
    const MemberId b = h.join("B");
    h.send(h.host(), Kick{h.host_token(), a});
    EXPECT_EQ(resolved(h.room(), Audience::players()), Ids{b});
    EXPECT_EQ(resolved(h.room(), Audience::everyone()), (Ids{h.host(), b}));
    EXPECT_EQ(resolved(h.room(), Audience::to(a)), Ids{a});  // the seat id is still known
    EXPECT_EQ(h.room().nickname(a), "A");
    expect_all_agree(h.room(), {h.host(), a, b});
}

TEST(Seam, APlayerWhoLeavesIsNoLongerResolved) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("A");
    const MemberId b = h.join("B");
    h.send(b, Leave{});
    EXPECT_EQ(resolved(h.room(), Audience::players()), Ids{a});
    EXPECT_EQ(resolved(h.room(), Audience::everyone()), (Ids{h.host(), a}));
    expect_all_agree(h.room(), {h.host(), a, b});
}

TEST(Seam, AHostWhoLeavesLeavesTheHostAudienceEmpty) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("A");
    h.send(h.host(), Leave{});
    EXPECT_EQ(resolved(h.room(), Audience::host()), Ids{});
    EXPECT_EQ(h.room().host(), h.host());  // the seat is still the host's, though empty
    expect_all_agree(h.room(), {h.host(), a});
}

TEST(Seam, InSoloTheHostIsNotAmongThePlayersAudience) {
    RoomHarness h;
    h.create(RoomKind::solo);
    EXPECT_EQ(resolved(h.room(), Audience::host()), Ids{h.host()});
    EXPECT_EQ(resolved(h.room(), Audience::players()), Ids{});
    EXPECT_EQ(resolved(h.room(), Audience::everyone()), Ids{h.host()});
    expect_all_agree(h.room(), {h.host()});
}

TEST(Seam, ARematchWithSwappedRolesMovesTheHostSeat) {
    RoomHarness h;
    RoundSettings s;
    s.questions = 1;
    h.create(RoomKind::interview, s, "Iris");
    const MemberId gone = h.join("Gone");
    const MemberId cand = h.join("Cand");
    h.send(h.host(), Start{h.host_token()});
    h.send(h.host(), EndGame{h.host_token()});
    h.drop(gone);
    h.send(h.host(), Rematch{h.host_token(), true});
    EXPECT_EQ(h.room().host(), cand);
    EXPECT_EQ(h.room().kind(), RoomKind::interview);
    EXPECT_EQ(h.room().nickname(cand), "Cand");
    EXPECT_EQ(resolved(h.room(), Audience::host()), Ids{cand});
    EXPECT_EQ(resolved(h.room(), Audience::players()), (Ids{h.host(), gone}));
    EXPECT_EQ(resolved(h.room(), Audience::everyone()), (Ids{h.host(), gone, cand}));
    expect_all_agree(h.room(), {h.host(), gone, cand});
}

TEST(Seam, ARematchWithoutASwapKeepsTheHostSeat) {
    RoomHarness h;
    RoundSettings s;
    s.questions = 1;
    h.create(RoomKind::interview, s);
    const MemberId cand = h.join("Cand");
    h.send(h.host(), Start{h.host_token()});
    h.send(h.host(), EndGame{h.host_token()});
    h.send(h.host(), Rematch{h.host_token(), false});
    EXPECT_EQ(h.room().host(), h.host());
    EXPECT_EQ(resolved(h.room(), Audience::players()), Ids{cand});
}

}  // namespace
}  // namespace rapidfire::core::testing
