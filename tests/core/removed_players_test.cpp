// Who is ranked: players removed in the lobby are in no standings; players who leave or are
// kicked during a game keep their points and are charged for the questions they leave
// unanswered, like everyone else. Every list the engine produces is checked: standings,
// game_over (its standings and count), final_result and the journal's GameFinished.

#include <algorithm>
#include <vector>

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

std::vector<PlayerId> ids_of(const std::vector<Standing>& standings) {
    std::vector<PlayerId> ids;
    for (const auto& s : standings)
        ids.push_back(s.player);
    return ids;
}

const GameFinished* finished_in(const std::vector<JournalEntry>& journal) {
    for (const auto& entry : journal) {
        if (const auto* finished = std::get_if<GameFinished>(&entry))
            return finished;
    }
    return nullptr;
}

// One question of 20 s, standings shown, the host moves on with skip.
RoundSettings one_question(int capacity) {
    RoundSettings s;
    s.questions = 1;
    s.seconds = 20;
    s.reveal_seconds = 0;
    s.show_leaderboard = true;
    s.streak_bonus = false;
    s.capacity = capacity;
    return s;
}

TEST(RemovedPlayers, RemovedInTheLobbyAreInNoStandings) {
    RoomHarness h;
    h.create(RoomKind::quiz, one_question(3));
    const MemberId kicked = h.join("kicked");
    const MemberId left = h.join("left");
    const MemberId c = h.join("c");
    h.send(h.host(), Kick{h.host_token(), kicked});
    h.send(left, Leave{});
    // Their seats are free again: the room fills to its capacity of three.
    const MemberId d = h.join("d");
    const MemberId e = h.join("e");
    h.send(h.host(), Start{h.host_token()});
    const auto q = h.last<Question>(c);
    h.advance(2'000);
    h.send(c, Answer{q.question, h.correct_choice(q), {}});
    h.send(d, Answer{q.question, (h.correct_choice(q) + 1) % 4, {}});
    h.run_for(20'251);  // e never answers: charged the whole 20 s

    const std::vector<PlayerId> played{c, d, e};
    const auto standings = h.last<Standings>(h.host());
    EXPECT_EQ(standings.count, 3);
    EXPECT_EQ(ids_of(standings.top), played);
    EXPECT_EQ(h.last<Result>(e).rank, 3);

    h.send(h.host(), Skip{h.host_token()});
    const auto over = h.last<GameOver>(h.host());
    EXPECT_EQ(over.count, 3);
    EXPECT_EQ(ids_of(over.standings), played);
    for (const MemberId id : played) {
        const auto result = h.last<FinalResult>(id);
        EXPECT_EQ(result.count, 3);
        EXPECT_EQ(result.rank, std::find(played.begin(), played.end(), id) - played.begin() + 1);
    }
    EXPECT_EQ(h.count<FinalResult>(kicked), 0);
    EXPECT_EQ(h.count<FinalResult>(left), 0);

    const auto journal = h.room().take_journal();
    const GameFinished* finished = finished_in(journal);
    ASSERT_NE(finished, nullptr);
    EXPECT_EQ(ids_of(finished->standings), played);
    ASSERT_EQ(finished->results.size(), 3u);
    for (const auto& result : finished->results)
        EXPECT_EQ(result.count, 3);
}

// A rematch starts a new game: who left during the last one is not in the next one's standings.
TEST(RemovedPlayers, ThoseWhoLeftBeforeARematchAreNotInIt) {
    RoomHarness h;
    h.create(RoomKind::quiz, one_question(5));
    const MemberId a = h.join("a");
    const MemberId b = h.join("b");
    h.send(h.host(), Start{h.host_token()});
    auto q = h.last<Question>(a);
    h.send(a, Answer{q.question, h.correct_choice(q), {}});
    h.send(b, Leave{});
    h.send(h.host(), Skip{h.host_token()});
    EXPECT_EQ(h.last<GameOver>(h.host()).count, 2);  // b played this one
    h.send(h.host(), Rematch{h.host_token(), false});
    h.send(h.host(), Start{h.host_token()});
    q = h.last<Question>(a);
    h.send(a, Answer{q.question, h.correct_choice(q), {}});
    h.send(h.host(), Skip{h.host_token()});
    const auto over = h.last<GameOver>(h.host());
    EXPECT_EQ(over.count, 1);
    EXPECT_EQ(ids_of(over.standings), std::vector<PlayerId>{a});
}

// A room closed from the lobby after a rematch played no new game: it ranks nobody and records
// nothing, so the last game's record (what exports read) stays as it was.
TEST(RemovedPlayers, ARoomClosedFromTheLobbyRanksAndRecordsNothing) {
    RoomHarness h;
    h.create(RoomKind::quiz, one_question(5));
    const MemberId a = h.join("a");
    h.send(h.host(), Start{h.host_token()});
    const auto q = h.last<Question>(a);
    h.send(a, Answer{q.question, h.correct_choice(q), {}});
    h.send(h.host(), Skip{h.host_token()});
    ASSERT_NE(finished_in(h.room().take_journal()), nullptr);
    h.send(h.host(), Rematch{h.host_token(), false});
    h.clear();
    h.send(h.host(), Leave{});
    const auto over = h.last<GameOver>(a);
    EXPECT_EQ(over.reason, EndReason::host_gone);
    EXPECT_EQ(over.count, 0);
    EXPECT_TRUE(over.standings.empty());
    EXPECT_EQ(h.count<FinalResult>(a), 0);
    EXPECT_EQ(finished_in(h.room().take_journal()), nullptr);
}

// Leaving or being kicked mid-game keeps the points won, and each question left unanswered
// costs its whole time like anyone's: leaving does not win a tie-break.
TEST(RemovedPlayers, MidGameLeaversKeepPointsAndPayForUnansweredQuestions) {
    RoomHarness h;
    RoundSettings s = one_question(5);
    s.questions = 2;
    h.create(RoomKind::quiz, s);
    const MemberId a = h.join("a");
    const MemberId b = h.join("b");
    const MemberId c = h.join("c");
    h.send(h.host(), Start{h.host_token()});
    auto q = h.last<Question>(a);
    const int wrong = (h.correct_choice(q) + 1) % 4;
    h.advance(2'000);
    h.send(a, Answer{q.question, h.correct_choice(q), {}});  // 950 points, 2 s
    h.advance(3'000);
    h.send(b, Answer{q.question, wrong, {}});  // 0 points, 5 s
    h.advance(1'000);
    h.send(c, Answer{q.question, wrong, {}});  // 0 points, 6 s
    h.send(h.host(), Skip{h.host_token()});

    q = h.last<Question>(c);
    ASSERT_EQ(q.question, 1);
    h.send(h.host(), Kick{h.host_token(), b});
    h.send(a, Leave{});
    h.advance(3'000);
    h.send(c, Answer{q.question, wrong, {}});  // 0 points, 6 + 3 s; the question closes

    // b and c tie on points; b is charged 20 s for the question they never answered.
    const std::vector<PlayerId> order{a, c, b};
    const auto standings = h.last<Standings>(h.host());
    EXPECT_EQ(ids_of(standings.top), order);
    ASSERT_EQ(standings.top.size(), 3u);
    EXPECT_EQ(standings.top[0].points, 950);
    EXPECT_EQ(standings.top[0].time_ms, 22'000);
    EXPECT_EQ(standings.top[1].time_ms, 9'000);
    EXPECT_EQ(standings.top[2].time_ms, 25'000);
    EXPECT_EQ(h.last<Result>(c).rank, 2);

    h.send(h.host(), Skip{h.host_token()});
    const auto over = h.last<GameOver>(h.host());
    EXPECT_EQ(over.count, 3);
    EXPECT_EQ(ids_of(over.standings), order);
    EXPECT_EQ(h.last<FinalResult>(c).rank, 2);
    EXPECT_EQ(h.last<FinalResult>(c).count, 3);

    const GameFinished* finished = nullptr;
    const auto journal = h.room().take_journal();
    finished = finished_in(journal);
    ASSERT_NE(finished, nullptr);
    EXPECT_EQ(ids_of(finished->standings), order);
    ASSERT_EQ(finished->results.size(), 3u);
    EXPECT_EQ(finished->results[0].points, 950);
    EXPECT_EQ(finished->results[0].time_ms, 22'000);
    EXPECT_EQ(finished->results[0].unanswered, 1);
    EXPECT_EQ(finished->results[2].time_ms, 25'000);
    EXPECT_EQ(finished->results[2].rank, 3);
}

// The host's answered n/m follows the room at once: a kick or a late joiner changes m without
// waiting for the next answer.
TEST(RemovedPlayers, AnswerProgressFollowsKicksAndLateJoins) {
    RoomHarness h;
    h.create(RoomKind::quiz, one_question(5));
    const MemberId a = h.join("a");
    h.join("b");
    const MemberId c = h.join("c");
    h.send(h.host(), Start{h.host_token()});
    const auto q = h.last<Question>(a);
    h.send(a, Answer{q.question, h.correct_choice(q), {}});
    auto progress = h.last<AnswerProgress>(h.host());
    EXPECT_EQ(progress.answered, 1);
    EXPECT_EQ(progress.expected, 3);

    h.advance(1'000);
    h.send(h.host(), Kick{h.host_token(), c});
    progress = h.last<AnswerProgress>(h.host());
    EXPECT_EQ(progress.answered, 1);
    EXPECT_EQ(progress.expected, 2);

    h.advance(1'000);
    h.join("d");
    progress = h.last<AnswerProgress>(h.host());
    EXPECT_EQ(progress.answered, 1);
    EXPECT_EQ(progress.expected, 3);
}

}  // namespace
}  // namespace rapidfire::core::testing
