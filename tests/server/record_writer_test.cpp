// The record is written and read off the rooms' strand: a solo run's personal best is read by
// the record's writer once the run is committed, so a batch that waits for the disk holds up
// no game.

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>

#include "game_steps.hpp"
#include "scratch_dir.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

// Another process's write transaction on the record: the server's writer waits for it (up to
// SQLite's busy timeout) until this goes.
class DatabaseWriteLock {
  public:
    explicit DatabaseWriteLock(const std::filesystem::path& file) {
        if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK ||
            sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << "cannot lock " << file << ": " << sqlite3_errmsg(db_);
        }
    }
    ~DatabaseWriteLock() {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db_);
    }
    DatabaseWriteLock(const DatabaseWriteLock&) = delete;
    DatabaseWriteLock& operator=(const DatabaseWriteLock&) = delete;

  private:
    sqlite3* db_ = nullptr;
};

TEST(RecordWriter, ASoloRunEndsAndOtherRoomsPlayOnWhileTheRecordWaitsForTheDisk) {
    ScratchDir dir;
    auto options = test_options();
    options.data_dir = dir.path();
    TestServer server(options);

    HonestGame quiz(server);  // another room, mid-question
    quiz.start();
    quiz.wait_question();

    auto runner = server.client();
    const auto question = start_one_question_solo_run(*runner, "Sam", "sam-identity-0123456789");
    {
        const DatabaseWriteLock lock(dir.path() / "rapidfire.sqlite3");
        runner->send(choice_answer(0, correct_choice(question)));
        runner->wait_for<protocol::FinalResult>();
        // The quiz's answer is acknowledged while the run's batch waits for the disk.
        quiz.answer(HonestGame::Who::ada);
        // The personal best is read from the record: it cannot come before the run is in it.
        const auto early = runner->next_text(std::chrono::milliseconds(300));
        EXPECT_FALSE(early.has_value()) << "sent before the run was committed: " << *early;
    }
    const auto best = runner->wait_for<protocol::PersonalBest>();
    EXPECT_TRUE(best.new_best);
    EXPECT_EQ(best.runs, 0);
    EXPECT_GT(best.points, 0);
    // The quiz goes on to its end as if nothing had happened.
    quiz.answer(HonestGame::Who::ben);
    quiz.reveal();
    quiz.finish();
}

}  // namespace
}  // namespace rapidfire::test
