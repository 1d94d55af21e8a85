// Dropped connections: seats kept for the grace period, state on resume, the host's absence.

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

class Reconnect : public ::testing::Test {
  protected:
    void SetUp() override {
        RoundSettings s;
        s.seconds = 20;
        h.create(RoomKind::quiz, s);
        a = h.join("a");
        b = h.join("b");
        h.send(h.host(), Start{h.host_token()});
        q = h.last<Question>(a);
    }
    RoomHarness h;
    MemberId a = 0, b = 0;
    Question q;
};

TEST_F(Reconnect, APlayerKeepsSeatScoreAndStreakAndGetsTheOpenQuestion) {
    h.send(a, Answer{0, h.correct_choice(q), {}});
    h.send(b, Answer{0, h.correct_choice(q), {}});
    const int points = h.last<Result>(a).total;
    h.run_for(5'000);
    q = h.last<Question>(a);
    h.drop(a);
    h.advance(6'000);
    h.clear();
    const Seat seat = h.resume(h.token(a));
    ASSERT_TRUE(std::holds_alternative<MemberId>(seat));
    EXPECT_EQ(std::get<MemberId>(seat), a);
    const auto joined = h.last<Joined>(a);
    EXPECT_TRUE(joined.resumed);
    EXPECT_EQ(joined.points, points);
    const auto reopened = h.last<Question>(a);
    EXPECT_EQ(reopened.question, 1);
    EXPECT_EQ(reopened.remaining_ms, 14'000);
    EXPECT_EQ(reopened.deadline, q.deadline);
    h.send(a, Answer{1, h.correct_choice(q), {}});
    EXPECT_EQ(h.count<AnswerAccepted>(a), 1);
}

TEST_F(Reconnect, TheQuestionDoesNotWaitForDroppedPlayers) {
    h.drop(b);
    h.send(a, Answer{0, 0, {}});
    EXPECT_EQ(h.count<Reveal>(a), 1);  // b is gone: no need to wait for the clock
}

TEST_F(Reconnect, AResumeAfterAnAnswerShowsTheAcknowledgement) {
    h.send(a, Answer{0, 0, {}});
    h.drop(a);
    h.clear();
    h.resume(h.token(a));
    EXPECT_EQ(h.count<AnswerAccepted>(a), 1);
}

TEST_F(Reconnect, PastTheGraceASeatStillComesBackWithItsPointsDuringTheGame) {
    h.send(a, Answer{0, h.correct_choice(q), {}});
    h.send(b, Answer{0, h.correct_choice(q), {}});
    const int points = h.last<Result>(a).total;
    ASSERT_GT(points, 0);
    h.send(h.host(), Pause{h.host_token()});  // the game is still on when a is back
    h.drop(a);
    h.run_for(150'000);  // a laptop that takes longer than the grace to restart
    h.clear();
    const Seat seat = h.resume(h.token(a));
    ASSERT_TRUE(std::holds_alternative<MemberId>(seat));
    EXPECT_EQ(std::get<MemberId>(seat), a);
    EXPECT_EQ(h.last<Joined>(a).points, points);
    // Back in the room: the nickname is held again.
    const Seat other = h.try_join("A");
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(other));
    EXPECT_EQ(std::get<protocol::Error>(other).code, ErrorCode::nickname_taken);
}

TEST_F(Reconnect, WithinTheGraceTheNicknameStaysTheDroppedPlayers) {
    h.drop(a);
    h.run_for(119'000);
    const Seat seat = h.try_join("a");
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(seat));
    EXPECT_EQ(std::get<protocol::Error>(seat).code, ErrorCode::nickname_taken);
}

TEST_F(Reconnect, PastTheGraceTheNicknameIsFreeAndTheOldSeatKeepsItsPoints) {
    h.send(a, Answer{0, h.correct_choice(q), {}});
    h.send(b, Answer{0, (h.correct_choice(q) + 1) % 4, {}});
    const int points = h.last<Result>(a).total;
    h.send(h.host(), Pause{h.host_token()});
    h.drop(a);
    h.run_for(121'000);
    const Seat newcomer = h.try_join("a");
    ASSERT_TRUE(std::holds_alternative<MemberId>(newcomer));
    EXPECT_NE(std::get<MemberId>(newcomer), a);
    // The newcomer took the nickname over: the old token no longer brings that seat back.
    const Seat old = h.resume(h.token(a));
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(old));
    EXPECT_EQ(std::get<protocol::Error>(old).code, ErrorCode::bad_resume_token);
    h.send(h.host(), EndGame{h.host_token()});
    const auto over = h.last<GameOver>(h.host());
    ASSERT_EQ(over.standings.size(), 3u);
    EXPECT_EQ(over.standings[0].nickname, "a");
    EXPECT_EQ(over.standings[0].points, points);
}

TEST(ReconnectInTheLobby, PastTheGraceTheSeatIsFreedAndItsNicknameWithIt) {
    RoomHarness h;
    h.create(RoomKind::quiz);
    const MemberId a = h.join("a");
    h.drop(a);
    h.run_for(121'000);
    const Seat seat = h.resume(h.token(a));
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(seat));
    EXPECT_EQ(std::get<protocol::Error>(seat).code, ErrorCode::bad_resume_token);
    EXPECT_TRUE(std::holds_alternative<MemberId>(h.try_join("a")));
}

TEST_F(Reconnect, ForgedAndForeignTokensAreRefused) {
    const std::vector<std::string> tokens{"", "ABCDEF.", "ABCDEF.forged", h.token(a) + "x"};
    for (const auto& token : tokens) {
        const Seat seat = h.resume(token);
        ASSERT_TRUE(std::holds_alternative<protocol::Error>(seat)) << token;
        EXPECT_EQ(std::get<protocol::Error>(seat).code, ErrorCode::bad_resume_token);
    }
}

TEST_F(Reconnect, ResumingAConnectedSeatTakesItOver) {
    const Seat seat = h.resume(h.token(a));
    ASSERT_TRUE(std::holds_alternative<MemberId>(seat));
    EXPECT_EQ(std::get<MemberId>(seat), a);
}

TEST_F(Reconnect, TheGamePausesWhileTheHostIsAwayAndGoesOnWhenTheHostResumes) {
    h.advance(5'000);
    h.drop(h.host());
    EXPECT_EQ(h.last<Paused>(a).reason, PauseReason::host_disconnected);
    EXPECT_EQ(h.last<Paused>(a).remaining_ms, 15'000);
    EXPECT_FALSE(h.last<HostStatus>(a).connected);
    h.run_for(60'000);  // the clock is stopped
    EXPECT_EQ(h.count<Reveal>(a), 0);
    h.send(a, Answer{0, 0, {}});
    EXPECT_EQ(h.last<AnswerRejected>(a).code, ErrorCode::wrong_state);
    h.clear();
    const Seat seat = h.resume(h.token(h.host()));
    ASSERT_TRUE(std::holds_alternative<MemberId>(seat));
    EXPECT_EQ(h.last<Joined>(h.host()).host_token, h.host_token());
    EXPECT_TRUE(h.last<HostStatus>(a).connected);
    EXPECT_EQ(h.last<Continued>(a).remaining_ms, 15'000);
    h.advance(2'000);
    h.send(a, Answer{0, h.correct_choice(q), {}});
    EXPECT_EQ(h.last<AnswerAccepted>(a).elapsed_ms, 7'000);  // the pause does not count
}

TEST_F(Reconnect, TheGameEndsWhenTheHostStaysAway) {
    h.drop(h.host());
    h.run_for(120'000);
    EXPECT_EQ(h.last<GameOver>(a).reason, EndReason::host_gone);
    EXPECT_EQ(h.count<FinalResult>(a), 1);
}

TEST_F(Reconnect, AfterTheGameAHostWhoLeavesTellsThePlayersNoRematchWillCome) {
    h.send(h.host(), EndGame{h.host_token()});
    h.clear();
    h.send(h.host(), Leave{});
    const auto status = h.last<HostStatus>(a);
    EXPECT_FALSE(status.connected);
    EXPECT_EQ(status.grace_ms, 0);
    EXPECT_EQ(h.count<HostStatus>(b), 1);
    EXPECT_EQ(h.count<GameOver>(a), 0);  // the game was over already
}

TEST_F(Reconnect, AfterTheGameAHostWhoStaysAwayIsGoneForGood) {
    h.send(h.host(), EndGame{h.host_token()});
    h.clear();
    h.drop(h.host());
    EXPECT_GT(h.last<HostStatus>(a).grace_ms, 0);  // may still come back for a rematch
    h.run_for(120'000);
    ASSERT_EQ(h.count<HostStatus>(a), 2);
    EXPECT_FALSE(h.last<HostStatus>(a).connected);
    EXPECT_EQ(h.last<HostStatus>(a).grace_ms, 0);
    EXPECT_EQ(h.resume(h.token(h.host())).index(), 1u);  // the seat is gone: an error
}

TEST_F(Reconnect, AFinishedGameShowsItsResultsOnResume) {
    h.send(h.host(), EndGame{h.host_token()});
    h.drop(a);
    h.clear();
    h.resume(h.token(a));
    EXPECT_EQ(h.count<GameOver>(a), 1);
    EXPECT_EQ(h.count<FinalResult>(a), 1);
}

TEST_F(Reconnect, TheRoomClosesWhenEveryoneIsGoneForGood) {
    EXPECT_FALSE(h.room().closed());
    h.drop(a);
    h.drop(b);
    h.drop(h.host());
    EXPECT_FALSE(h.room().closed());
    h.run_for(120'000);
    EXPECT_TRUE(h.room().closed());
}

}  // namespace
}  // namespace rapidfire::core::testing
