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

#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/store/store_writer.hpp"

namespace rapidfire::store {
namespace {

using namespace protocol;
using core::AnswerMarked;
using core::AnswerRecorded;
using core::GameFinished;
using core::GameStarted;
using core::JournalEntry;

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

TEST(Store, PersonalBestsAndTheSoloLeaderboard) {
    TempDir dir;
    Store store(dir.path());
    const std::vector<std::pair<std::string, int>> runs = {
        {"Ada", 5000}, {"ada", 7000}, {"Bob", 6000}, {"Ada", 6500}, {"Cy", 100}};
    Millis at = 1;
    for (const auto& [nickname, points] : runs) {
        const std::string code = "S" + std::to_string(at);
        store.record(
            {started(code, RoomKind::solo, at), finished(code, {{nickname, points}}, at + 1)});
        at += 10;
    }
    const auto best = store.personal_best("ADA", "Bank");
    ASSERT_TRUE(best.has_value());
    EXPECT_EQ(best->points, 7000);
    EXPECT_EQ(store.solo_run_count("ada", "Bank"), 3);
    EXPECT_FALSE(store.personal_best("Dee", "Bank").has_value());
    EXPECT_FALSE(store.personal_best("Ada", "Other bank").has_value());
    const auto board = store.solo_leaderboard("Bank", 10);
    ASSERT_EQ(board.size(), 3u);  // one row per nickname
    EXPECT_EQ(board[0].points, 7000);
    EXPECT_EQ(board[1].nickname, "Bob");
    EXPECT_EQ(board[2].nickname, "Cy");
    // Quiz games never count as solo runs.
    store.record(
        {started("QUIZ01", RoomKind::quiz, 100), finished("QUIZ01", {{"Zed", 99999}}, 101)});
    EXPECT_FALSE(store.personal_best("Zed", "Bank").has_value());
}

TEST(Store, APersonalBestComparesARecordedRunWithTheOthers) {
    TempDir dir;
    Store store(dir.path());
    auto record = [&](const std::string& code, const std::string& nickname, int points) {
        const auto run = finished(code, {{nickname, points}}, 2);
        store.record({started(code, RoomKind::solo, 1), run});
        return run;
    };
    const auto first = store.personal_best_of(record("SOLO01", "Ada", 5000));
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->points, 5000);
    EXPECT_FALSE(first->previous.has_value());
    EXPECT_TRUE(first->new_best);
    EXPECT_EQ(first->runs, 0);

    const auto better = store.personal_best_of(record("SOLO02", "ADA", 7000));
    ASSERT_TRUE(better.has_value());
    EXPECT_EQ(better->previous, 5000);
    EXPECT_TRUE(better->new_best);
    EXPECT_EQ(better->runs, 1);

    const auto worse = store.personal_best_of(record("SOLO03", "ada", 6000));
    ASSERT_TRUE(worse.has_value());
    EXPECT_EQ(worse->previous, 7000);
    EXPECT_FALSE(worse->new_best);
    EXPECT_EQ(worse->runs, 2);

    // Another player's runs do not count; a run that is not on record has no answer.
    const auto other = store.personal_best_of(record("SOLO04", "Bob", 100));
    ASSERT_TRUE(other.has_value());
    EXPECT_EQ(other->runs, 0);
    EXPECT_FALSE(store.personal_best_of(finished("NOPE01", {{"Ada", 9000}}, 2)).has_value());
}

TEST(StoreWriter, ReadsAfterCommitSeeEverythingSubmittedBefore) {
    TempDir dir;
    Store store(dir.path());
    StoreWriter writer(store, std::chrono::hours(1));  // only the read wakes it
    const auto run = finished("SOLO01", {{"Ada", 5000}}, 2);
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
