// Spaced review end to end: the real client's review runs against the real server, the record
// in between. What was missed comes back first once it is due; progress says what is due.

#include <sqlite3.h>

#include "e2e_fixture.hpp"
#include "rapidfire/content/loader.hpp"

namespace rapidfire::e2e {
namespace {

// The bank's question texts in the order a printed "question N/M: TEXT" line shows them.
std::vector<std::string> asked(const Process& p) {
    std::vector<std::string> texts;
    for (const auto& line : p.lines()) {
        if (line.rfind("question ", 0) != 0)
            continue;
        const auto colon = line.find(": ");
        if (colon != std::string::npos)
            texts.push_back(line.substr(colon + 2));
    }
    return texts;
}

// Moves every card of the record `days` into the past, as if that much time had gone by.
void age_cards(const std::string& database, int days) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(database.c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 10'000);
    const std::string shift = std::to_string(static_cast<long long>(days) * 86'400'000);
    const std::string sql =
        "UPDATE cards SET due = due - " + shift + ", last_review = last_review - " + shift;
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

TEST_F(EndToEnd, AReviewRunAsksWhatWasMissedFirstOnceItIsDue) {
    const auto questions = content::load_bank(content::bundled_bank_path()).questions;
    // The first review has nothing due: the first two new questions. The first is missed, the
    // second known well.
    auto first = client({"review", "--name", "Sam", "--questions", "2", "--seconds", "60"});
    first->write("no idea\nagain\n" + questions[1].answer + "\neasy\n");
    first->close_stdin();
    ASSERT_EQ(first->wait_exit(30s), 0) << first->transcript();
    EXPECT_EQ(asked(*first), (std::vector<std::string>{questions[0].text, questions[1].text}));
    EXPECT_EQ(count_lines(*first, "review in 1 day"), 1) << first->transcript();

    // Right away nothing is due: the review goes on with new questions.
    auto progress = client({"progress"});
    ASSERT_EQ(progress->wait_exit(30s), 0) << progress->transcript();
    EXPECT_EQ(count_lines(*progress, "nothing is due now; 18 new to learn"), 1)
        << progress->transcript();

    // Two days later the missed question is due, the one known well is not.
    age_cards(scratch_ + "/data/rapidfire.sqlite3", 2);
    progress = client({"progress"});
    ASSERT_EQ(progress->wait_exit(30s), 0) << progress->transcript();
    EXPECT_EQ(count_lines(*progress, "1 question is due now"), 1) << progress->transcript();
    auto second = client({"review", "--name", "Sam", "--questions", "2"});
    second->write("still no idea\nhard\nsomething\ngood\n");
    second->close_stdin();
    ASSERT_EQ(second->wait_exit(30s), 0) << second->transcript();
    EXPECT_EQ(asked(*second), (std::vector<std::string>{questions[0].text, questions[2].text}))
        << second->transcript();
}

}  // namespace
}  // namespace rapidfire::e2e
