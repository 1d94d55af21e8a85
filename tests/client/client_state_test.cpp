// The client state without sockets: what it prints and sends for each message and typed line.

#include "state_harness.hpp"

namespace rapidfire::client::testing {
namespace {

Reveal choice_reveal(int question, int correct) {
    Reveal r;
    r.question = question;
    r.reference = "beta";
    r.correct_choice = correct;
    r.choice_counts = {0, 2, 0, 1};
    return r;
}

// Self mode: the reveal that asks those who answered to grade themselves.
Reveal grading_reveal(int question) {
    Reveal r;
    r.question = question;
    r.reference = "Uses labeled data.";
    r.grading = true;
    return r;
}

TEST(ClientState, HostSaysHelloThenCreatesTheRoomWithItsSettings) {
    StateHarness h(host_config());
    h.welcome();
    ASSERT_EQ(h.sent.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<Hello>(h.sent[0]));
    const auto create = std::get<CreateRoom>(h.sent[1]);
    EXPECT_EQ(create.nickname, "Quizmaster");
    EXPECT_EQ(create.settings.questions, 3);
}

TEST(ClientState, PlayerJoinsWithCodeAndNickname) {
    StateHarness h(player_config());
    h.welcome();
    const auto join = h.last_sent<Join>();
    EXPECT_EQ(join.code, "ABC234");
    EXPECT_EQ(join.nickname, "alice");
}

// Each connection names the room (the app puts it in the URL), so a proxy finds its server.
TEST(ClientState, TheRoomToNameIsTheJoinCodeThenTheSeatsRoom) {
    StateHarness player(player_config());
    EXPECT_EQ(player.state.room_code(), "ABC234");
    StateHarness host(host_config());
    EXPECT_EQ(host.state.room_code(), "");  // a new room may start on any server
    host.seat("XYZ7892");
    EXPECT_EQ(host.state.room_code(), "XYZ7892");
}

TEST(ClientState, ARoomWhoseServerIsGoneIsSaidPlainlyAndEndsTheRun) {
    StateHarness h(player_config());
    h.seat();
    h.drop();
    h.welcome();
    h.feed(Error{ErrorCode::room_server_gone, "the room is gone", std::string("token"),
                 std::string("resume")});
    EXPECT_TRUE(h.warned("the server that ran room ABC234 has stopped")) << h.transcript();
    EXPECT_EQ(h.exit_code, 2);
    EXPECT_FALSE(h.state.can_resume());
}

TEST(ClientState, RoomCreatedPrintsTheCodeFirst) {
    StateHarness h(host_config());
    h.seat("XYZ789");
    ASSERT_FALSE(h.out.empty());
    EXPECT_EQ(h.out[0], "room XYZ789");
    EXPECT_TRUE(h.printed("settings kind=quiz mode=choice questions=3"));
    EXPECT_TRUE(h.sent_of<Start>().empty());  // a host starts when ready
}

TEST(ClientState, SoloStartsAtOnce) {
    StateHarness h(solo_config());
    h.seat();
    EXPECT_EQ(h.last_sent<Start>().host_token, "host-token");
}

TEST(ClientState, HostSeesNamesPlayersSeeTheCount) {
    StateHarness host(host_config());
    host.seat();
    Roster roster{2, 2, false, true, {{7, "alice", true}, {8, "bob", false}}, {}};
    host.feed(roster);
    EXPECT_TRUE(host.printed("players 2: alice, bob (away)"));
    const auto lines = host.out.size();
    host.feed(roster);  // a coalesced repeat is not printed again
    EXPECT_EQ(host.out.size(), lines);
    // Then changes: bob is back, carol joins, alice leaves.
    host.feed(Roster{2, 2, false, false, {{8, "bob", true}, {9, "carol", true}}, {7}});
    EXPECT_TRUE(host.printed("players 2: bob, carol"));
    host.feed(Roster{2, 2, true, false, {}, {}});  // the lock only: the list stays
    EXPECT_TRUE(host.printed("players 2 (locked): bob, carol"));
    host.type("kick carol");
    EXPECT_EQ(host.last_sent<Kick>().player, 9);
    host.feed(Roster{1, 1, false, true, {{10, "dan", false}}, {}});  // a full list starts anew
    EXPECT_TRUE(host.printed("players 1: dan (away)"));

    StateHarness player(player_config());
    player.seat();
    player.feed(Roster{3, 3, false, false, {}, {}});
    EXPECT_TRUE(player.printed("players 3"));
}

TEST(ClientState, QuestionShowsChoicesFromOneAndSendsTheIndexFromZero) {
    StateHarness h(player_config());
    h.seat();
    h.feed(make_question(0, 5, AnswerMode::choice, h.now));
    EXPECT_TRUE(h.printed("question 1/5: Question number 1?"));
    EXPECT_TRUE(h.printed("choice 1: alpha"));
    EXPECT_TRUE(h.printed("choice 4: delta"));
    h.type("2");
    const auto answer = h.last_sent<Answer>();
    EXPECT_EQ(answer.question, 0);
    EXPECT_EQ(answer.choice, 1);
    EXPECT_FALSE(answer.text.has_value());
    h.feed(AnswerAccepted{0, 1234});
    EXPECT_TRUE(h.printed("accepted 1234ms"));
}

TEST(ClientState, LinesTypedEarlyAnswerTheNextQuestionsInOrder) {
    StateHarness h(player_config());
    h.seat();
    h.type("3");
    h.type("1");
    EXPECT_TRUE(h.sent_of<Answer>().empty());
    h.feed(make_question(0, 2, AnswerMode::choice, h.now));
    ASSERT_EQ(h.sent_of<Answer>().size(), 1u);
    EXPECT_EQ(h.sent_of<Answer>()[0].choice, 2);
    h.feed(AnswerAccepted{0, 100});
    h.feed(choice_reveal(0, 1));
    EXPECT_EQ(h.sent_of<Answer>().size(), 1u);  // the second line waits for question 2
    h.feed(make_question(1, 2, AnswerMode::choice, h.now));
    ASSERT_EQ(h.sent_of<Answer>().size(), 2u);
    EXPECT_EQ(h.sent_of<Answer>()[1].question, 1);
    EXPECT_EQ(h.sent_of<Answer>()[1].choice, 0);
}

// A question with several right choices: each is printed, and so is the bank's feedback.
TEST(ClientState, ARevealPrintsEveryCorrectChoiceAndTheFeedback) {
    StateHarness h(player_config());
    h.seat();
    h.feed(make_question(0, 2, AnswerMode::choice, h.now));
    h.type("2");
    Reveal reveal = choice_reveal(0, 1);
    reveal.correct_choices = std::vector<int>{1, 3};
    reveal.feedback = "Both beta and delta hold.";
    h.feed(reveal);
    EXPECT_TRUE(h.printed("correct choice 2: beta"));
    EXPECT_TRUE(h.printed("correct choice 4: delta"));
    EXPECT_FALSE(h.printed("correct choice 1"));
    EXPECT_TRUE(h.printed("feedback: Both beta and delta hold."));
}

TEST(ClientState, AChoiceOutOfRangeIsRefusedHere) {
    StateHarness h(player_config());
    h.seat();
    h.feed(make_question(0, 2, AnswerMode::choice, h.now));
    h.type("9");
    EXPECT_TRUE(h.sent_of<Answer>().empty());
    EXPECT_TRUE(h.warned("type a number from 1 to 4"));
    h.type("4");
    EXPECT_EQ(h.last_sent<Answer>().choice, 3);
}

TEST(ClientState, RevealResultAndStandingsAreOneLineEach) {
    StateHarness h(player_config());
    h.seat();
    h.feed(make_question(0, 2, AnswerMode::choice, h.now));
    h.type("2");
    h.feed(choice_reveal(0, 1));
    EXPECT_TRUE(h.printed("reveal 1: beta"));
    EXPECT_TRUE(h.printed("correct choice 2: beta"));
    EXPECT_TRUE(h.printed("answers 0 2 0 1"));
    Result result;
    result.question = 0;
    result.verdict = Verdict::correct;
    result.points = 950;
    result.total = 950;
    result.rank = 1;
    result.streak = 1;
    h.feed(result);
    EXPECT_TRUE(h.printed("result correct +950 total 950 rank 1"));
    h.feed(Standings{0, 2, {{1, 7, "alice", 950, 1, 1000}, {2, 8, "bob", 0, 0, 20000}}});
    EXPECT_TRUE(h.printed("standings 1. alice 950, 2. bob 0"));
}

TEST(ClientState, APlayerFinishesAfterTheFinalResult) {
    StateHarness h(player_config());
    h.seat();
    GameOver over{
        EndReason::completed, 2, 2, {{1, 7, "alice", 1900, 2, 900}, {2, 8, "bob", 0, 0, 4000}}};
    h.feed(over);
    EXPECT_TRUE(h.printed("game over: completed, 2 questions, 2 players"));
    EXPECT_TRUE(h.printed("podium 1. alice 1900, 2. bob 0"));
    EXPECT_FALSE(h.exit_code.has_value());
    EXPECT_TRUE(h.state.game_over());
    h.feed(FinalResult{1, 2, 1900, 2, 0, 0, 0, 900, 9000});
    EXPECT_TRUE(h.printed("final rank 1/2 points 1900 correct 2 partial 0 wrong 0 unanswered 0"));
    EXPECT_EQ(h.exit_code, 0);
}

TEST(ClientState, AQuizHostFinishesAtGameOver) {
    StateHarness h(host_config());
    h.seat();
    h.feed(GameOver{EndReason::ended_by_host, 1, 0, {}});
    EXPECT_EQ(h.exit_code, 0);
}

TEST(ClientState, ARefusedJoinExitsWithTwo) {
    StateHarness h(player_config());
    h.welcome();
    h.feed(Error{ErrorCode::room_not_found, "no room with that code", std::string("code"),
                 std::string("join")});
    EXPECT_TRUE(h.warned("error room_not_found: no room with that code"));
    EXPECT_EQ(h.exit_code, 2);
    EXPECT_FALSE(h.state.can_resume());
}

TEST(ClientState, AnErrorForAHostCommandDoesNotEndTheGame) {
    StateHarness h(host_config());
    h.seat();
    h.type("start");
    h.feed(Error{ErrorCode::wrong_state, "wait for at least one player", std::nullopt,
                 std::string("start")});
    EXPECT_TRUE(h.warned("wrong_state"));
    EXPECT_FALSE(h.exit_code.has_value());
}

TEST(ClientState, KickedExitsWithTwo) {
    StateHarness h(player_config());
    h.seat();
    h.feed(Kicked{"removed by the host"});
    EXPECT_TRUE(h.warned("kicked: removed by the host"));
    EXPECT_EQ(h.exit_code, 2);
}

TEST(ClientState, HostCommandsCarryTheHostToken) {
    StateHarness h(host_config());
    h.seat();
    h.feed(Roster{1, 1, false, true, {{7, "Alice", true}}, {}});
    for (const char* line : {"start", "pause", "continue", "skip", "extend 15", "end", "lock",
                             "unlock", "kick alice", "/skip"}) {
        h.type(line);
    }
    EXPECT_EQ(h.last_sent<Start>().host_token, "host-token");
    EXPECT_EQ(h.sent_of<Pause>().size(), 1u);
    EXPECT_EQ(h.sent_of<Continue>().size(), 1u);
    EXPECT_EQ(h.sent_of<Skip>().size(), 2u);
    EXPECT_EQ(h.last_sent<Extend>().seconds, 15);
    EXPECT_EQ(h.sent_of<EndGame>().size(), 1u);
    ASSERT_EQ(h.sent_of<Lock>().size(), 2u);
    EXPECT_TRUE(h.sent_of<Lock>()[0].locked);
    EXPECT_FALSE(h.sent_of<Lock>()[1].locked);
    EXPECT_EQ(h.last_sent<Kick>().player, 7);
    h.type("kick nobody");
    EXPECT_TRUE(h.warned("no player named 'nobody'"));
    h.type("dance");
    EXPECT_TRUE(h.warned("unknown command 'dance'"));
}

TEST(ClientState, TheHostListsEveryonesStandingsAPageAtATime) {
    StateHarness h(host_config());
    h.seat();
    h.type("standings");
    EXPECT_EQ(h.last_sent<ListStandings>().host_token, "host-token");
    EXPECT_EQ(h.last_sent<ListStandings>().offset, 0);
    EXPECT_EQ(h.last_sent<ListStandings>().limit, 50);
    h.type("standings 51");
    EXPECT_EQ(h.last_sent<ListStandings>().offset, 50);
    h.type("standings first");
    EXPECT_TRUE(h.warned("standings takes a rank, 1 for the leader"));
    EXPECT_EQ(h.sent_of<ListStandings>().size(), 2u);

    h.feed(StandingsPage{2, 50, 52, {{51, 9, "Kai", 900, 1, 4000}, {52, 3, "Lou", 0, 0, 0}}});
    EXPECT_TRUE(h.printed("standings 51-52 of 52: 51. Kai 900, 52. Lou 0"));
    h.feed(StandingsPage{0, 0, 0, {}});
    EXPECT_TRUE(h.printed("nobody is ranked yet"));

    StateHarness player(player_config());
    player.seat();
    player.type("/standings");
    EXPECT_TRUE(player.sent_of<ListStandings>().empty());
    EXPECT_TRUE(player.warned("only the host lists everyone's standings"));
}

TEST(ClientState, PlayersTypeCommandsWithASlash) {
    StateHarness h(player_config());
    h.seat();
    h.feed(make_question(0, 1, AnswerMode::judge, h.now));
    h.type("leave");  // an answer, in a free-text round
    EXPECT_EQ(h.last_sent<Answer>().text, "leave");
    h.type("/start");
    EXPECT_TRUE(h.sent_of<Start>().empty());
    EXPECT_TRUE(h.warned("only the host can start"));
    h.type("/leave");
    EXPECT_EQ(h.sent_of<Leave>().size(), 1u);
    h.feed(Left{});
    EXPECT_EQ(h.exit_code, 0);
}

TEST(ClientState, SelfModeTakesAnAnswerThenAGrade) {
    StateHarness h(solo_config(AnswerMode::self));
    h.seat();
    h.type("labelled data");
    h.type("good");
    h.feed(make_question(0, 1, AnswerMode::self, h.now));
    EXPECT_EQ(h.last_sent<Answer>().text, "labelled data");
    EXPECT_TRUE(h.sent_of<Grade>().empty());  // not before the reveal
    h.feed(AnswerAccepted{0, 3000});
    h.feed(grading_reveal(0));
    EXPECT_TRUE(h.printed("reveal 1: Uses labeled data."));
    EXPECT_TRUE(h.printed("grade: again|hard|good|easy or 1-4"));
    const auto grade = h.last_sent<Grade>();
    EXPECT_EQ(grade.question, 0);
    EXPECT_EQ(grade.grade, SelfGrade::good);
}

TEST(ClientState, AGradeIsOneToFourOrAWord) {
    StateHarness h(solo_config(AnswerMode::self));
    h.seat();
    h.feed(make_question(0, 1, AnswerMode::self, h.now));
    h.type("an answer");
    h.feed(AnswerAccepted{0, 3000});
    h.feed(grading_reveal(0));
    h.type("superb");
    EXPECT_TRUE(h.warned("grade with again, hard, good or easy"));
    h.type("2");
    EXPECT_EQ(h.last_sent<Grade>().grade, SelfGrade::hard);
}

TEST(ClientState, NoAnswerIsSentWhilePaused) {
    StateHarness h(player_config());
    h.seat();
    h.feed(make_question(0, 1, AnswerMode::choice, h.now));
    h.feed(Paused{PauseReason::host, 12'000});
    EXPECT_TRUE(h.printed("paused by the host, 12.0s left"));
    h.type("1");
    EXPECT_TRUE(h.sent_of<Answer>().empty());
    h.feed(Continued{h.now + 12'000, 12'000});
    EXPECT_EQ(h.sent_of<Answer>().size(), 1u);
}

TEST(ClientState, ADroppedConnectionResumesWithTheTokenAndResendsALostAnswer) {
    StateHarness h(player_config());
    h.seat();
    const auto question = make_question(0, 1, AnswerMode::choice, h.now);
    h.feed(question);
    h.type("2");
    h.drop();
    EXPECT_TRUE(h.printed("connection lost, resuming..."));
    EXPECT_TRUE(h.state.can_resume());
    h.sent.clear();
    h.welcome();
    ASSERT_EQ(h.sent.size(), 2u);
    EXPECT_EQ(std::get<Resume>(h.sent[1]).token, "ABC234.resume");
    Joined joined;
    joined.code = "ABC234";
    joined.player = 7;
    joined.resume_token = "ABC234.resume";
    joined.phase = RoomPhase::question;
    joined.resumed = true;
    h.feed(joined);
    EXPECT_TRUE(h.printed("resumed"));
    h.feed(question);  // the snapshot: the answer in flight was lost with the connection
    EXPECT_EQ(h.last_sent<Answer>().choice, 1);
    const auto errors = h.err.size();
    h.feed(AnswerRejected{0, ErrorCode::already_answered, "you have already answered"});
    EXPECT_EQ(h.err.size(), errors);  // it had arrived after all: nothing to report
}

TEST(ClientState, ADropBeforeTheSeatIsAConnectionError) {
    StateHarness h(player_config());
    h.welcome();
    h.drop();
    EXPECT_EQ(h.exit_code, 1);
}

TEST(ClientState, JsonModePrintsTheFramesAndNothingElse) {
    auto config = player_config();
    config.json = true;
    StateHarness h(config);
    h.seat();
    h.feed(make_question(0, 1, AnswerMode::choice, h.now));
    ASSERT_FALSE(h.out.empty());
    for (const auto& line : h.out)
        EXPECT_EQ(line.rfind("{\"type\":\"", 0), 0u) << line;
    EXPECT_EQ(h.out.front().rfind("{\"type\":\"welcome\"", 0), 0u);
    EXPECT_EQ(h.out.back().rfind("{\"type\":\"question\"", 0), 0u);
}

TEST(ClientState, TheCountdownFollowsTheServerClock) {
    StateHarness h(player_config());
    h.seat();
    // The server's clock runs 5 s ahead of this one.
    auto q = make_question(0, 1, AnswerMode::choice, h.now + 5'000, 10);
    h.feed(q);
    EXPECT_NE(h.state.status_line(h.now).find("10.0s"), std::string::npos);
    EXPECT_NE(h.state.status_line(h.now + 2'500).find("7.5s"), std::string::npos);
    EXPECT_NE(h.state.status_line(h.now + 60'000).find("0.0s"), std::string::npos);
}

TEST(ClientState, SingleKeysFollowWhatIsExpected) {
    StateHarness h(player_config());
    h.seat();
    EXPECT_EQ(h.state.single_keys(), "");
    h.feed(make_question(0, 1, AnswerMode::choice, h.now));
    EXPECT_EQ(h.state.single_keys(), "1234");
    h.type("1");
    EXPECT_EQ(h.state.single_keys(), "");  // answered
}

TEST(ClientState, InterviewRevealsShowACommunicationTip) {
    auto config = player_config();
    config.guide = small_guide();
    StateHarness h(config);
    h.seat_candidate();
    h.feed(make_question(1, 3, AnswerMode::judge, h.now));
    h.feed(QuestionClosed{1, 1});
    EXPECT_TRUE(h.printed("closed 2: 1 answer to judge"));
    Reveal reveal;
    reveal.question = 1;
    reveal.reference = "ref";
    h.feed(reveal);
    EXPECT_TRUE(h.printed("tip: Think Out Loud: Say how you reason."));
}

}  // namespace
}  // namespace rapidfire::client::testing
