// Host controls: pause, continue, extend, skip, end; every host action needs the host token.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

class HostControls : public ::testing::Test {
  protected:
    void SetUp() override {
        RoundSettings s;
        s.seconds = 20;
        s.reveal_seconds = 0;  // the host moves on with skip
        h.create(RoomKind::quiz, s);
        a = h.join("a");
        h.join("b");
        h.send(h.host(), Start{h.host_token()});
        q = h.last<Question>(a);
    }
    RoomHarness h;
    MemberId a = 0;
    Question q;
};

TEST_F(HostControls, PauseStopsTheClockAndContinueRestartsIt) {
    h.advance(4'000);
    h.send(h.host(), Pause{h.host_token()});
    EXPECT_EQ(h.last<Paused>(a).reason, PauseReason::host);
    EXPECT_EQ(h.last<Paused>(a).remaining_ms, 16'000);
    h.run_for(100'000);
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.send(h.host(), Continue{h.host_token()});
    const auto continued = h.last<Continued>(a);
    EXPECT_EQ(continued.remaining_ms, 16'000);
    EXPECT_EQ(continued.deadline, h.now() + 16'000);
    h.run_for(16'250);
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.run_for(1);
    EXPECT_EQ(h.count<Reveal>(a), 1);
}

TEST_F(HostControls, ExtendMovesTheDeadlineAndTheScoringTime) {
    h.advance(10'000);
    h.send(h.host(), Extend{h.host_token(), 20});
    const auto extended = h.last<TimeExtended>(a);
    EXPECT_EQ(extended.remaining_ms, 30'000);
    EXPECT_EQ(extended.deadline, q.deadline + 20'000);
    h.advance(15'000);  // past the old deadline
    h.send(a, Answer{0, h.correct_choice(q), {}});
    EXPECT_EQ(h.last<AnswerAccepted>(a).elapsed_ms, 25'000);
    h.send(h.host(), Extend{h.host_token(), 0});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::out_of_range);
}

TEST_F(HostControls, ExtendWhilePausedAddsToTheRemainingTime) {
    h.advance(5'000);
    h.send(h.host(), Pause{h.host_token()});
    h.send(h.host(), Extend{h.host_token(), 10});
    EXPECT_EQ(h.last<TimeExtended>(a).remaining_ms, 25'000);
    h.send(h.host(), Continue{h.host_token()});
    EXPECT_EQ(h.last<Continued>(a).remaining_ms, 25'000);
}

TEST_F(HostControls, SkipClosesTheQuestionThenMovesOn) {
    h.send(h.host(), Skip{h.host_token()});
    EXPECT_EQ(h.count<Reveal>(a), 1);
    EXPECT_FALSE(h.last<Reveal>(a).next_at.has_value());  // waits for the host
    h.run_for(60'000);
    EXPECT_EQ(h.count<Question>(a), 1);
    h.send(h.host(), Skip{h.host_token()});
    EXPECT_EQ(h.last<Question>(a).question, 1);
}

TEST_F(HostControls, EndFinishesEarly) {
    h.send(h.host(), EndGame{h.host_token()});
    EXPECT_EQ(h.last<GameOver>(a).reason, EndReason::ended_by_host);
    EXPECT_EQ(h.last<GameOver>(a).questions, 0);
    h.clear();
    h.send(h.host(), EndGame{h.host_token()});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::wrong_state);
}

TEST_F(HostControls, EveryHostActionNeedsTheHostSeatAndToken) {
    const std::string token = h.host_token();
    const std::vector<ClientMessage> with_wrong_token = {
        Start{"wrong"},
        Pause{"wrong"},
        Continue{"wrong"},
        Skip{"wrong"},
        Extend{"wrong", 5},
        EndGame{"wrong"},
        Kick{"wrong", a},
        Lock{"wrong", true},
        Judge{"wrong", 0, 0, Verdict::correct, {}, {}},
        AcceptSuggestions{"wrong", 0},
        Rematch{"wrong", false},
        ListStandings{"wrong", 0, 10},
        Start{""}};
    for (const auto& message : with_wrong_token) {
        h.clear();
        h.send(h.host(), message);
        EXPECT_EQ(h.error_code(h.host()), ErrorCode::bad_host_token) << type_of(message);
    }
    // A player holding a leaked token is still not the host.
    const std::vector<ClientMessage> from_player = {Start{token},
                                                    Pause{token},
                                                    Continue{token},
                                                    Skip{token},
                                                    Extend{token, 5},
                                                    EndGame{token},
                                                    Kick{token, a},
                                                    Lock{token, true},
                                                    Judge{token, 0, 0, Verdict::correct, {}, {}},
                                                    AcceptSuggestions{token, 0},
                                                    Rematch{token, false},
                                                    ListStandings{token, 0, 10}};
    for (const auto& message : from_player) {
        h.clear();
        h.send(a, message);
        EXPECT_EQ(h.error_code(a), ErrorCode::not_host) << type_of(message);
    }
    // Nothing happened to the game.
    EXPECT_EQ(h.room().stats().phase, RoomPhase::question);
    EXPECT_EQ(h.room().stats().players, 2);
}

TEST_F(HostControls, ActionsInTheWrongStateAreRefused) {
    h.send(h.host(), Continue{h.host_token()});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::wrong_state);
    h.clear();
    h.send(h.host(), Start{h.host_token()});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::wrong_state);
    h.clear();
    h.send(h.host(), Rematch{h.host_token(), false});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::wrong_state);
    h.clear();
    h.send(h.host(), Pause{h.host_token()});
    h.send(h.host(), Skip{h.host_token()});
    EXPECT_EQ(h.error_code(h.host()), ErrorCode::wrong_state);  // paused
}

// The host pages through everyone's ranks; the standings between questions carry only the top.
TEST(LiveStandings, TheHostPagesThroughEveryRankAfterEachResult) {
    RoomLimits limits;
    limits.standings_top = 2;
    RoomHarness h(limits);
    RoundSettings settings;
    settings.seconds = 20;
    settings.reveal_seconds = 0;
    settings.questions = 2;
    h.create(RoomKind::quiz, settings);
    std::vector<MemberId> players;
    for (const char* name : {"p1", "p2", "p3", "p4", "p5"})
        players.push_back(h.join(name));
    h.send(h.host(), Start{h.host_token()});

    // Before any result nobody is ranked.
    h.send(h.host(), ListStandings{h.host_token(), 0, 10});
    const auto before = h.last<StandingsPage>(h.host());
    EXPECT_EQ(before.count, 0);
    EXPECT_EQ(before.questions, 0);
    EXPECT_TRUE(before.standings.empty());

    // p5 answers first, then p4, ..., so the ranks run in the reverse order of joining; p1
    // answers wrong.
    const auto q = h.last<Question>(players[0]);
    const int right = h.correct_choice(q);
    for (int i = 4; i >= 0; --i) {
        h.advance(1'000);
        h.send(players[static_cast<std::size_t>(i)],
               Answer{0, i == 0 ? (right + 1) % 4 : right, {}});
    }
    EXPECT_EQ(h.last<Standings>(players[0]).top.size(), 2u);

    h.clear();
    h.send(h.host(), ListStandings{h.host_token(), 0, 3});
    auto page = h.last<StandingsPage>(h.host());
    EXPECT_EQ(page.questions, 1);
    EXPECT_EQ(page.offset, 0);
    EXPECT_EQ(page.count, 5);
    ASSERT_EQ(page.standings.size(), 3u);
    EXPECT_EQ(page.standings[0].player, players[4]);
    EXPECT_EQ(page.standings[0].rank, 1);
    EXPECT_EQ(page.standings[2].player, players[2]);
    EXPECT_EQ(page.standings[2].rank, 3);
    for (const MemberId p : players)
        EXPECT_EQ(h.count<StandingsPage>(p), 0) << "the page goes to the host only";

    h.send(h.host(), ListStandings{h.host_token(), 3, 3});
    page = h.last<StandingsPage>(h.host());
    ASSERT_EQ(page.standings.size(), 2u);
    EXPECT_EQ(page.standings[0].rank, 4);
    EXPECT_EQ(page.standings[1].player, players[0]);
    EXPECT_EQ(page.standings[1].points, 0);
    EXPECT_EQ(page.standings[1].rank, 5);

    h.send(h.host(), ListStandings{h.host_token(), 5, 100});
    page = h.last<StandingsPage>(h.host());
    EXPECT_EQ(page.count, 5);
    EXPECT_TRUE(page.standings.empty());

    h.send(h.host(), ListStandings{h.host_token(), {}, {}});  // from the top, up to 50
    page = h.last<StandingsPage>(h.host());
    EXPECT_EQ(page.offset, 0);
    EXPECT_EQ(page.standings.size(), 5u);
}

TEST(LiveStandings, APageOutsideItsLimitsIsRefusedAndTheGameGoesOn) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("a");
    h.send(h.host(), Start{h.host_token()});
    for (const auto& [offset, limit, field] :
         {std::tuple{-1, 10, "offset"}, {0, 0, "limit"}, {0, 101, "limit"}}) {
        h.clear();
        h.send(h.host(), ListStandings{h.host_token(), offset, limit});
        EXPECT_EQ(h.error_code(h.host()), ErrorCode::out_of_range) << offset << " " << limit;
        EXPECT_EQ(h.last<protocol::Error>(h.host()).field, field);
        EXPECT_EQ(h.count<StandingsPage>(h.host()), 0);
    }
    h.send(h.host(), ListStandings{h.host_token(), 0, 100});
    EXPECT_EQ(h.count<StandingsPage>(h.host()), 1);
    EXPECT_EQ(h.room().stats().phase, RoomPhase::question);
    EXPECT_EQ(h.count<protocol::Error>(a), 0);
}

}  // namespace
}  // namespace rapidfire::core::testing
