// The record's writer, on SQLite and on PostgreSQL alike: batches, reads after a commit, what
// survives a crash; and on PostgreSQL, a database that goes away and comes back.

#include "rapidfire/store/store_writer.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "journal_entries.hpp"
#include "rapidfire/core/identity.hpp"
#include "test_database.hpp"

namespace rapidfire::store {
namespace {

using namespace std::chrono_literals;
using core::JournalEntry;
using protocol::RoomKind;

// Waits (boundedly: a test fails, it never hangs) until `condition` holds.
template <class Condition>
bool eventually(Condition condition) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

class StoreWriterTest : public OnEachDatabase {
  protected:
    TestDatabase database{backend()};
    std::unique_ptr<Store> opened = database.open();
    Store& store = *opened;
};

INSTANTIATE_TEST_SUITE_P(Databases, StoreWriterTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), database_name);

TEST_P(StoreWriterTest, ReadsAfterCommitSeeEverythingSubmittedBefore) {
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

TEST_P(StoreWriterTest, BatchesAndFlushes) {
    StoreWriter writer(store, std::chrono::milliseconds(50));
    writer.submit({started("ABCDEF", RoomKind::quiz, 1)});
    for (int i = 0; i < 100; ++i)
        writer.submit({answer("ABCDEF", i)});
    writer.flush();
    EXPECT_EQ(writer.committed_entries(), 101u);
    EXPECT_EQ(writer.pending_entries(), 0u);
    EXPECT_EQ(store.game(store.recent_games(1).at(0).id)->answers.size(), 100u);
}

TEST_P(StoreWriterTest, ABatchTheDatabaseRefusesIsDroppedAndCounted) {
    database.execute("DROP TABLE summaries");
    StoreWriter writer(store, std::chrono::milliseconds(50));
    auto end = finished("ABCDEF", {{"Ada", 1}}, 2);
    end.summaries.push_back(protocol::Summary{});
    writer.submit({started("ABCDEF", RoomKind::interview, 1), end});
    writer.flush();
    EXPECT_EQ(writer.failed_batches(), 1u);
    EXPECT_EQ(writer.failed_entries(), 2u);
    EXPECT_EQ(writer.committed_entries(), 0u);
    EXPECT_FALSE(writer.retrying());
    // The writer goes on with the next batch.
    writer.submit({started("GHIJKL", RoomKind::quiz, 2)});
    writer.flush();
    EXPECT_EQ(writer.committed_entries(), 1u);
}

TEST_P(StoreWriterTest, CommittedBatchesSurviveACrash) {
    opened.reset();
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // The child writes, flushes half, queues the rest, and dies without any cleanup.
        const auto crashing = database.open();
        auto* writer = new StoreWriter(*crashing, std::chrono::hours(1));
        writer->submit({started("CRASH1", RoomKind::quiz, 1)});
        for (int i = 0; i < 10; ++i)
            writer->submit({answer("CRASH1", i)});
        writer->flush();
        for (int i = 10; i < 20; ++i)
            writer->submit({answer("CRASH1", i)});
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    const auto after = database.open();
    const auto games = after->recent_games(1);
    ASSERT_EQ(games.size(), 1u);
    EXPECT_EQ(after->game(games[0].id)->answers.size(), 10u);  // the flushed batch, no more
}

// PostgreSQL going away: a cluster of the test's own, stopped and started again.
class StoreWriterOnPostgres : public ::testing::Test {
  protected:
    test::PostgresCluster cluster;
    TestDatabase database{Backend::postgresql, &cluster};
    std::unique_ptr<Store> opened = database.open();
    Store& store = *opened;
};

TEST_F(StoreWriterOnPostgres, KeepsEverythingAcceptedWhileTheDatabaseRestarts) {
    StoreWriter writer(store, std::chrono::milliseconds(20));
    cluster.stop();
    writer.submit({started("QUIZ01", RoomKind::quiz, 1)});
    EXPECT_FALSE(writer.flush(50ms));
    ASSERT_TRUE(eventually([&] { return writer.retrying(); }));
    for (int i = 0; i < 20; ++i)
        writer.submit({answer("QUIZ01", i)});
    // A read waits for the entries submitted before it, however long the outage.
    std::promise<std::size_t> answers_seen;
    writer.after_commit([&](Store& committed) {
        const auto games = committed.recent_games(1);
        answers_seen.set_value(games.empty() ? 0 : committed.game(games[0].id)->answers.size());
    });
    writer.submit({finished("QUIZ01", {{"p1", 100}}, 3)});
    EXPECT_EQ(writer.pending_entries(), 22u);

    cluster.start();
    writer.flush();
    EXPECT_EQ(writer.committed_entries(), 22u);
    EXPECT_EQ(writer.failed_entries(), 0u);
    EXPECT_EQ(writer.pending_entries(), 0u);
    EXPECT_FALSE(writer.retrying());
    auto seen = answers_seen.get_future();
    ASSERT_EQ(seen.wait_for(30s), std::future_status::ready);
    EXPECT_EQ(seen.get(), 20u);
    const auto games = store.recent_games(10);
    ASSERT_EQ(games.size(), 1u);
    EXPECT_EQ(games[0].end_reason, "completed");
    EXPECT_EQ(store.game(games[0].id)->answers.size(), 20u);
}

TEST_F(StoreWriterOnPostgres, PastItsLimitTheWriterDropsTheOldestAndCountsThem) {
    StoreWriter writer(store, std::chrono::milliseconds(20), WriterLimits{.max_held = 4});
    writer.submit({started("QUIZ01", RoomKind::quiz, 1)});
    writer.flush();
    cluster.stop();
    writer.submit({answer("QUIZ01", 0)});
    EXPECT_FALSE(writer.flush(50ms));
    ASSERT_TRUE(eventually([&] { return writer.retrying(); }));  // answer 0 is its batch
    for (int i = 1; i < 10; ++i)
        writer.submit({answer("QUIZ01", i)});
    EXPECT_EQ(writer.pending_entries(), 4u);
    // Answer 0 leaves its batch when the next attempt fails; answers 1 to 5 are gone already.
    ASSERT_TRUE(eventually([&] { return writer.failed_entries() == 6; }));

    cluster.start();
    writer.flush();
    EXPECT_EQ(writer.committed_entries(), 1u + 4u);
    EXPECT_EQ(writer.failed_entries(), 6u);
    const auto record = store.game(store.recent_games(1).at(0).id);
    ASSERT_EQ(record->answers.size(), 4u);
    for (const auto& kept : record->answers)
        EXPECT_GE(kept.player, 6);  // the newest four
}

TEST_F(StoreWriterOnPostgres, StoppingWithTheDatabaseAwayGivesUpAfterItsTime) {
    cluster.stop();
    {
        StoreWriter writer(store, std::chrono::milliseconds(20), WriterLimits{.give_up = 200ms});
        writer.submit({started("QUIZ01", RoomKind::quiz, 1), answer("QUIZ01", 1)});
    }  // returns once it has given up, saying what it could not write
    cluster.start();
    EXPECT_TRUE(store.recent_games(10).empty());
}

}  // namespace
}  // namespace rapidfire::store
