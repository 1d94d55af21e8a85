// The host's `rematch` without sockets: when the client refuses it itself, what it sends, and
// how a fresh `joined` after a rematch (the room back in the lobby, maybe with swapped roles)
// resets the client.

#include <algorithm>

#include "rapidfire/client/presenter.hpp"
#include "state_harness.hpp"

namespace rapidfire::client::testing {
namespace {

ClientConfig staying(ClientConfig config) {
    config.stay = true;
    return config;
}

GameOver game_over(int players = 1) {
    return GameOver{EndReason::completed, 1, players, {{1, 7, "alice", 950, 1, 1000}}};
}

FinalResult final_result() {
    return FinalResult{1, 1, 950, 1, 0, 0, 0, 1000, 5000};
}

Summary summary_of(const std::string& nickname) {
    Summary s;
    s.player = 7;
    s.nickname = nickname;
    s.interviewer = "Iris";
    return s;
}

// The fresh `joined` a rematch sends to each member.
Joined rematch_joined(Role role, std::optional<PlayerId> player,
                      std::optional<std::string> host_token, RoomKind kind = RoomKind::quiz,
                      const std::string& host = "Quizmaster") {
    Joined j;
    j.code = "ABC234";
    j.role = role;
    j.player = player;
    j.nickname = role == Role::host ? host : "alice";
    j.resume_token = "ABC234.resume";
    j.host_token = std::move(host_token);
    j.kind = kind;
    j.phase = RoomPhase::lobby;
    j.settings.questions = 3;
    j.settings.seed = 4242;
    j.host = host;
    return j;
}

// The game ends for a player: game over, then their final result.
void end_game(StateHarness& h) {
    h.feed(game_over());
    h.feed(final_result());
}

// A player's seat, resumed on a new connection after a rematch took the room back to the lobby.
void resume_into_new_lobby(StateHarness& h) {
    h.welcome();
    Joined j = rematch_joined(Role::player, 7, std::nullopt);
    j.resumed = true;
    h.feed(j);
}

TEST(Rematch, OnlyTheHostRematches) {
    StateHarness h(staying(player_config()));
    h.seat();
    end_game(h);
    h.type("/rematch");
    EXPECT_TRUE(h.warned("only the host can rematch"));
    EXPECT_TRUE(h.sent_of<Rematch>().empty());
}

TEST(Rematch, NotBeforeTheGameIsOver) {
    StateHarness h(staying(host_config()));
    h.seat();
    h.type("rematch");
    EXPECT_TRUE(h.warned("no rematch yet: the game is not over"));
    h.type("start");
    h.feed(make_question(0, 3, AnswerMode::choice, h.now));
    h.type("/rematch");
    EXPECT_EQ(h.err.size(), 2u);
    EXPECT_TRUE(h.sent_of<Rematch>().empty());
}

TEST(Rematch, AHostThatLeavesAtGameOverIsToldToStay) {
    StateHarness h(host_config());  // no --stay
    h.seat();
    h.type("rematch");
    EXPECT_TRUE(h.warned("start it with host --stay"));
    EXPECT_TRUE(h.sent_of<Rematch>().empty());
    h.feed(game_over());
    EXPECT_EQ(h.exit_code, 0);  // as before: the game over ends the client
    EXPECT_FALSE(h.state.stays_after_game());
}

TEST(Rematch, SwapIsForInterviewsAndTheArgumentIsChecked) {
    StateHarness h(staying(host_config()));
    h.seat();
    h.feed(game_over());
    h.type("rematch swap");
    EXPECT_TRUE(h.warned("only interview rooms swap roles"));
    h.type("rematch now");
    EXPECT_TRUE(h.warned("rematch takes nothing, or 'swap'"));
    EXPECT_TRUE(h.sent_of<Rematch>().empty());
}

TEST(Rematch, ASoloRunHasNone) {
    StateHarness h(staying(solo_config()));
    h.seat();
    h.type("/rematch");
    EXPECT_TRUE(h.warned("a solo run has no rematch"));
    EXPECT_TRUE(h.sent_of<Rematch>().empty());
}

TEST(Rematch, AStayingHostRematchesAndTheLobbyIsShownAgain) {
    StateHarness h(staying(host_config()));
    h.seat();
    const Roster roster{1, 1, false, true, {{7, "alice", true}}, {}};
    h.feed(roster);
    h.type("start");
    h.feed(game_over());
    EXPECT_FALSE(h.exit_code.has_value());
    EXPECT_TRUE(h.state.stays_after_game());
    EXPECT_TRUE(h.printed("results: rapidfire-client history"));
    EXPECT_TRUE(h.printed("next: rematch (another round, the same players) or leave"));
    EXPECT_NE(h.state.status_line(h.now).find("rematch"), std::string::npos);

    h.type("rematch");
    const auto rematch = h.last_sent<Rematch>();
    EXPECT_EQ(rematch.host_token, "host-token");
    EXPECT_FALSE(rematch.swap_roles);

    const auto before = h.out.size();
    h.feed(rematch_joined(Role::host, std::nullopt, "host-token"));
    ASSERT_GT(h.out.size(), before) << h.transcript();
    EXPECT_EQ(h.out[before], "rematch: room ABC234 back in the lobby, host Quizmaster");
    EXPECT_TRUE(h.printed("settings kind=quiz questions=3 seed=4242"));
    EXPECT_FALSE(h.printed("you are the"));
    EXPECT_FALSE(h.state.game_over());
    const auto lines = h.out.size();
    h.feed(roster);  // the same roster as before the game: shown again, in the new lobby
    EXPECT_EQ(h.out.size(), lines + 1);
    EXPECT_EQ(h.out.back(), "players 1: alice");
    EXPECT_NE(h.state.status_line(h.now).find("Type start when ready"), std::string::npos);

    h.type("start");
    EXPECT_EQ(h.sent_of<Start>().size(), 2u);
    h.feed(make_question(0, 3, AnswerMode::choice, h.now));
    h.type("rematch");
    EXPECT_TRUE(h.warned("no rematch yet: the game is not over"));
    EXPECT_EQ(h.sent_of<Rematch>().size(), 1u);

    // The second game ends as the first did; leave ends the client.
    h.feed(game_over());
    EXPECT_FALSE(h.exit_code.has_value());
    h.type("leave");
    EXPECT_EQ(h.sent_of<Leave>().size(), 1u);
    h.feed(Left{});
    EXPECT_EQ(h.exit_code, 0);
}

TEST(Rematch, AStayingPlayerPlaysTheNextRound) {
    StateHarness h(staying(player_config()));
    h.seat();
    h.feed(make_question(0, 1, AnswerMode::choice, h.now));
    h.type("2");
    h.feed(AnswerAccepted{0, 900});
    end_game(h);
    EXPECT_FALSE(h.exit_code.has_value());
    EXPECT_TRUE(h.printed("next: wait for the host's rematch, or /leave"));
    EXPECT_FALSE(h.printed("results: "));  // players cannot open the results

    h.feed(rematch_joined(Role::player, 7, std::nullopt));
    EXPECT_TRUE(h.printed("rematch: room ABC234 back in the lobby, host Quizmaster"));
    EXPECT_NE(h.state.status_line(h.now).find("Waiting for the host to start"), std::string::npos);
    // Question 1 again, in the new round: it takes an answer again.
    h.feed(make_question(0, 1, AnswerMode::choice, h.now));
    h.type("3");
    ASSERT_EQ(h.sent_of<Answer>().size(), 2u);
    EXPECT_EQ(h.sent_of<Answer>()[1].question, 0);
    EXPECT_EQ(h.sent_of<Answer>()[1].choice, 2);
    h.feed(AnswerAccepted{0, 800});
    end_game(h);
    EXPECT_EQ(
        std::count(h.out.begin(), h.out.end(), "next: wait for the host's rematch, or /leave"), 2);
    EXPECT_FALSE(h.exit_code.has_value());
}

TEST(Rematch, AStayingPlayerLeavesWhenTheHostIsGone) {
    StateHarness h(staying(player_config()));
    h.seat();
    h.feed(GameOver{EndReason::host_gone, 1, 1, {}});
    EXPECT_FALSE(h.state.stays_after_game());
    h.feed(final_result());
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_FALSE(h.printed("next: "));
}

TEST(Rematch, AStayingPlayerLeavesWhenTheHostLeavesAfterTheGame) {
    StateHarness h(staying(player_config()));
    h.seat();
    end_game(h);
    // Away for a while: the rematch may still come.
    h.feed(HostStatus{false, 120'000});
    EXPECT_TRUE(h.printed("host disconnected, no rematch unless the host returns within 120.0s"));
    EXPECT_FALSE(h.exit_code.has_value());
    h.feed(HostStatus{true, 0});
    EXPECT_FALSE(h.exit_code.has_value());
    // Gone for good: nothing left to wait for.
    h.feed(HostStatus{false, 0});
    EXPECT_TRUE(h.printed("the host has left: no rematch"));
    EXPECT_EQ(h.exit_code, 0);
}

TEST(Rematch, OneAtATime) {
    StateHarness h(staying(host_config()));
    h.seat();
    h.feed(game_over());
    h.type("rematch");
    h.type("rematch");
    EXPECT_TRUE(h.warned("the rematch is on its way"));
    EXPECT_EQ(h.sent_of<Rematch>().size(), 1u);
    h.feed(rematch_joined(Role::host, std::nullopt, "host-token"));
    h.type("start");
    h.feed(game_over());
    h.type("rematch");
    EXPECT_EQ(h.sent_of<Rematch>().size(), 2u);
}

TEST(Rematch, TheServersRefusalIsShownAndTheClientStays) {
    StateHarness h(staying(host_config()));
    h.seat();
    h.feed(game_over());
    h.type("rematch");
    h.feed(Error{ErrorCode::bad_host_token, "wrong host token", std::string("host_token"),
                 std::string("rematch")});
    EXPECT_TRUE(h.warned("error bad_host_token: wrong host token (host_token)"));
    EXPECT_FALSE(h.exit_code.has_value());
    EXPECT_TRUE(h.state.stays_after_game());
    h.type("rematch");
    EXPECT_EQ(h.sent_of<Rematch>().size(), 2u);
}

TEST(Rematch, SwappedRolesTheInterviewerBecomesACandidate) {
    auto config = staying(host_config(RoomKind::interview, AnswerMode::judge));
    config.create.nickname = "Iris";
    StateHarness h(config);
    h.seat();
    h.feed(game_over());
    EXPECT_FALSE(h.printed("next: "));  // the candidate's summary is still coming
    h.feed(summary_of("alice"));
    EXPECT_TRUE(h.printed(
        "next: rematch, rematch swap (the first connected candidate interviews), or leave"));
    h.type("rematch swap");
    const auto rematch = h.last_sent<Rematch>();
    EXPECT_TRUE(rematch.swap_roles);
    EXPECT_EQ(rematch.host_token, "host-token");

    h.feed(rematch_joined(Role::player, 1, std::nullopt, RoomKind::interview, "alice"));
    EXPECT_TRUE(h.printed("rematch: room ABC234 back in the lobby, interviewer alice"));
    EXPECT_TRUE(h.printed("you are the candidate now"));
    // No host any more: host commands are refused here, and answers are sent.
    h.type("/start");
    EXPECT_TRUE(h.warned("only the host can start"));
    EXPECT_EQ(h.sent_of<Start>().size(), 0u);
    h.type("/rematch");
    EXPECT_TRUE(h.warned("only the host can rematch"));
    h.feed(make_question(0, 1, AnswerMode::judge, h.now));
    h.type("labelled data");
    EXPECT_EQ(h.last_sent<Answer>().text, "labelled data");
}

TEST(Rematch, SwappedRolesTheCandidateBecomesTheInterviewerWithTheNewToken) {
    StateHarness h(staying(player_config()));
    h.seat_candidate();
    end_game(h);
    EXPECT_FALSE(h.printed("next: "));  // the summary is still coming
    h.feed(summary_of("cand"));
    EXPECT_TRUE(h.printed("next: wait for the interviewer's rematch, or /leave"));
    EXPECT_FALSE(h.exit_code.has_value());

    Joined j = rematch_joined(Role::host, std::nullopt, "new-token", RoomKind::interview, "cand");
    const Effects swapped = h.feed(j);
    // The new token is remembered, so history and export open the rounds hosted with it.
    ASSERT_TRUE(swapped.remember.has_value());
    EXPECT_EQ(swapped.remember->code, "ABC234");
    EXPECT_EQ(swapped.remember->host_token, "new-token");
    EXPECT_TRUE(h.printed("rematch: room ABC234 back in the lobby, interviewer cand"));
    EXPECT_TRUE(h.printed("you are the interviewer now"));
    h.feed(Roster{1, 1, false, true, {{1, "Iris", true}}, {}});
    EXPECT_TRUE(h.printed("players 1: Iris"));  // the host's roster, with names
    h.type("start");
    EXPECT_EQ(h.last_sent<Start>().host_token, "new-token");
    h.feed(make_question(0, 1, AnswerMode::judge, h.now));
    h.type("an answer");  // an interviewer does not answer: the line is a (wrong) command
    EXPECT_TRUE(h.sent_of<Answer>().empty());
    // The new interviewer judges with the new token.
    JudgeRequest request;
    request.question = 0;
    request.text = "Question number 1?";
    request.groups = {{0, "labelled data", 1, {"Iris"}, Verdict::correct, 0.8}};
    h.feed(request);
    h.type("c");
    EXPECT_EQ(h.last_sent<Judge>().host_token, "new-token");
    // A second game over: the new host rematches with the new token.
    h.feed(game_over());
    h.feed(summary_of("Iris"));
    h.type("rematch swap");
    EXPECT_EQ(h.last_sent<Rematch>().host_token, "new-token");
}

TEST(Rematch, ASwapWithoutACandidateIsSaid) {
    StateHarness h(staying(host_config(RoomKind::interview, AnswerMode::judge)));
    h.seat();
    h.feed(GameOver{EndReason::ended_by_host, 0, 0, {}});
    h.type("rematch swap");
    const Effects same =
        h.feed(rematch_joined(Role::host, std::nullopt, "host-token", RoomKind::interview));
    EXPECT_FALSE(same.remember.has_value());  // the token it already remembered
    EXPECT_TRUE(h.printed("no candidate to swap with: you are still the interviewer"));
    EXPECT_FALSE(h.printed("you are the"));
}

TEST(Rematch, EachRoundsSummariesAreSavedAtItsEnd) {
    auto config = staying(player_config());
    config.save_summary = true;
    StateHarness h(config);
    h.seat_candidate();
    end_game(h);
    h.feed(summary_of("cand"));
    ASSERT_TRUE(h.summary.has_value());  // saved now, not only when the client exits
    EXPECT_NE(h.summary->find("# Interview summary: cand"), std::string::npos);
    h.summary.reset();

    h.feed(rematch_joined(Role::player, 7, std::nullopt, RoomKind::interview, "Iris"));
    end_game(h);
    Summary second = summary_of("cand");
    second.interviewer = "Ivo";
    h.feed(second);
    ASSERT_TRUE(h.summary.has_value());
    // The file keeps both rounds.
    EXPECT_NE(h.summary->find("- Interviewer: Iris"), std::string::npos) << *h.summary;
    EXPECT_NE(h.summary->find("- Interviewer: Ivo"), std::string::npos) << *h.summary;
    h.summary.reset();
    h.type("/leave");
    h.feed(Left{});
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_FALSE(h.summary.has_value());  // nothing new to save
}

TEST(Rematch, ASeatResumedIntoTheLobbyAfterTheGameMissedARematch) {
    StateHarness h(staying(player_config()));
    h.seat();
    end_game(h);
    h.drop();
    EXPECT_TRUE(h.state.can_resume());
    resume_into_new_lobby(h);
    EXPECT_TRUE(h.printed("resumed"));
    EXPECT_TRUE(h.printed("rematch: room ABC234 back in the lobby"));
    EXPECT_FALSE(h.state.game_over());
}

TEST(Rematch, ASeatAwayDuringTheGameComesBackToTheNewLobby) {
    StateHarness h(staying(player_config()));
    h.seat();
    h.feed(make_question(1, 3, AnswerMode::choice, h.now));
    h.drop();
    resume_into_new_lobby(h);
    EXPECT_TRUE(h.printed("rematch: room ABC234 back in the lobby"));
    h.feed(make_question(1, 3, AnswerMode::choice, h.now));  // the same number, a new round
    h.type("1");
    EXPECT_EQ(h.last_sent<Answer>().question, 1);
}

TEST(Rematch, HelpListsIt) {
    StateHarness h(host_config());
    h.seat();
    h.type("help");
    EXPECT_TRUE(h.printed("rematch, another round with the same players"));
    EXPECT_TRUE(h.printed("rematch swap makes the first connected candidate the interviewer"));
}

TEST(Rematch, FancyLinesForPeople) {
    const Presenter presenter(Style(false), true);
    const auto host = presenter.rematch(
        rematch_joined(Role::host, std::nullopt, "t", RoomKind::interview, "sam"), true);
    ASSERT_GE(host.size(), 4u);
    EXPECT_EQ(host[1], "Rematch! Room ABC234 is back in the lobby, hosted by sam.");
    EXPECT_EQ(host[2], "You are the interviewer now.");
    EXPECT_EQ(host[3], "Type 'start' when everyone is ready ('help' lists the commands).");
    const auto player = presenter.rematch(rematch_joined(Role::player, 7, std::nullopt), false);
    ASSERT_GE(player.size(), 3u);
    EXPECT_EQ(player[2], "Waiting for the host to start...");
    EXPECT_EQ(presenter.after_game(true, RoomKind::quiz).front(),
              "Type 'rematch' for another round with the same players, or 'leave' to quit.");
    EXPECT_EQ(presenter.after_game(false, RoomKind::interview).front(),
              "Staying for a rematch: waiting for the interviewer. Type /leave to quit.");
}

}  // namespace
}  // namespace rapidfire::client::testing
