// A public room's line in the list of open rooms: there while a stranger could join, gone
// otherwise.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

RoundSettings public_settings() {
    RoundSettings s;
    s.public_ = true;
    return s;
}

TEST(RoomListing, APublicRoomInItsLobbyIsListedWithWhatAStrangerNeeds) {
    RoomHarness h;
    RoundSettings s = public_settings();
    s.label = "  Friday night ML  ";
    s.topics = {"Evaluation", "optimization"};
    s.capacity = 20;
    h.create(RoomKind::quiz, s, "Iris");
    h.join("Ada");
    h.join("Ben");
    const auto listing = h.room().listing();
    ASSERT_TRUE(listing.has_value());
    EXPECT_EQ(listing->code, "ABCDEF");
    EXPECT_EQ(listing->kind, RoomKind::quiz);
    EXPECT_EQ(listing->label, "Friday night ML");
    EXPECT_EQ(listing->topics, (std::vector<std::string>{"evaluation", "optimization"}));
    EXPECT_EQ(listing->players, 2);  // the quiz host runs the game and is not counted
    EXPECT_EQ(listing->capacity, 20);
    EXPECT_EQ(listing->host, "Iris");
    EXPECT_FALSE(listing->password);
}

TEST(RoomListing, PrivateRoomsAreNeverListed) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    EXPECT_FALSE(h.room().listing().has_value());
    RoundSettings labelled;
    labelled.label = "not shown";
    RoomHarness other;
    other.create(RoomKind::quiz, labelled);
    EXPECT_FALSE(other.room().listing().has_value());
}

TEST(RoomListing, AnEmptyTopicListMeansEveryTopicAndNoLabelIsEmpty) {
    RoomHarness h;
    h.create(RoomKind::interview, public_settings());
    const auto listing = h.room().listing();
    ASSERT_TRUE(listing.has_value());
    EXPECT_EQ(listing->kind, RoomKind::interview);
    EXPECT_TRUE(listing->topics.empty());
    EXPECT_EQ(listing->label, "");
    EXPECT_EQ(listing->capacity, 3);
}

TEST(RoomListing, APasswordIsShownAsNeededNeverAsItself) {
    RoomHarness h;
    RoundSettings s = public_settings();
    s.password = "secret";
    h.create(RoomKind::quiz, s);
    const auto listing = h.room().listing();
    ASSERT_TRUE(listing.has_value());
    EXPECT_TRUE(listing->password);
    for (const auto& text : {listing->code, listing->label, listing->host})
        EXPECT_EQ(text.find("secret"), std::string::npos);
}

TEST(RoomListing, AFullRoomLeavesTheListUntilASeatIsFree) {
    RoomHarness h;
    RoundSettings s = public_settings();
    s.capacity = 2;
    h.create(RoomKind::quiz, s);
    h.join("a");
    EXPECT_EQ(h.room().listing()->players, 1);
    const MemberId b = h.join("b");
    EXPECT_FALSE(h.room().listing().has_value());
    h.send(b, Leave{});
    ASSERT_TRUE(h.room().listing().has_value());
    EXPECT_EQ(h.room().listing()->players, 1);
}

TEST(RoomListing, ALockedRoomIsNotListed) {
    RoomHarness h;
    h.create(RoomKind::quiz, public_settings());
    h.send(h.host(), Lock{h.host_token(), true});
    EXPECT_FALSE(h.room().listing().has_value());
    h.send(h.host(), Lock{h.host_token(), false});
    EXPECT_TRUE(h.room().listing().has_value());
}

TEST(RoomListing, AGameInPlayOrOverIsNotListedAndARematchListsTheRoomAgain) {
    RoomHarness h;
    RoundSettings s = public_settings();
    s.questions = 1;
    h.create(RoomKind::quiz, s);
    h.join("a");
    ASSERT_TRUE(h.room().listing().has_value());
    h.send(h.host(), Start{h.host_token()});
    EXPECT_FALSE(h.room().listing().has_value());
    h.send(h.host(), EndGame{h.host_token()});
    EXPECT_EQ(h.room().stats().phase, RoomPhase::finished);
    EXPECT_FALSE(h.room().listing().has_value());
    h.send(h.host(), Rematch{h.host_token(), false});
    EXPECT_EQ(h.room().stats().phase, RoomPhase::lobby);
    ASSERT_TRUE(h.room().listing().has_value());
    EXPECT_EQ(h.room().listing()->players, 1);
}

TEST(RoomListing, ARematchWithSwappedRolesListsTheNewInterviewer) {
    RoomHarness h;
    RoundSettings s = public_settings();
    s.questions = 1;
    h.create(RoomKind::interview, s, "Iris");
    h.join("Cand");
    h.send(h.host(), Start{h.host_token()});
    h.send(h.host(), EndGame{h.host_token()});
    h.send(h.host(), Rematch{h.host_token(), true});
    const auto listing = h.room().listing();
    ASSERT_TRUE(listing.has_value());
    EXPECT_EQ(listing->host, "Cand");
    EXPECT_EQ(listing->players, 1);  // Iris is the candidate now
}

TEST(RoomListing, ARoomWhoseHostDroppedWaitsUnlistedUntilTheHostIsBack) {
    RoomHarness h;
    h.create(RoomKind::quiz, public_settings());
    h.drop(h.host());
    EXPECT_FALSE(h.room().listing().has_value());
    ASSERT_TRUE(std::holds_alternative<MemberId>(h.resume(h.token(h.host()))));
    EXPECT_TRUE(h.room().listing().has_value());
}

}  // namespace
}  // namespace rapidfire::core::testing
