// The record of games, on SQLite and on PostgreSQL alike: schema, migrations, batches, queries
// and personal bests.

#include "rapidfire/store/store.hpp"

#include <algorithm>
#include <array>
#include <latch>
#include <thread>

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "journal_entries.hpp"
#include "rapidfire/core/identity.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "schema.hpp"
#include "test_database.hpp"

namespace rapidfire::store {
namespace {

using namespace protocol;
using core::AnswerMarked;
using core::AnswerRecorded;
using core::FeedbackGiven;
using core::GameFinished;
using core::GameStarted;
using core::JournalEntry;

std::string core_digest(std::string_view secret) {
    return core::identity_digest(secret);
}

// Each test on a fresh database of its kind, with a store open on it.
class StoreTest : public OnEachDatabase {
  protected:
    TestDatabase database{backend()};
    std::unique_ptr<Store> opened = database.open();
    Store& store = *opened;
};

INSTANTIATE_TEST_SUITE_P(Databases, StoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), database_name);

TEST_P(StoreTest, CreatesTheSchemaOnceAndReopens) {
    EXPECT_EQ(store.current_schema_version(), Store::schema_version);
    opened.reset();
    const auto again = database.open();
    EXPECT_EQ(again->current_schema_version(), Store::schema_version);
}

TEST(StoreOnSqlite, CreatesItsDataDirectoryAndAFileInWalMode) {
    test::ScratchDir dir;
    const auto file = dir.path() / "nested" / "rapidfire.sqlite3";
    Store store(dir.path() / "nested");
    EXPECT_EQ(store.current_schema_version(), Store::schema_version);
    EXPECT_EQ(store.describe(), file.string());
    // WAL: the API's readers never wait for the writer's transaction.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    std::string mode;
    sqlite3_exec(
        db, "PRAGMA journal_mode",
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) = values[0];
            return 0;
        },
        &mode, nullptr);
    sqlite3_close(db);
    EXPECT_EQ(mode, "wal");
}

// Servers starting together on one database: each round a fresh database, four stores opened
// at the same moment. Without the version read under the migration's lock, the later ones
// failed with "table ... already exists" whenever they overlapped.
TEST_P(StoreTest, ServersStartingTogetherMigrateOnce) {
    for (int round = 0; round < 10; ++round) {
        const TestDatabase fresh(backend());
        std::latch go(4);
        std::array<std::string, 4> errors;
        std::array<std::thread, 4> servers;
        for (std::size_t i = 0; i < servers.size(); ++i) {
            servers[i] = std::thread([&, i] {
                go.arrive_and_wait();
                try {
                    const auto opened = fresh.open();
                    if (opened->current_schema_version() != Store::schema_version)
                        errors[i] = "wrong schema version";
                } catch (const std::exception& e) {
                    errors[i] = e.what();
                }
            });
        }
        for (auto& server : servers)
            server.join();
        for (const auto& error : errors)
            EXPECT_EQ(error, "") << "round " << round;
    }
}

TEST_P(StoreTest, RefusesASchemaFromTheFuture) {
    opened.reset();
    // Pretend a newer server migrated this database.
    database.execute(backend() == Backend::sqlite ? "PRAGMA user_version = 99"
                                                  : "UPDATE schema_version SET version = 99");
    try {
        database.open();
        ADD_FAILURE() << "a newer schema was opened";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("newer than this server's"), std::string::npos)
            << e.what();
        EXPECT_FALSE(e.retryable());
    }
}

TEST_P(StoreTest, RecordsAGameWithAnswersMarksResultsAndSummaries) {
    std::vector<JournalEntry> batch;
    batch.emplace_back(started("ABCDEF", RoomKind::interview, 1'000));
    batch.emplace_back(
        AnswerRecorded{"ABCDEF", 1, 0, 2, "Cand", 4'000, std::nullopt, "my answer", 5'000});
    batch.emplace_back(AnswerMarked{"ABCDEF",
                                    1,
                                    0,
                                    2,
                                    Verdict::correct,
                                    std::nullopt,
                                    911,
                                    std::string("Good."),
                                    {"structure", "honesty"}});
    auto end = finished("ABCDEF", {{"Cand", 911}}, 9'000);
    Summary summary;
    summary.player = 2;
    summary.nickname = "Cand";
    summary.points = 911;
    end.summaries.push_back(summary);
    batch.emplace_back(end);
    store.record(batch);

    const auto games = store.recent_games(10);
    ASSERT_EQ(games.size(), 1u);
    EXPECT_EQ(games[0].code, "ABCDEF");
    EXPECT_EQ(games[0].kind, "interview");
    EXPECT_EQ(games[0].end_reason, "completed");
    EXPECT_EQ(games[0].players, 1);
    const auto record = store.game(games[0].id);
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->questions.size(), 2u);
    EXPECT_EQ(record->questions[0].topics, std::vector<std::string>{"evaluation"});
    ASSERT_EQ(record->answers.size(), 1u);
    EXPECT_EQ(record->answers[0].text, "my answer");
    EXPECT_EQ(record->answers[0].verdict, "correct");
    EXPECT_EQ(record->answers[0].points, 911);
    EXPECT_EQ(record->answers[0].comment, "Good.");
    EXPECT_EQ(record->answers[0].tips, (std::vector<std::string>{"structure", "honesty"}));
    ASSERT_EQ(record->results.size(), 1u);
    EXPECT_EQ(record->results[0].nickname, "Cand");
    ASSERT_EQ(record->summaries.size(), 1u);
    EXPECT_EQ(record->summaries[0].points, 911);
    EXPECT_TRUE(decode_settings(record->settings_json).has_value());
    EXPECT_FALSE(store.game(999).has_value());
}

// A matched pair's two turns are two games; the feedback both sides gave is kept with the
// second, in the order it was given, each rating in the order it was given.
TEST_P(StoreTest, RecordsTheFeedbackOfAMatchedInterviewWithItsLastGame) {
    const std::vector<JournalEntry> batch{
        started("PAIR01", RoomKind::interview, 1, 1),
        finished("PAIR01", {{"Cand", 500}}, 2, 1),
        started("PAIR01", RoomKind::interview, 3, 2),
        finished("PAIR01", {{"Iris", 700}}, 4, 2),
        FeedbackGiven{"PAIR01",
                      2,
                      "Iris",
                      "Cand",
                      {{"tradeoffs", 2}, {"structure", 5}},
                      "Clear,\nand calm.",
                      "Ränge of tradeoffs",
                      5},
        FeedbackGiven{"PAIR01", 2, "Cand", "Iris", {}, "", "", 6},
        // A game that is not on record: nothing to keep it with.
        FeedbackGiven{"NOPE01", 2, "A", "B", {{"structure", 1}}, "x", "y", 7},
    };
    store.record(batch);
    // Written twice (the writer could not know whether the first commit went through): once.
    store.record(batch);

    const auto games = store.recent_games(10);
    ASSERT_EQ(games.size(), 2u);
    EXPECT_TRUE(store.game(games[1].id)->feedback.empty());  // the first turn's game
    const auto record = store.game(games[0].id);
    ASSERT_TRUE(record.has_value());
    ASSERT_EQ(record->feedback.size(), 2u);
    const auto& iris = record->feedback[0];
    EXPECT_EQ(iris.from, "Iris");
    EXPECT_EQ(iris.to, "Cand");
    ASSERT_EQ(iris.ratings.size(), 2u);
    EXPECT_EQ(iris.ratings[0].area, "tradeoffs");
    EXPECT_EQ(iris.ratings[0].score, 2);
    EXPECT_EQ(iris.ratings[1].area, "structure");
    EXPECT_EQ(iris.ratings[1].score, 5);
    EXPECT_EQ(iris.went_well, "Clear,\nand calm.");
    EXPECT_EQ(iris.work_on, "Ränge of tradeoffs");
    EXPECT_EQ(iris.at, 5);
    const auto& cand = record->feedback[1];
    EXPECT_EQ(cand.from, "Cand");
    EXPECT_EQ(cand.to, "Iris");
    EXPECT_TRUE(cand.ratings.empty());
    EXPECT_EQ(cand.went_well, "");
    EXPECT_EQ(cand.at, 6);
}

TEST_P(StoreTest, OnlyTheHostTokenOpensAGame) {
    store.record({started("ABCDEF", RoomKind::quiz, 1)});
    const auto id = store.recent_games(1).at(0).id;
    EXPECT_TRUE(store.is_host_of(id, "host-token-ABCDEF"));
    EXPECT_FALSE(store.is_host_of(id, "host-token-ABCDEG"));
    EXPECT_FALSE(store.is_host_of(id, ""));
    EXPECT_FALSE(store.is_host_of(id + 1, "host-token-ABCDEF"));
    EXPECT_TRUE(store.has_game(id));
    EXPECT_FALSE(store.has_game(id + 1));
    EXPECT_EQ(store.games_of_host("host-token-ABCDEF", 10).size(), 1u);
    EXPECT_TRUE(store.games_of_host("host-token-OTHER", 10).empty());
    EXPECT_TRUE(store.recent_games(10, true).empty());  // still running
    EXPECT_EQ(store.recent_games(10, false).size(), 1u);
}

TEST_P(StoreTest, ARematchIsANewGame) {
    store.record({started("ABCDEF", RoomKind::quiz, 1, 1), finished("ABCDEF", {{"a", 1}}, 2, 1),
                  started("ABCDEF", RoomKind::quiz, 3, 2), finished("ABCDEF", {{"a", 2}}, 4, 2)});
    const auto games = store.recent_games(10);
    ASSERT_EQ(games.size(), 2u);
    EXPECT_EQ(games[0].round, 2);  // the most recent first
    EXPECT_EQ(store.game(games[0].id)->results.at(0).points, 2);
}

// A solo run's settings as a room reports them (every default applied): 20 questions of
// choice on a total clock of 300 s, all topics, unless changed.
RoundSettings solo_settings(int questions = 20, AnswerMode mode = AnswerMode::choice) {
    RoundSettings s;
    s.questions = questions;
    s.seconds = 20;
    s.mode = mode;
    s.clock = ClockMode::total;
    s.total_seconds = 300;
    s.streak_bonus = true;
    s.shuffle = true;
    s.seed = 7;
    return s;
}

// Records one solo run and returns its GameFinished, as the room hands it to the store.
struct SoloRecorder {
    Store& store;
    Millis at = 1;

    GameFinished run(const std::string& nickname, const std::string& identity, int points,
                     RoundSettings settings = solo_settings(),
                     std::optional<NotCounted> clock_changed = std::nullopt) {
        const std::string code = "S" + std::to_string(at);
        GameStarted g = started(code, RoomKind::solo, at);
        g.settings = std::move(settings);
        GameFinished f = finished(code, {{nickname, points}}, at + 1);
        f.identities = {identity};
        f.clock_changed = clock_changed;
        at += 10;
        store.record({g, f});
        return f;
    }
};

TEST_P(StoreTest, BestsBelongToAnIdentityNotToANickname) {
    SoloRecorder solo{store};
    const std::string sam = core_digest("sam-secret");
    const std::string other = core_digest("someone-else");
    const auto first = store.personal_best_of(solo.run("Sam", sam, 7000));
    ASSERT_TRUE(first.has_value());
    EXPECT_TRUE(first->new_best);
    // Someone else typing the same name starts from nothing: Sam's 7000 is not theirs.
    const auto impostor = store.personal_best_of(solo.run("SAM", other, 100));
    ASSERT_TRUE(impostor.has_value());
    EXPECT_EQ(impostor->runs, 0);
    EXPECT_FALSE(impostor->previous.has_value());
    EXPECT_TRUE(impostor->new_best);
    const auto again = store.personal_best_of(solo.run("Sam", sam, 6000));
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->previous, 7000);
    EXPECT_EQ(again->runs, 1);
    EXPECT_FALSE(again->new_best);
    const auto key = run_config_key("Bank", solo_settings());
    EXPECT_EQ(store.personal_best(sam, key)->points, 7000);
    EXPECT_EQ(store.solo_run_count(sam, key), 2);
    EXPECT_EQ(store.personal_best(other, key)->points, 100);
}

TEST_P(StoreTest, ARunWithoutAnIdentityHasNoPersonalBest) {
    SoloRecorder solo{store};
    solo.run("Sam", core_digest("sam-secret"), 7000);
    // The nickname alone opens nothing, and the run is on no leaderboard.
    EXPECT_FALSE(store.personal_best_of(solo.run("Sam", "", 9000)).has_value());
    const auto board = store.solo_leaderboard(run_config_key("Bank", solo_settings()), 10);
    ASSERT_EQ(board.size(), 1u);
    EXPECT_EQ(board[0].points, 7000);
}

TEST_P(StoreTest, ASelfGradedRunNeverCompetesWithAChoiceRun) {
    SoloRecorder solo{store};
    const std::string sam = core_digest("sam-secret");
    solo.run("Sam", sam, 9000, solo_settings(20, AnswerMode::choice));
    const auto self =
        store.personal_best_of(solo.run("Sam", sam, 3000, solo_settings(20, AnswerMode::self)));
    ASSERT_TRUE(self.has_value());
    EXPECT_EQ(self->runs, 0);
    EXPECT_FALSE(self->previous.has_value());
    EXPECT_TRUE(self->new_best);
    EXPECT_NE(run_config_key("Bank", solo_settings(20, AnswerMode::self)),
              run_config_key("Bank", solo_settings(20, AnswerMode::choice)));
}

TEST_P(StoreTest, AThreeQuestionRunIsNotComparedWithAFiveQuestionRun) {
    SoloRecorder solo{store};
    const std::string sam = core_digest("sam-secret");
    solo.run("Sam", sam, 4500, solo_settings(5));
    const auto three = store.personal_best_of(solo.run("Sam", sam, 2900, solo_settings(3)));
    ASSERT_TRUE(three.has_value());
    EXPECT_EQ(three->runs, 0);
    EXPECT_TRUE(three->new_best);
    // Nor with another clock, other topics or without the streak bonus; topics compare sorted
    // and in any case.
    auto per_question = solo_settings(5);
    per_question.clock = ClockMode::per_question;
    auto topics = solo_settings(5);
    topics.topics = {"Evaluation", "fundamentals"};
    auto same_topics = solo_settings(5);
    same_topics.topics = {"fundamentals", "evaluation"};
    auto no_streak = solo_settings(5);
    no_streak.streak_bonus = false;
    const auto five = run_config_key("Bank", solo_settings(5));
    EXPECT_NE(run_config_key("Bank", per_question), five);
    EXPECT_NE(run_config_key("Bank", topics), five);
    EXPECT_EQ(run_config_key("Bank", topics), run_config_key("Bank", same_topics));
    EXPECT_NE(run_config_key("Bank", no_streak), five);
    EXPECT_NE(run_config_key("Other bank", solo_settings(5)), five);
}

TEST_P(StoreTest, ARunWhoseClockWasStoppedOrLengthenedCountsForNoBest) {
    SoloRecorder solo{store};
    const std::string sam = core_digest("sam-secret");
    solo.run("Sam", sam, 5000);
    const auto paused =
        store.personal_best_of(solo.run("Sam", sam, 9000, solo_settings(), NotCounted::paused));
    ASSERT_TRUE(paused.has_value());
    EXPECT_EQ(paused->not_counted, NotCounted::paused);
    EXPECT_FALSE(paused->new_best);
    EXPECT_EQ(paused->previous, 5000);
    const auto extended =
        store.personal_best_of(solo.run("Sam", sam, 8000, solo_settings(), NotCounted::extended));
    EXPECT_EQ(extended->not_counted, NotCounted::extended);
    EXPECT_EQ(extended->runs, 1);  // the paused run is not one of them
    // The next honest run is compared with the honest ones only.
    const auto next = store.personal_best_of(solo.run("Sam", sam, 6000));
    EXPECT_FALSE(next->not_counted.has_value());
    EXPECT_EQ(next->previous, 5000);
    EXPECT_TRUE(next->new_best);
    EXPECT_EQ(next->runs, 1);
    const auto board = store.solo_leaderboard(run_config_key("Bank", solo_settings()), 10);
    ASSERT_EQ(board.size(), 1u);
    EXPECT_EQ(board[0].points, 6000);
    EXPECT_EQ(board[0].runs, 2);
}

TEST_P(StoreTest, TheLeaderboardHasOneRowPerIdentityUnderItsLatestNickname) {
    SoloRecorder solo{store};
    const std::string ada = core_digest("ada-secret");
    const std::string bob = core_digest("bob-secret");
    const std::string ada_too = core_digest("another-ada");
    solo.run("Ada", ada, 5000);
    solo.run("Bob", bob, 6000);
    solo.run("Ada", ada, 7000);
    solo.run("Ada", ada_too, 100);
    solo.run("Bob", bob, 9900, solo_settings(3));   // another configuration
    solo.run("Ada L.", ada, 10, solo_settings(3));  // renamed since
    // Quiz games never count as solo runs.
    GameFinished quiz = finished("QUIZ01", {{"Zed", 99999}}, 101);
    quiz.identities = {core_digest("zed")};
    store.record({started("QUIZ01", RoomKind::quiz, 100), quiz});

    const auto board = store.solo_leaderboard(run_config_key("Bank", solo_settings()), 10);
    ASSERT_EQ(board.size(), 3u);
    EXPECT_EQ(board[0].nickname, "Ada L.");
    EXPECT_EQ(board[0].points, 7000);
    EXPECT_EQ(board[0].runs, 2);
    EXPECT_EQ(board[1].nickname, "Bob");
    EXPECT_EQ(board[1].points, 6000);
    EXPECT_EQ(board[2].nickname, "Ada");
    EXPECT_EQ(board[2].points, 100);
    const auto three = store.solo_leaderboard(run_config_key("Bank", solo_settings(3)), 10);
    ASSERT_EQ(three.size(), 2u);
    EXPECT_EQ(three[0].points, 9900);
    EXPECT_EQ(store.solo_leaderboard(run_config_key("Bank", solo_settings()), 1).size(), 1u);
}

TEST_P(StoreTest, APersonalBestComparesARecordedRunWithTheOthers) {
    SoloRecorder solo{store};
    const std::string ada = core_digest("ada-secret");
    const auto first = store.personal_best_of(solo.run("Ada", ada, 5000));
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->points, 5000);
    EXPECT_FALSE(first->previous.has_value());
    EXPECT_TRUE(first->new_best);
    EXPECT_EQ(first->runs, 0);

    const auto better = store.personal_best_of(solo.run("ADA", ada, 7000));
    ASSERT_TRUE(better.has_value());
    EXPECT_EQ(better->previous, 5000);
    EXPECT_TRUE(better->new_best);
    EXPECT_EQ(better->runs, 1);

    const auto worse = store.personal_best_of(solo.run("ada", ada, 6000));
    ASSERT_TRUE(worse.has_value());
    EXPECT_EQ(worse->previous, 7000);
    EXPECT_FALSE(worse->new_best);
    EXPECT_EQ(worse->runs, 2);

    // A run that is not on record has no answer.
    GameFinished lost = finished("NOPE01", {{"Ada", 9000}}, 2);
    lost.identities = {ada};
    EXPECT_FALSE(store.personal_best_of(lost).has_value());
}

TEST_P(StoreTest, MigratesAVersionOneDatabaseInPlace) {
    // A database as a server of schema 1 left it, with a solo run.
    const TestDatabase old_database(backend());
    const bool sqlite = backend() == Backend::sqlite;
    old_database.execute(sqlite ? detail::sqlite_migrations[0] : detail::postgres_migrations[0]);
    old_database.execute(R"sql(
INSERT INTO games (code, round, kind, host, bank, settings, token_digest, started_at,
                   finished_at, end_reason, questions_played, run_ms)
  VALUES ('OLDSOL', 1, 'solo', 'Sam', 'Bank', '{"questions":20}', 'x', 10, 20, 'completed', 20, 5);
INSERT INTO results VALUES (1, 1, 'Sam', 1, 8000, 10, 0, 10, 0, 1000);
INSERT INTO solo_runs VALUES (1, 'Sam', 'sam', 'Bank', 8000, 10, 5, 20);
)sql");
    old_database.execute(sqlite ? "PRAGMA user_version = 1"
                                : "CREATE TABLE schema_version (version INTEGER NOT NULL); "
                                  "INSERT INTO schema_version VALUES (1)");
    const auto migrated = old_database.open();
    Store& old_store = *migrated;
    EXPECT_EQ(old_store.current_schema_version(), Store::schema_version);
    // The old game is still in the record.
    const auto old = old_store.game(1);
    ASSERT_TRUE(old.has_value());
    EXPECT_EQ(old->results.at(0).points, 8000);
    // Its run had no identity: nobody's best, on no leaderboard, however the name is typed.
    const auto key = run_config_key("Bank", solo_settings());
    EXPECT_TRUE(old_store.solo_leaderboard(key, 10).empty());
    SoloRecorder solo{old_store, 100};
    const auto first = old_store.personal_best_of(solo.run("Sam", core_digest("sam-secret"), 10));
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->runs, 0);
    EXPECT_TRUE(first->new_best);
    EXPECT_EQ(old_store.solo_leaderboard(key, 10).size(), 1u);
}

// Answers go many to a statement: every one is written, a mark sees the answer before it in
// the batch, and a player's first answer to a question is the one that counts.
TEST_P(StoreTest, AnswersInARowAreAllWrittenAndTheFirstCounts) {
    std::vector<JournalEntry> batch{started("QUIZ01", RoomKind::quiz, 1)};
    for (int player = 0; player < 150; ++player)
        batch.emplace_back(answer("QUIZ01", player));
    batch.emplace_back(
        AnswerMarked{"QUIZ01", 1, 0, 140, Verdict::correct, std::nullopt, 500, std::nullopt, {}});
    auto again = answer("QUIZ01", 5);
    again.text = "a second answer";
    batch.emplace_back(again);
    batch.emplace_back(answer("QUIZ01", 150));
    store.record(batch);

    const auto record = store.game(store.recent_games(1).at(0).id);
    ASSERT_EQ(record->answers.size(), 151u);
    for (const auto& row : record->answers) {
        if (row.player == 140) {
            EXPECT_EQ(row.verdict, "correct");
            EXPECT_EQ(row.points, 500);
        }
        if (row.player == 5) {
            EXPECT_EQ(row.text, "");
        }
    }
    EXPECT_EQ(record->game.players, 151);
}

// Two servers on one database: whichever played the game, either answers the same.
TEST_P(StoreTest, TwoServersShareOneRecord) {
    const auto other = database.open();
    store.record({started("QUIZ01", RoomKind::quiz, 1), answer("QUIZ01", 1)});
    other->record({started("SOLO01", RoomKind::solo, 2), answer("SOLO01", 1)});
    // The quiz ends on the server that did not start it (a host who came back elsewhere).
    other->record({finished("QUIZ01", {{"p1", 100}}, 3)});
    SoloRecorder(*other, 10).run("Ada", core_digest("ada-secret"), 4000);

    for (Store* asked : {&store, other.get()}) {
        const auto games = asked->recent_games(10);
        ASSERT_EQ(games.size(), 3u);
        const auto quiz = asked->game(games[2].id);
        ASSERT_TRUE(quiz.has_value());
        EXPECT_EQ(quiz->game.code, "QUIZ01");
        EXPECT_EQ(quiz->game.end_reason, "completed");
        EXPECT_EQ(quiz->answers.size(), 1u);
        EXPECT_EQ(quiz->results.size(), 1u);
        const auto board = asked->solo_leaderboard(run_config_key("Bank", solo_settings()), 10);
        ASSERT_EQ(board.size(), 1u);
        EXPECT_EQ(board[0].nickname, "Ada");
    }
    EXPECT_EQ(store.recent_games(10)[0].id, other->recent_games(10)[0].id);
}

// The writer sends a batch again when it cannot know whether its commit went through: written
// twice, a batch leaves the record as written once.
TEST_P(StoreTest, ABatchWrittenTwiceIsRecordedOnce) {
    auto end = finished("SOLO02", {{"Ada", 700}}, 9);
    end.identities = {core_digest("ada-secret")};
    Summary summary;
    summary.player = 1;
    summary.points = 700;
    end.summaries.push_back(summary);
    std::vector<JournalEntry> batch{
        started("SOLO02", RoomKind::solo, 1), answer("SOLO02", 1),
        AnswerMarked{"SOLO02", 1, 0, 1, Verdict::correct, std::nullopt, 700, std::nullopt, {}},
        end};
    store.record(batch);
    store.record(batch);
    const auto games = store.recent_games(10);
    ASSERT_EQ(games.size(), 1u);
    const auto record = store.game(games[0].id);
    EXPECT_EQ(record->questions.size(), 2u);
    EXPECT_EQ(record->answers.size(), 1u);
    EXPECT_EQ(record->answers[0].verdict, "correct");
    EXPECT_EQ(record->results.size(), 1u);
    EXPECT_EQ(record->summaries.size(), 1u);
    EXPECT_EQ(store.solo_run_count(core_digest("ada-secret"),
                                   run_config_key("Bank", *decode_settings(record->settings_json))),
              1);
}

// A mistake in the SQL or the data fails the same way every time: not worth trying again.
TEST_P(StoreTest, AFailingStatementIsNotWorthRetrying) {
    database.execute("DROP TABLE summaries");
    auto end = finished("QUIZ02", {{"Ada", 1}}, 2);
    end.summaries.push_back(Summary{});
    try {
        store.record({started("QUIZ02", RoomKind::interview, 1), end});
        ADD_FAILURE() << "the batch was written";
    } catch (const StoreError& e) {
        EXPECT_FALSE(e.retryable()) << e.what();
    }
    // Nothing of the batch was written.
    EXPECT_TRUE(store.recent_games(10).empty());
}

// A finished game moves each identity's cards by its ratings, once, and only that identity's.
TEST_P(StoreTest, AFinishedGameMovesEachIdentitysCardsOnce) {
    namespace fsrs = core::fsrs;
    const std::string ada = core_digest("ada-secret");
    const Millis monday = 1'767'571'200'000;
    auto end = finished("SOLO03", {{"Ada", 700}, {"Ben", 100}}, monday);
    end.identities = {ada, ""};
    end.ratings = {{{"q1", fsrs::Rating::good}, {"q2", fsrs::Rating::again}},
                   {{"q1", fsrs::Rating::again}}};
    const std::vector<JournalEntry> batch{started("SOLO03", RoomKind::quiz, monday - 60'000), end};
    store.record(batch);
    store.record(batch);  // written again: the cards do not move twice
    auto cards = store.cards(ada, "Bank");
    std::sort(cards.begin(), cards.end(),
              [](const auto& a, const auto& b) { return a.question < b.question; });
    ASSERT_EQ(cards.size(), 2u);
    const auto q1 = fsrs::review(fsrs::new_card(monday), fsrs::Rating::good, monday);
    const auto q2 = fsrs::review(fsrs::new_card(monday), fsrs::Rating::again, monday);
    EXPECT_EQ(cards[0].question, "q1");
    EXPECT_EQ(cards[0].card.stability, q1.stability);  // exactly: doubles survive the record
    EXPECT_EQ(cards[0].card.difficulty, q1.difficulty);
    EXPECT_EQ(cards[0].card.due, q1.due);
    EXPECT_EQ(cards[0].card.reps, 1);
    EXPECT_EQ(cards[0].card.state, fsrs::CardState::review);
    EXPECT_EQ(cards[0].card.last_review, monday);
    EXPECT_EQ(cards[1].question, "q2");
    EXPECT_EQ(cards[1].card.due, q2.due);
    EXPECT_TRUE(store.cards(ada, "Another bank").empty());
    EXPECT_TRUE(store.cards(core_digest("ben-secret"), "Bank").empty());

    // Two days later q2 is answered right: its card moves on from where it was.
    const Millis wednesday = monday + 2 * fsrs::day_ms;
    auto later = finished("SOLO04", {{"Ada", 900}}, wednesday);
    later.identities = {ada};
    later.ratings = {{{"q2", fsrs::Rating::good}}};
    store.record({started("SOLO04", RoomKind::solo, wednesday - 60'000), later});
    for (const auto& card : store.cards(ada, "Bank")) {
        if (card.question != "q2")
            continue;
        const auto expected = fsrs::review(q2, fsrs::Rating::good, wednesday);
        EXPECT_EQ(card.card.stability, expected.stability);
        EXPECT_EQ(card.card.due, expected.due);
        EXPECT_EQ(card.card.reps, 2);
        EXPECT_EQ(card.card.elapsed_days, 2);
    }
}

// A big room's end: more identities than one read takes and more cards than one write holds.
TEST_P(StoreTest, ABigRoomsCardsAllMoveInBatches) {
    namespace fsrs = core::fsrs;
    const Millis monday = 1'767'571'200'000;
    constexpr int players = 620;
    auto game = [&](const std::string& code, Millis at, fsrs::Rating rating) {
        std::vector<std::pair<std::string, int>> scores;
        for (int p = 0; p < players; ++p)
            scores.emplace_back("p" + std::to_string(p), 0);
        auto end = finished(code, scores, at);
        for (int p = 0; p < players; ++p) {
            end.identities.push_back(core_digest("identity-" + std::to_string(p)));
            end.ratings.push_back({{"q1", rating}, {"q2", fsrs::Rating::again}});
        }
        store.record({started(code, RoomKind::quiz, at - 60'000), end});
    };
    game("BIG001", monday, fsrs::Rating::good);
    const Millis thursday = monday + 3 * fsrs::day_ms;
    game("BIG002", thursday, fsrs::Rating::easy);
    const auto q1 = fsrs::review(fsrs::review(fsrs::new_card(monday), fsrs::Rating::good, monday),
                                 fsrs::Rating::easy, thursday);
    for (const int p : {0, 499, 500, 619}) {
        auto cards = store.cards(core_digest("identity-" + std::to_string(p)), "Bank");
        std::sort(cards.begin(), cards.end(),
                  [](const auto& a, const auto& b) { return a.question < b.question; });
        ASSERT_EQ(cards.size(), 2u) << p;
        EXPECT_EQ(cards[0].card.reps, 2);
        EXPECT_EQ(cards[0].card.stability, q1.stability) << p;
        EXPECT_EQ(cards[0].card.due, q1.due) << p;
        EXPECT_EQ(cards[1].card.lapses, 1) << p;  // again twice: one lapse from review
    }
}

}  // namespace
}  // namespace rapidfire::store
