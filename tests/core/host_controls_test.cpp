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
                                                    Rematch{token, false}};
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

}  // namespace
}  // namespace rapidfire::core::testing
