// A client started again after Ctrl-C or a restart: the seat it remembered is asked back first,
// a refused one falls back to a new seat (join) or stops (host), and the seat is remembered while
// the game runs and forgotten when it is over.

#include "state_harness.hpp"

namespace rapidfire::client::testing {
namespace {

ClientConfig restarted_player() {
    ClientConfig config = player_config();
    config.saved_seat = SeatToRemember{"ABC234", Role::player, "ABC234.saved", "alice"};
    return config;
}

ClientConfig restarted_host() {
    ClientConfig config = host_config();
    config.saved_seat = SeatToRemember{"ABC234", Role::host, "ABC234.host", "Quizmaster"};
    return config;
}

Joined resumed_joined(Role role, int points) {
    Joined j;
    j.code = "ABC234";
    j.role = role;
    j.player = role == Role::player ? std::optional<PlayerId>(7) : std::nullopt;
    j.nickname = role == Role::player ? "alice" : "Quizmaster";
    j.resume_token = "ABC234.saved";
    if (role == Role::host)
        j.host_token = "host-token";
    j.phase = RoomPhase::question;
    j.host = "Quizmaster";
    j.resumed = true;
    j.points = points;
    return j;
}

Error refused_resume() {
    return Error{ErrorCode::bad_resume_token, "the resume token is not valid", "token",
                 std::string("resume")};
}

TEST(Rejoin, AJoinedSeatIsRememberedAndForgottenWhenTheGameIsOver) {
    StateHarness h(player_config());
    h.welcome();
    const Effects fx = h.feed(player_joined());
    ASSERT_TRUE(fx.seat);
    EXPECT_EQ(fx.seat->code, "ABC234");
    EXPECT_EQ(fx.seat->role, Role::player);
    EXPECT_EQ(fx.seat->resume_token, "ABC234.resume");
    EXPECT_EQ(fx.seat->nickname, "alice");
    EXPECT_FALSE(fx.forget_seat);

    h.feed(GameOver{EndReason::completed, 1, 1, {}});
    const Effects end = h.feed(FinalResult{1, 1, 950, 1, 0, 0, 0, 1000, 5000});
    EXPECT_EQ(end.exit_code, 0);
    ASSERT_TRUE(end.forget_seat);
    EXPECT_EQ(end.forget_seat->resume_token, "ABC234.resume");
}

TEST(Rejoin, ACreatedRoomsHostSeatIsRemembered) {
    StateHarness h(host_config());
    h.welcome();
    RoomCreated created;
    created.code = "ABC234";
    created.host_token = "host-token";
    created.resume_token = "ABC234.host";
    const Effects fx = h.feed(created);
    ASSERT_TRUE(fx.seat);
    EXPECT_EQ(fx.seat->role, Role::host);
    EXPECT_EQ(fx.seat->nickname, "Quizmaster");
}

TEST(Rejoin, ARestartedPlayerAsksTheSeatBackAndPlaysOn) {
    StateHarness h(restarted_player());
    h.welcome();
    EXPECT_TRUE(h.sent_of<Join>().empty());
    EXPECT_EQ(h.last_sent<Resume>().token, "ABC234.saved");
    h.feed(resumed_joined(Role::player, 950));
    EXPECT_TRUE(h.printed("back in room ABC234 as alice: 950 points")) << h.transcript();
    h.feed(make_question(1, 3, AnswerMode::choice, h.now));
    h.type("2");
    EXPECT_EQ(h.last_sent<Answer>().choice, std::optional<int>(1));
    EXPECT_FALSE(h.exit_code);
}

TEST(Rejoin, ARefusedSeatFallsBackToANewJoin) {
    StateHarness h(restarted_player());
    h.welcome();
    const Effects fx = h.feed(refused_resume());
    ASSERT_TRUE(fx.forget_seat);
    EXPECT_EQ(fx.forget_seat->resume_token, "ABC234.saved");
    EXPECT_EQ(h.last_sent<Join>().nickname, "alice");
    EXPECT_FALSE(h.exit_code);
    EXPECT_TRUE(h.printed("your earlier seat in room ABC234 is gone")) << h.transcript();
    const Effects seated = h.feed(player_joined("ABC234", "ABC234.new"));
    ASSERT_TRUE(seated.seat);
    EXPECT_EQ(seated.seat->resume_token, "ABC234.new");
}

TEST(Rejoin, ARestartedHostTakesTheRoomBackOrStops) {
    {
        StateHarness h(restarted_host());
        h.welcome();
        EXPECT_TRUE(h.sent_of<CreateRoom>().empty());
        EXPECT_EQ(h.last_sent<Resume>().token, "ABC234.host");
        const Effects fx = h.feed(resumed_joined(Role::host, 0));
        EXPECT_FALSE(fx.remember);  // the room's host token is remembered from its creation
        EXPECT_TRUE(h.printed("back in room ABC234 as Quizmaster, the host")) << h.transcript();
        h.type("skip");
        EXPECT_EQ(h.last_sent<Skip>().host_token, "host-token");
    }
    {
        StateHarness h(restarted_host());
        h.welcome();
        const Effects fx = h.feed(refused_resume());
        ASSERT_TRUE(fx.forget_seat);
        EXPECT_EQ(fx.forget_seat->resume_token, "ABC234.host");
        EXPECT_EQ(h.exit_code, 2);
        EXPECT_TRUE(h.sent_of<CreateRoom>().empty());  // not a new room behind the host's back
        EXPECT_TRUE(h.warned("cannot take back room ABC234"));
    }
}

TEST(Rejoin, CtrlCSaysWhatBecomesOfTheSeatAndHowToComeBack) {
    {
        StateHarness h(player_config());
        EXPECT_TRUE(h.state.on_interrupt().empty());  // no seat yet: nothing to come back to
        h.seat();
        const Lines lines = h.state.on_interrupt();
        ASSERT_EQ(lines.size(), 2u);
        EXPECT_NE(lines[0].find("your seat in room ABC234 and its points are kept"),
                  std::string::npos);
        EXPECT_EQ(lines[1], "to come back: rapidfire-client join ABC234 --name alice");
    }
    {
        ClientConfig config = player_config();
        config.join.nickname = "Ms O'Neil";
        config.join.password = "open sesame";
        config.server_url = "ws://10.0.0.5:9000/ws";
        StateHarness h(config);
        h.seat();
        EXPECT_EQ(h.state.on_interrupt().at(1),
                  "to come back: rapidfire-client --url ws://10.0.0.5:9000/ws join ABC234 --name "
                  "'Ms O'\\''Neil' --password 'open sesame'");
    }
    {
        StateHarness h(host_config());
        h.seat();
        const Lines lines = h.state.on_interrupt();
        ASSERT_EQ(lines.size(), 2u);
        EXPECT_EQ(lines[1], "to take it back: rapidfire-client host --resume ABC234");
    }
}

TEST(Rejoin, AKickedPlayersSeatIsForgotten) {
    StateHarness h(player_config());
    h.seat();
    const Effects fx = h.feed(Kicked{"bye"});
    ASSERT_TRUE(fx.forget_seat);
    EXPECT_EQ(fx.forget_seat->code, "ABC234");
}

}  // namespace
}  // namespace rapidfire::client::testing
