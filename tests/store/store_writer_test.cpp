// The record's writer, on SQLite and on PostgreSQL alike: batches, reads after a commit, what
// survives a crash.

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

using core::JournalEntry;
using protocol::RoomKind;

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
    EXPECT_EQ(store.game(store.recent_games(1).at(0).id)->answers.size(), 100u);
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

}  // namespace
}  // namespace rapidfire::store
