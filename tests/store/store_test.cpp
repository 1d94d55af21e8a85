// The record of games: schema, batches, queries, personal bests, and what survives a crash.

#include "rapidfire/store/store.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <future>
#include <latch>
#include <random>
#include <thread>

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "rapidfire/core/identity.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/store/store_writer.hpp"
#include "schema.hpp"

namespace rapidfire::store {
namespace {

using namespace protocol;
using core::AnswerMarked;
using core::AnswerRecorded;
using core::GameFinished;
using core::GameStarted;
using core::JournalEntry;

std::string core_digest(std::string_view secret) {
    return core::identity_digest(secret);
}

class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("rapidfire-store-test-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

GameStarted started(const std::string& code, RoomKind kind, Millis at, int round = 1) {
    GameStarted g;
    g.code = code;
    g.round = round;
    g.kind = kind;
    g.settings.questions = 2;
    g.host = "Host";
    g.bank = "Bank";
    g.host_token = "host-token-" + code;
    g.questions = {{0, "q1", "What?", "That.", {"evaluation"}}, {1, "q2", "Why?", "Because.", {}}};
    g.at = at;
    return g;
}

GameFinished finished(const std::string& code, std::vector<std::pair<std::string, int>> scores,
                      Millis at, int round = 1) {
    GameFinished f;
    f.code = code;
    f.round = round;
    f.questions_played = 2;
    f.run_ms = 30'000;
    int rank = 0;
    for (const auto& [nickname, points] : scores) {
        ++rank;
        f.standings.push_back(Standing{rank, rank, nickname, points, 1, 1000});
        FinalResult r;
        r.rank = rank;
        r.points = points;
        r.correct = 1;
        r.wrong = 1;
        f.results.push_back(r);
    }
    f.at = at;
    return f;
}

TEST(Store, CreatesTheSchemaOnceAndReopens) {
    TempDir dir;
    {
        Store store(dir.path() / "nested");
        EXPECT_EQ(store.current_schema_version(), Store::schema_version);
    }
    Store again(dir.path() / "nested");
    EXPECT_EQ(again.current_schema_version(), Store::schema_version);
}

TEST(Store, ServersStartingTogetherOnOneFolderMigrateItOnce) {
    // Each round: fresh folder, two stores opened at the same moment. Before the version was
    // read inside the migration's transaction, the second one failed with "table ... already
    // exists" whenever they overlapped.
    for (int round = 0; round < 10; ++round) {
        TempDir dir;
        std::latch go(2);
        std::array<std::string, 2> errors;
        std::array<std::thread, 2> servers;
        for (std::size_t i = 0; i < servers.size(); ++i) {
            servers[i] = std::thread([&, i] {
                go.arrive_and_wait();
                try {
                    Store store(dir.path());
                    if (store.current_schema_version() != Store::schema_version)
                        errors[i] = "wrong schema version";
                } catch (const std::exception& e) {
                    errors[i] = e.what();
                }
            });
        }
        for (auto& server : servers)
            server.join();
        EXPECT_EQ(errors[0], "") << "round " << round;
        EXPECT_EQ(errors[1], "") << "round " << round;
    }
}

TEST(Store, RefusesASchemaFromTheFuture) {
    TempDir dir;
    { Store store(dir.path()); }
    {
        // Pretend a newer server wrote this file.
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((dir.path() / "rapidfire.sqlite3").c_str(), &db), SQLITE_OK);
        sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    EXPECT_THROW(Store{dir.path()}, StoreError);
}

TEST(Store, RecordsAGameWithAnswersMarksResultsAndSummaries) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, OnlyTheHostTokenOpensAGame) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, ARematchIsANewGame) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, BestsBelongToAnIdentityNotToANickname) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, ARunWithoutAnIdentityHasNoPersonalBest) {
    TempDir dir;
    Store store(dir.path());
    SoloRecorder solo{store};
    solo.run("Sam", core_digest("sam-secret"), 7000);
    // The nickname alone opens nothing, and the run is on no leaderboard.
    EXPECT_FALSE(store.personal_best_of(solo.run("Sam", "", 9000)).has_value());
    const auto board = store.solo_leaderboard(run_config_key("Bank", solo_settings()), 10);
    ASSERT_EQ(board.size(), 1u);
    EXPECT_EQ(board[0].points, 7000);
}

TEST(Store, ASelfGradedRunNeverCompetesWithAChoiceRun) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, AThreeQuestionRunIsNotComparedWithAFiveQuestionRun) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, ARunWhoseClockWasStoppedOrLengthenedCountsForNoBest) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, TheLeaderboardHasOneRowPerIdentityUnderItsLatestNickname) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, APersonalBestComparesARecordedRunWithTheOthers) {
    TempDir dir;
    Store store(dir.path());
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

TEST(Store, MigratesAVersionOneDatabaseInPlace) {
    TempDir dir;
    {
        // A data directory as a server of schema 1 left it, with a quiz and a solo run.
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((dir.path() / "rapidfire.sqlite3").c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, detail::migrations[0], nullptr, nullptr, nullptr), SQLITE_OK);
        const char* rows = R"sql(
INSERT INTO games (id, code, round, kind, host, bank, settings, token_digest, started_at,
                   finished_at, end_reason, questions_played, run_ms)
  VALUES (1, 'OLDSOL', 1, 'solo', 'Sam', 'Bank', '{"questions":20}', 'x', 10, 20, 'completed', 20, 5);
INSERT INTO results VALUES (1, 1, 'Sam', 1, 8000, 10, 0, 10, 0, 1000);
INSERT INTO solo_runs VALUES (1, 'Sam', 'sam', 'Bank', 8000, 10, 5, 20);
PRAGMA user_version = 1;
)sql";
        ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    Store store(dir.path());
    EXPECT_EQ(store.current_schema_version(), 2);
    // The old game is still in the record.
    const auto old = store.game(1);
    ASSERT_TRUE(old.has_value());
    EXPECT_EQ(old->results.at(0).points, 8000);
    // Its run had no identity: nobody's best, on no leaderboard, however the name is typed.
    const auto key = run_config_key("Bank", solo_settings());
    EXPECT_TRUE(store.solo_leaderboard(key, 10).empty());
    SoloRecorder solo{store, 100};
    const auto first = store.personal_best_of(solo.run("Sam", core_digest("sam-secret"), 10));
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->runs, 0);
    EXPECT_TRUE(first->new_best);
    EXPECT_EQ(store.solo_leaderboard(key, 10).size(), 1u);
}

TEST(StoreWriter, ReadsAfterCommitSeeEverythingSubmittedBefore) {
    TempDir dir;
    Store store(dir.path());
    StoreWriter writer(store, std::chrono::hours(1));  // only the read wakes it
    auto run = finished("SOLO01", {{"Ada", 5000}}, 2);
    run.identities = {core::identity_digest("ada-secret")};
    writer.submit({started("SOLO01", RoomKind::solo, 1), run});
    std::promise<std::optional<protocol::PersonalBest>> read;
    writer.after_commit([&](Store& committed) { read.set_value(committed.personal_best_of(run)); });
    auto answer = read.get_future();
    ASSERT_EQ(answer.wait_for(std::chrono::seconds(30)), std::future_status::ready);
    const auto best = answer.get();
    ASSERT_TRUE(best.has_value());
    EXPECT_EQ(best->points, 5000);
    EXPECT_EQ(writer.committed_entries(), 2u);
}

TEST(StoreWriter, BatchesAndFlushes) {
    TempDir dir;
    Store store(dir.path());
    StoreWriter writer(store, std::chrono::milliseconds(50));
    writer.submit({started("ABCDEF", RoomKind::quiz, 1)});
    for (int i = 0; i < 100; ++i) {
        writer.submit({AnswerRecorded{"ABCDEF", 1, 0, i, "p" + std::to_string(i), 10, 1, "", 2}});
    }
    writer.flush();
    EXPECT_EQ(writer.committed_entries(), 101u);
    EXPECT_EQ(store.game(store.recent_games(1).at(0).id)->answers.size(), 100u);
}

TEST(StoreWriter, CommittedBatchesSurviveACrash) {
    TempDir dir;
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // The child writes, flushes half, queues the rest, and dies without any cleanup.
        Store store(dir.path());
        auto* writer = new StoreWriter(store, std::chrono::hours(1));
        writer->submit({started("CRASH1", RoomKind::quiz, 1)});
        for (int i = 0; i < 10; ++i) {
            writer->submit({AnswerRecorded{"CRASH1", 1, 0, i, "p", 10, 1, "", 2}});
        }
        writer->flush();
        for (int i = 10; i < 20; ++i) {
            writer->submit({AnswerRecorded{"CRASH1", 1, 0, i, "p", 10, 1, "", 2}});
        }
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    Store store(dir.path());
    const auto games = store.recent_games(1);
    ASSERT_EQ(games.size(), 1u);
    EXPECT_EQ(store.game(games[0].id)->answers.size(), 10u);  // the flushed batch, no more
}

}  // namespace
}  // namespace rapidfire::store
