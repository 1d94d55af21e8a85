#pragma once
// The record of every game: SQLite in WAL mode, one file in the data directory, or a
// PostgreSQL database several servers share; the same schema, versioned with migrations, and
// the same answers from either. Thread-safe: one connection behind a mutex; the writer thread
// holds it for a batch's transaction, readers for a query.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/core/journal.hpp"

namespace rapidfire::store {

namespace detail {
class Database;
}

using protocol::Millis;

struct GameRow {
    std::int64_t id = 0;
    std::string code;
    int round = 0;
    std::string kind;
    std::string host;
    std::string bank;
    Millis started_at = 0;
    std::optional<Millis> finished_at;
    std::string end_reason;  // empty while the game runs (or if the server stopped mid-game)
    int players = 0;
    int questions_played = 0;
};

struct ResultRow {
    std::int64_t player = 0;
    std::string nickname;
    int rank = 0;
    int points = 0;
    int correct = 0;
    int partial = 0;
    int wrong = 0;
    int unanswered = 0;
    Millis time_ms = 0;
};

struct AnswerRow {
    int question = 0;
    std::int64_t player = 0;
    std::string nickname;
    Millis elapsed_ms = 0;
    std::optional<int> choice;
    std::string text;
    std::string verdict;  // empty until marked
    int points = 0;
    std::string comment;
    std::vector<std::string> tips;
};

// One side's feedback on the other in a matched interview.
struct FeedbackRow {
    std::string from;  // nicknames
    std::string to;
    std::vector<protocol::Rating> ratings;  // in the order given
    std::string went_well;
    std::string work_on;
    Millis at = 0;
};

struct GameRecord {
    GameRow game;
    std::string settings_json;
    std::vector<core::JournalQuestion> questions;
    std::vector<ResultRow> results;
    std::vector<AnswerRow> answers;
    std::vector<protocol::Summary> summaries;
    // A matched interview's feedback, both directions, with the pair's last game.
    std::vector<FeedbackRow> feedback;
};

struct SoloRun {
    std::int64_t game_id = 0;
    std::string nickname;  // on the leaderboard: the identity's latest nickname
    std::string bank;
    int points = 0;
    int correct = 0;
    Millis run_ms = 0;
    Millis finished_at = 0;
    int runs = 0;  // on the leaderboard: the identity's runs that count in this configuration
};

// What makes two solo runs comparable: the bank, the mode, the clock (seconds per question, or
// the total clock's seconds), the number of questions, the topics (sorted, lower case), the
// streak bonus (it changes the points) and whether it was a review (its questions are the
// runner's own). `settings` are a room's settings with every default applied
// (ResolvedSettings::to_wire()). Self-graded and choice runs differ by construction.
std::string run_config_key(std::string_view bank, const protocol::RoundSettings& settings);

class StoreError : public std::runtime_error {
  public:
    explicit StoreError(const std::string& message, bool retryable = false)
        : std::runtime_error(message), retryable_(retryable) {}

    // Worth trying again later: the database could not be reached, was restarting or was busy.
    // Not so for a mistake in the SQL or the data, which fails the same way every time.
    bool retryable() const noexcept { return retryable_; }

  private:
    bool retryable_;
};

// Whether `location` names a PostgreSQL database (postgresql:// or postgres://).
bool is_postgresql_url(std::string_view location);
// Why a PostgreSQL URL cannot be used, if it cannot: not such a URL, unreadable, or carrying a
// password (libpq reads it from PGPASSWORD or the password file, PGPASSFILE, instead).
std::optional<std::string> postgresql_url_problem(std::string_view url);

class Store {
  public:
    // Opens (creating if needed) <data_dir>/rapidfire.sqlite3 and brings its schema up to date.
    explicit Store(const std::filesystem::path& data_dir);
    // Opens a postgresql:// URL (see postgresql_url_problem), or else a data directory as
    // above, and brings its schema up to date: the first of several servers starting together
    // migrates, the others wait for it.
    static std::unique_ptr<Store> open(std::string_view location);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static constexpr int schema_version = 4;
    int current_schema_version();
    // Where the record is kept, fit for a log line (never a password).
    std::string describe() const;

    // Writes a batch of journal entries in one transaction.
    void record(const std::vector<core::JournalEntry>& batch);

    // The most recent games first; `finished_only` leaves out games still running (or cut off
    // by a crash).
    std::vector<GameRow> recent_games(int limit, bool finished_only = false);
    // The games run with this host token, most recent first.
    std::vector<GameRow> games_of_host(std::string_view token, int limit);
    std::optional<GameRecord> game(std::int64_t id);
    // Whether game `id` is on record (one indexed lookup, for answering "no such game" before
    // reading a whole record).
    bool has_game(std::int64_t id);
    // Whether `token` is the host token of game `id` (compared as digests, in constant time).
    bool is_host_of(std::int64_t id, std::string_view token);

    // The best counted solo run of this identity (its digest) in this configuration
    // (run_config_key), and how many counted runs there are.
    std::optional<SoloRun> personal_best(std::string_view identity, std::string_view config);
    int solo_run_count(std::string_view identity, std::string_view config);
    // How a recorded solo run compares with the same identity's other counted runs in the same
    // configuration; nothing when the run has no identity or its game is not on record (its
    // batch was not written). A run whose clock was stopped or lengthened says so and is never
    // a new best.
    std::optional<protocol::PersonalBest> personal_best_of(const core::GameFinished& run);
    // The best counted run of each identity in this configuration, best first, each with the
    // identity's latest nickname (never its digest).
    std::vector<SoloRun> solo_leaderboard(std::string_view config, int limit);

    // This identity's cards for the questions of a bank (by its title), in no set order.
    std::vector<core::learning::StoredCard> cards(std::string_view identity, std::string_view bank);

  private:
    explicit Store(std::unique_ptr<detail::Database> db);
    void migrate();

    std::unique_ptr<detail::Database> db_;
    std::mutex mutex_;
};

// A digest of a token, so the database never holds a live secret.
std::string token_digest(std::string_view token);

}  // namespace rapidfire::store
