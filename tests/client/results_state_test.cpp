// What the client state does about results: a solo run's personal best, the hint on how to get
// a game's results, and the host token it asks to remember.

#include "state_harness.hpp"

namespace rapidfire::client::testing {
namespace {

void finish_solo_run(StateHarness& h) {
    h.feed(GameOver{EndReason::completed, 2, 1, {{1, 1, "me", 7450, 2, 900}}});
    h.feed(FinalResult{1, 1, 7450, 2, 0, 0, 0, 900, 9000});
}

TEST(ResultsState, ASoloRunWaitsForItsPersonalBestThenSaysHowToGetTheResults) {
    StateHarness h(solo_config());
    h.seat();
    finish_solo_run(h);
    EXPECT_FALSE(h.exit_code.has_value());
    EXPECT_TRUE(h.state.awaiting_personal_best());
    h.feed(PersonalBest{7450, 6900, true, 4});
    EXPECT_TRUE(h.printed("new personal best! 7450 points (before: 6900)")) << h.transcript();
    EXPECT_TRUE(h.printed("results: rapidfire-client history, then rapidfire-client export ID"));
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_FALSE(h.state.awaiting_personal_best());
}

TEST(ResultsState, AFirstRunAndARunBelowTheBest) {
    StateHarness first(solo_config());
    first.seat();
    finish_solo_run(first);
    first.feed(PersonalBest{7450, std::nullopt, true, 0});
    EXPECT_TRUE(first.printed("new personal best! 7450 points (first run)"));

    StateHarness lower(solo_config());
    lower.seat();
    finish_solo_run(lower);
    lower.feed(PersonalBest{7450, 8100, false, 3});
    EXPECT_TRUE(lower.printed("best so far: 8100 (this run 7450)")) << lower.transcript();
}

TEST(ResultsState, ARunThatDoesNotCountSaysWhyAndClaimsNoBest) {
    StateHarness paused(solo_config());
    paused.seat();
    finish_solo_run(paused);
    paused.feed(PersonalBest{9000, 8100, false, 3, NotCounted::paused});
    EXPECT_TRUE(paused.printed(
        "this run does not count for personal bests: you paused a question (best so far: 8100)"))
        << paused.transcript();
    EXPECT_FALSE(paused.printed("this run 9000"));

    StateHarness first(solo_config());
    first.seat();
    finish_solo_run(first);
    first.feed(PersonalBest{9000, std::nullopt, false, 0, NotCounted::extended});
    EXPECT_TRUE(
        first.printed("this run does not count for personal bests: you extended a question's time"))
        << first.transcript();
    EXPECT_FALSE(first.printed("best so far"));
}

TEST(ResultsState, WithoutARecordTheSoloRunEndsWhenTheWaitIsOver) {
    StateHarness h(solo_config());
    h.seat();
    finish_solo_run(h);
    EXPECT_FALSE(h.exit_code.has_value());
    const Effects fx = h.state.stop_awaiting_personal_best();
    EXPECT_EQ(fx.exit_code, 0);
    bool hint = false;
    for (const auto& line : fx.lines)
        hint = hint || line.text.rfind("results: ", 0) == 0;
    EXPECT_TRUE(hint);
}

TEST(ResultsState, TheHostIsToldHowToGetTheResultsWithItsUrl) {
    ClientConfig config = host_config();
    config.server_url = "wss://quiz.example.org/ws";
    StateHarness h(config);
    h.seat();
    h.feed(GameOver{EndReason::completed, 3, 0, {}});
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_TRUE(
        h.printed("results: rapidfire-client --url wss://quiz.example.org/ws history, "
                  "then rapidfire-client --url wss://quiz.example.org/ws export ID"))
        << h.transcript();
}

TEST(ResultsState, PlayersAreNotToldAboutResultsTheyCannotOpen) {
    StateHarness h(player_config());
    h.seat();
    h.feed(GameOver{EndReason::completed, 1, 1, {}});
    h.feed(FinalResult{1, 1, 900, 1, 0, 0, 0, 900, 9000});
    h.feed(PersonalBest{900, std::nullopt, true, 0});  // not for players: ignored
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_FALSE(h.printed("results: "));
    EXPECT_FALSE(h.printed("personal best"));
}

TEST(ResultsState, CreatingARoomAsksToRememberItsHostToken) {
    for (const auto& config : {host_config(), solo_config()}) {
        StateHarness h(config);
        h.welcome();
        RoomCreated created;
        created.code = "K7M2QX";
        created.host_token = "K7M2QX.secret";
        created.resume_token = "K7M2QX.resume";
        created.kind = config.create.kind;
        const Effects fx = h.feed(created);
        ASSERT_TRUE(fx.remember.has_value());
        EXPECT_EQ(fx.remember->code, "K7M2QX");
        EXPECT_EQ(fx.remember->host_token, "K7M2QX.secret");
    }
}

}  // namespace
}  // namespace rapidfire::client::testing
