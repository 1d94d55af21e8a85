// What a newcomer reads: words rather than wire codes, hints that carry what is needed to act.

#include "state_harness.hpp"

namespace rapidfire::client::testing {
namespace {

TEST(NewcomerWording, AGradeTypedAsANumberIsShownAsItsWord) {
    StateHarness h(solo_config(AnswerMode::self));
    h.seat();
    h.feed(make_question(0, 3, AnswerMode::self, h.now));
    h.type("labels");
    h.feed(AnswerAccepted{0, 1000});
    Reveal reveal;
    reveal.question = 0;
    reveal.reference = "Uses labeled data.";
    reveal.grading = true;
    h.feed(reveal);
    h.type("4");
    EXPECT_TRUE(h.printed("graded easy")) << h.transcript();
}

TEST(NewcomerWording, TheGameOverSaysWhyInWordsOnScreen) {
    auto config = player_config();
    config.fancy = true;
    StateHarness h(config);
    h.seat();
    h.feed(GameOver{EndReason::ended_by_host, 2, 1, {}});
    EXPECT_TRUE(h.printed("ended by the host")) << h.transcript();
    EXPECT_FALSE(h.printed("ended_by_host"));
}

TEST(NewcomerWording, NoNextQuestionIsAnnouncedAfterTheLast) {
    StateHarness h(host_config());
    h.seat();
    Reveal reveal;
    reveal.next_at = h.now + 5000;
    h.feed(make_question(1, 3, AnswerMode::choice, h.now));
    reveal.question = 1;
    h.feed(reveal);
    EXPECT_NE(h.state.status_line(h.now).find("next question in"), std::string::npos);
    h.feed(make_question(2, 3, AnswerMode::choice, h.now));
    reveal.question = 2;
    h.feed(reveal);
    const std::string status = h.state.status_line(h.now);
    EXPECT_EQ(status.find("next question"), std::string::npos) << status;
    EXPECT_NE(status.find("final results in"), std::string::npos) << status;
}

TEST(NewcomerWording, ThePlayerLobbySaysAKeyAnswersAChoice) {
    auto config = player_config();
    config.fancy = true;
    config.interactive = true;
    StateHarness h(config);
    h.welcome();
    Joined joined;
    joined.code = "ABC234";
    joined.player = 7;
    joined.nickname = "alice";
    joined.resume_token = "ABC234.resume";
    joined.host = "Quizmaster";
    joined.settings.mode = AnswerMode::choice;
    h.feed(joined);
    EXPECT_TRUE(h.printed("press the number of your choice (no Enter needed)")) << h.transcript();
    EXPECT_FALSE(h.printed("and press Enter"));
}

TEST(NewcomerWording, TheHostsJoinHintCarriesTheUrlAndThePassword) {
    auto config = host_config();
    config.fancy = true;
    config.server_url = "ws://quiz.example.org:9000/ws";
    config.create.settings.password = "s3cret";
    StateHarness h(config);
    h.seat();
    EXPECT_TRUE(
        h.printed("Players join with: rapidfire-client --url ws://quiz.example.org:9000/ws "
                  "join ABC234 --name NAME --password s3cret"))
        << h.transcript();
}

TEST(NewcomerWording, TheDefaultServerNeedsNoUrlInTheJoinHint) {
    auto config = host_config();
    config.fancy = true;
    StateHarness h(config);
    h.seat();
    EXPECT_TRUE(h.printed("Players join with: rapidfire-client join ABC234 --name NAME"))
        << h.transcript();
    EXPECT_FALSE(h.printed("--password"));
}

TEST(NewcomerWording, JoiningWithoutThePasswordSaysOneIsNeeded) {
    StateHarness h(player_config());
    h.welcome();
    h.feed(Error{ErrorCode::wrong_password, "wrong room password", "password", "join"});
    EXPECT_TRUE(h.warned("this room needs a password: join with --password P"));
    EXPECT_EQ(h.exit_code, 2);
}

TEST(NewcomerWording, AWrongPasswordGivenGetsNoHint) {
    auto config = player_config();
    config.join.password = "guess";
    StateHarness h(config);
    h.welcome();
    h.feed(Error{ErrorCode::wrong_password, "wrong room password", "password", "join"});
    EXPECT_FALSE(h.warned("needs a password"));
}

TEST(NewcomerWording, MoreQuestionsThanTheBankHasSaysTheyWereCut) {
    auto config = host_config();
    config.create.settings.questions = 100;
    StateHarness h(config);
    h.welcome();
    RoomCreated created;
    created.code = "ABC234";
    created.host_token = "host-token";
    created.resume_token = "ABC234.resume";
    created.settings.questions = 20;
    created.questions_available = 20;
    h.feed(created);
    EXPECT_TRUE(h.printed("--questions 100 cut to 20: the bank has 20 questions for this round"))
        << h.transcript();
}

TEST(NewcomerWording, TheSoloResultSaysWhatItsTwoTimesAre) {
    const Presenter presenter(Style(false), true, 0);  // not wrapped: one line to search
    const auto lines = presenter.final_result(FinalResult{1, 1, 900, 1, 0, 0, 0, 4100, 30000});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE(lines[1].find("4.1s spent answering (it breaks ties), 30.0s from the first question "
                            "to the end."),
              std::string::npos)
        << lines[1];
    EXPECT_EQ(lines[1].find("answer time"), std::string::npos);
}

TEST(NewcomerWording, AnInterviewSummaryOnScreenIsTextNotMarkdown) {
    const Presenter presenter(Style(false), true);
    const auto lines = presenter.summary(
        "# Interview summary: cand\n\n- Interviewer: Iris\n\n## 1. What is "
        "recall?\n\nTo work on:\n\n- **Be Honest**: say so.\n");
    std::string text;
    for (const auto& line : lines)
        text += line + "\n";
    EXPECT_EQ(text.find('#'), std::string::npos) << text;
    EXPECT_EQ(text.find("**"), std::string::npos) << text;
    EXPECT_NE(text.find("Interview summary: cand\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  - Interviewer: Iris\n"), std::string::npos) << text;
    EXPECT_NE(text.find("1. What is recall?\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  - Be Honest: say so.\n"), std::string::npos) << text;
    // Piped, the summary stays Markdown (as --summary saves it).
    const Presenter plain(Style(false), false);
    EXPECT_EQ(plain.summary("# Interview summary: cand").front(), "# Interview summary: cand");
}

TEST(NewcomerWording, AtATerminalEndMidGameAsksFirst) {
    auto config = host_config();
    config.interactive = true;
    StateHarness h(config);
    h.seat();
    h.type("end");  // the lobby: nothing to lose
    EXPECT_EQ(h.sent_of<EndGame>().size(), 1u);
    h.feed(make_question(0, 3, AnswerMode::choice, h.now));
    h.type("end");
    EXPECT_EQ(h.sent_of<EndGame>().size(), 1u);
    EXPECT_TRUE(h.printed("End the game for everyone? Type y to confirm (or end! next time)."));
    h.type("n");
    EXPECT_TRUE(h.printed("not ended"));
    h.type("y");  // nothing asked now
    EXPECT_EQ(h.sent_of<EndGame>().size(), 1u);
    h.type("end");
    h.type("y");
    EXPECT_EQ(h.sent_of<EndGame>().size(), 2u);
    h.type("end!");
    EXPECT_EQ(h.sent_of<EndGame>().size(), 3u);
    h.type("leave");
    EXPECT_TRUE(h.printed("Leave? The game ends for everyone."));
    h.type("skip");  // not a yes: runs as typed
    EXPECT_TRUE(h.sent_of<Leave>().empty());
    EXPECT_EQ(h.sent_of<Skip>().size(), 1u);
}

TEST(NewcomerWording, AtATerminalAPlayersLeaveMidGameAsksFirst) {
    auto config = player_config();
    config.interactive = true;
    StateHarness h(config);
    h.seat();
    h.feed(make_question(0, 3, AnswerMode::choice, h.now));
    h.type("/leave");
    EXPECT_TRUE(h.sent_of<Leave>().empty());
    EXPECT_TRUE(h.printed("Leave the game? Type y to confirm (or /leave! next time)."));
    h.type("yes");
    EXPECT_EQ(h.sent_of<Leave>().size(), 1u);
}

TEST(NewcomerWording, ScriptsEndAndLeaveAtOnce) {
    StateHarness h(host_config());
    h.seat();
    h.feed(make_question(0, 3, AnswerMode::choice, h.now));
    h.type("end");
    EXPECT_EQ(h.sent_of<EndGame>().size(), 1u);
    h.type("leave");
    EXPECT_EQ(h.sent_of<Leave>().size(), 1u);
}

}  // namespace
}  // namespace rapidfire::client::testing
