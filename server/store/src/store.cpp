#include "rapidfire/store/store.hpp"

#include <algorithm>
#include <map>

#include <openssl/sha.h>

#include "database.hpp"
#include "postgres_database.hpp"
#include "rapidfire/common/constant_time.hpp"
#include "rapidfire/common/text.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "sqlite_database.hpp"

namespace rapidfire::store {

using detail::Database;
using detail::Query;
namespace fsrs = core::fsrs;

namespace {

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string::npos ? text.size() : comma;
        if (end > start)
            items.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

std::optional<std::int64_t> find_game(Database& db, const std::string& code, int round) {
    const auto find =
        db.prepare("SELECT id FROM games WHERE code = $1 AND round = $2 ORDER BY id DESC LIMIT 1");
    find->bind(1, code).bind(2, round);
    if (find->step())
        return find->integer(0);
    return std::nullopt;
}

GameRow read_game_row(const Query& s) {
    GameRow row;
    row.id = s.integer(0);
    row.code = s.text(1);
    row.round = static_cast<int>(s.integer(2));
    row.kind = s.text(3);
    row.host = s.text(4);
    row.bank = s.text(5);
    row.started_at = s.integer(6);
    if (!s.is_null(7))
        row.finished_at = s.integer(7);
    row.end_reason = s.text(8);
    row.questions_played = static_cast<int>(s.integer(9));
    row.players = static_cast<int>(s.integer(10));
    return row;
}

constexpr const char* game_columns =
    "SELECT g.id, g.code, g.round, g.kind, g.host, g.bank, g.started_at, g.finished_at, "
    "coalesce(g.end_reason, ''), g.questions_played, "
    // Players: the final results once finished, else those who have answered so far.
    "(SELECT max(n) FROM ("
    "    SELECT count(*) AS n FROM results r WHERE r.game_id = g.id UNION ALL "
    "    SELECT count(DISTINCT player) FROM answers a WHERE a.game_id = g.id) AS counts) "
    "FROM games g ";

// A batch the writer tries again may have been committed already (the connection was lost
// while the commit's answer was on its way): every entry is written so that writing it twice
// leaves the record as writing it once. A game's start is known by its room, round, start time
// and host token.
std::int64_t record_started(Database& db, const core::GameStarted& e) {
    const std::string digest = token_digest(e.host_token);
    const auto known = db.prepare(
        "SELECT id FROM games WHERE code = $1 AND round = $2 AND started_at = $3 AND "
        "token_digest = $4");
    known->bind(1, e.code).bind(2, e.round).bind(3, e.at).bind(4, digest);
    if (known->step())
        return known->integer(0);
    const auto game = db.prepare(
        "INSERT INTO games (code, round, kind, host, bank, settings, token_digest, started_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id");
    game->bind(1, e.code).bind(2, e.round).bind(3, protocol::name_of(e.kind)).bind(4, e.host);
    game->bind(5, e.bank).bind(6, protocol::encode_settings(e.settings));
    game->bind(7, digest).bind(8, e.at);
    if (!game->step())
        throw StoreError("a new game got no id");
    const std::int64_t id = game->integer(0);
    game->reset();
    const auto question = db.prepare(
        "INSERT INTO questions (game_id, idx, bank_id, text, reference, topics) "
        "VALUES ($1, $2, $3, $4, $5, $6)");
    for (const auto& q : e.questions) {
        question->bind(1, id).bind(2, q.index).bind(3, q.bank_id).bind(4, q.text);
        question->bind(5, q.reference).bind(6, common::join(q.topics, ","));
        question->run();
        question->reset();
    }
    return id;
}

// The identity digest of the player in standings[i]; none (NULL) when they gave no identity.
std::optional<std::string> identity_of(const core::GameFinished& e, std::size_t i) {
    if (i < e.identities.size() && !e.identities[i].empty())
        return e.identities[i];
    return std::nullopt;
}

fsrs::Card read_card(const Query& row, int first) {
    fsrs::Card card;
    card.state = row.integer(first) == 0 ? fsrs::CardState::new_card : fsrs::CardState::review;
    card.stability = row.real(first + 1);
    card.difficulty = row.real(first + 2);
    card.reps = static_cast<int>(row.integer(first + 3));
    card.lapses = static_cast<int>(row.integer(first + 4));
    card.elapsed_days = static_cast<int>(row.integer(first + 5));
    card.scheduled_days = static_cast<int>(row.integer(first + 6));
    if (!row.is_null(first + 7))
        card.last_review = row.integer(first + 7);
    card.due = row.integer(first + 8);
    return card;
}

constexpr const char* card_columns =
    "state, stability, difficulty, reps, lapses, elapsed_days, scheduled_days, last_review, due";

// One player's ratings in a finished game.
struct PlayerRatings {
    std::string identity;
    const std::vector<core::learning::QuestionRating>* ratings = nullptr;
};

constexpr std::size_t identities_per_read = 500;
constexpr std::size_t cards_per_write = 64;

// Moves the players' cards by what a finished game showed, in the order of its questions: the
// cards they hold for the game's questions are read a few hundred identities per query, moved
// in memory, and written back many rows per statement, so a big room's end costs a few round
// trips to the database, not two per card.
void review_cards(Database& db, std::string_view bank, const std::vector<PlayerRatings>& players,
                  Millis at) {
    using Key = std::pair<std::string, std::string>;  // (identity, question)
    std::vector<std::string> questions;
    for (const auto& player : players) {
        for (const auto& rated : *player.ratings) {
            if (std::find(questions.begin(), questions.end(), rated.question) == questions.end())
                questions.push_back(rated.question);
        }
    }
    std::map<Key, fsrs::Card> held;
    for (std::size_t from = 0; from < players.size(); from += identities_per_read) {
        const std::size_t count = std::min(identities_per_read, players.size() - from);
        std::string sql = std::string("SELECT identity, question, ") + card_columns +
                          " FROM cards WHERE bank = $1 AND identity IN (";
        for (std::size_t i = 0; i < count; ++i)
            sql += (i == 0 ? "$" : ", $") + std::to_string(i + 2);
        sql += ") AND question IN (";
        for (std::size_t q = 0; q < questions.size(); ++q)
            sql += (q == 0 ? "$" : ", $") + std::to_string(count + q + 2);
        sql += ")";
        const auto read = db.prepare(sql);
        read->bind(1, bank);
        for (std::size_t i = 0; i < count; ++i)
            read->bind(static_cast<int>(i + 2), players[from + i].identity);
        for (std::size_t q = 0; q < questions.size(); ++q)
            read->bind(static_cast<int>(count + q + 2), questions[q]);
        while (read->step())
            held.insert_or_assign({read->text(0), read->text(1)}, read_card(*read, 2));
    }
    std::map<Key, fsrs::Card> moved;
    for (const auto& player : players) {
        for (const auto& rated : *player.ratings) {
            Key key{player.identity, rated.question};
            const auto known = held.find(key);
            auto [card, added] = moved.try_emplace(
                std::move(key), known == held.end() ? fsrs::new_card(at) : known->second);
            card->second = fsrs::review(card->second, rated.rating, at);
        }
    }
    std::map<std::size_t, std::unique_ptr<Query>> writes;  // by rows per statement
    auto next = moved.begin();
    for (std::size_t from = 0; from < moved.size(); from += cards_per_write) {
        const std::size_t rows = std::min(cards_per_write, moved.size() - from);
        auto& write = writes[rows];
        if (!write) {
            std::string sql = std::string("INSERT INTO cards (identity, bank, question, ") +
                              card_columns + ") VALUES ";
            for (std::size_t row = 0; row < rows; ++row) {
                sql += row == 0 ? "(" : ", (";
                for (std::size_t column = 1; column <= 12; ++column)
                    sql += (column == 1 ? "$" : ", $") + std::to_string(row * 12 + column);
                sql += ")";
            }
            sql +=
                " ON CONFLICT (identity, bank, question) DO UPDATE SET state = excluded.state, "
                "stability = excluded.stability, difficulty = excluded.difficulty, "
                "reps = excluded.reps, lapses = excluded.lapses, "
                "elapsed_days = excluded.elapsed_days, "
                "scheduled_days = excluded.scheduled_days, last_review = excluded.last_review, "
                "due = excluded.due";
            write = db.prepare(sql);
        }
        for (std::size_t row = 0; row < rows; ++row, ++next) {
            const auto& [key, card] = *next;
            const int first = static_cast<int>(row * 12);
            write->bind(first + 1, key.first).bind(first + 2, bank).bind(first + 3, key.second);
            write->bind(first + 4, card.state == fsrs::CardState::new_card ? 0 : 1);
            write->bind(first + 5, card.stability).bind(first + 6, card.difficulty);
            write->bind(first + 7, card.reps).bind(first + 8, card.lapses);
            write->bind(first + 9, card.elapsed_days).bind(first + 10, card.scheduled_days);
            write->bind(first + 11, card.last_review).bind(first + 12, card.due);
        }
        write->run();
        write->reset();
    }
}

void record_finished(Database& db, std::int64_t id, const core::GameFinished& e) {
    // The cards move once per game: a batch written again (its commit was not confirmed) finds
    // the game finished already.
    const auto before = db.prepare("SELECT bank, finished_at FROM games WHERE id = $1");
    before->bind(1, id);
    if (before->step() && before->is_null(1)) {
        const std::string bank = before->text(0);
        std::vector<PlayerRatings> players;
        for (std::size_t i = 0; i < e.standings.size() && i < e.ratings.size(); ++i) {
            if (const auto identity = identity_of(e, i); identity && !e.ratings[i].empty())
                players.push_back({*identity, &e.ratings[i]});
        }
        if (!players.empty())
            review_cards(db, bank, players, e.at);
    }
    const auto game = db.prepare(
        "UPDATE games SET finished_at = $1, end_reason = $2, questions_played = $3, run_ms = $4 "
        "WHERE id = $5");
    game->bind(1, e.at).bind(2, protocol::name_of(e.reason)).bind(3, e.questions_played);
    game->bind(4, e.run_ms).bind(5, id);
    game->run();
    const auto result = db.prepare(
        "INSERT INTO results (game_id, player, nickname, rank, points, correct, partial, wrong, "
        "unanswered, time_ms, identity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
        "ON CONFLICT (game_id, player) DO UPDATE SET nickname = excluded.nickname, "
        "rank = excluded.rank, points = excluded.points, correct = excluded.correct, "
        "partial = excluded.partial, wrong = excluded.wrong, unanswered = excluded.unanswered, "
        "time_ms = excluded.time_ms, identity = excluded.identity");
    for (std::size_t i = 0; i < e.standings.size() && i < e.results.size(); ++i) {
        const auto& s = e.standings[i];
        const auto& r = e.results[i];
        result->bind(1, id).bind(2, s.player).bind(3, s.nickname).bind(4, s.rank);
        result->bind(5, s.points).bind(6, r.correct).bind(7, r.partial).bind(8, r.wrong);
        result->bind(9, r.unanswered).bind(10, r.time_ms).bind(11, identity_of(e, i));
        result->run();
        result->reset();
    }
    const auto summary = db.prepare(
        "INSERT INTO summaries (game_id, player, body) VALUES ($1, $2, $3) "
        "ON CONFLICT (game_id, player) DO UPDATE SET body = excluded.body");
    for (const auto& s : e.summaries) {
        summary->bind(1, id)
            .bind(2, s.player)
            .bind(3, protocol::encode(protocol::ServerMessage{s}));
        summary->run();
        summary->reset();
    }
    const auto kind = db.prepare("SELECT kind, bank, settings FROM games WHERE id = $1");
    kind->bind(1, id);
    if (kind->step() && kind->text(0) == "solo" && !e.standings.empty() && !e.results.empty()) {
        const std::string bank = kind->text(1);
        const auto settings = protocol::decode_settings(kind->text(2));
        const auto solo = db.prepare(
            "INSERT INTO solo_runs (game_id, nickname, nickname_key, bank, points, correct, "
            "run_ms, finished_at, identity, config, not_counted) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
            "ON CONFLICT (game_id) DO UPDATE SET nickname = excluded.nickname, "
            "nickname_key = excluded.nickname_key, bank = excluded.bank, "
            "points = excluded.points, correct = excluded.correct, run_ms = excluded.run_ms, "
            "finished_at = excluded.finished_at, identity = excluded.identity, "
            "config = excluded.config, not_counted = excluded.not_counted");
        solo->bind(1, id)
            .bind(2, e.standings[0].nickname)
            .bind(3, common::fold_nickname(e.standings[0].nickname));
        solo->bind(4, bank).bind(5, e.standings[0].points).bind(6, e.results[0].correct);
        solo->bind(7, e.run_ms).bind(8, e.at).bind(9, identity_of(e, 0));
        solo->bind(10, run_config_key(bank, settings.value_or(protocol::RoundSettings{})));
        solo->bind(11, e.clock_changed
                           ? std::optional<std::string>(protocol::name_of(*e.clock_changed))
                           : std::nullopt);
        solo->run();
    }
}

// Written once: a side's feedback is known by its game, its giver and when it was given.
void record_feedback(Database& db, std::int64_t game, const core::FeedbackGiven& e) {
    const auto feedback = db.prepare(
        "INSERT INTO feedback (game_id, giver, receiver, went_well, work_on, given_at) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (game_id, giver, given_at) DO NOTHING "
        "RETURNING id");
    feedback->bind(1, game).bind(2, e.from).bind(3, e.to).bind(4, e.went_well);
    feedback->bind(5, e.work_on).bind(6, e.at);
    if (!feedback->step())
        return;  // already on record, ratings and all
    const std::int64_t id = feedback->integer(0);
    feedback->reset();
    const auto rating = db.prepare(
        "INSERT INTO feedback_ratings (feedback_id, idx, area, score) VALUES ($1, $2, $3, $4)");
    for (std::size_t i = 0; i < e.ratings.size(); ++i) {
        rating->bind(1, id).bind(2, static_cast<int>(i)).bind(3, e.ratings[i].area);
        rating->bind(4, e.ratings[i].score);
        rating->run();
        rating->reset();
    }
}

// Writes one batch, then finish(). A batch holds mostly answers and marks of a few games: their
// statements are prepared once per batch and each game's id is looked up once, so no SQL is
// parsed per answer; answers in a row go in statements of many rows, so a round trip to the
// database carries many answers.
class BatchRecorder {
  public:
    explicit BatchRecorder(Database& db) : db_(db) {}

    void operator()(const core::GameStarted& e) {
        write_answers();
        games_[{e.code, e.round}] = record_started(db_, e);
    }
    void operator()(const core::AnswerRecorded& e) {
        const auto id = game_id(e.code, e.round);
        if (!id)
            return;  // the game's start was never recorded (a store opened mid-game)
        answers_.emplace_back(*id, &e);
        if (answers_.size() == answers_per_statement)
            write_answers();
    }
    void operator()(const core::AnswerMarked& e) {
        write_answers();  // the answer being marked may be among them
        const auto id = game_id(e.code, e.round);
        if (!id)
            return;
        mark_->bind(1, protocol::name_of(e.verdict));
        mark_->bind(
            2, e.grade ? std::optional<std::string>(protocol::name_of(*e.grade)) : std::nullopt);
        mark_->bind(3, e.points).bind(4, e.comment).bind(5, common::join(e.tips, ","));
        mark_->bind(6, *id).bind(7, e.question).bind(8, e.player);
        mark_->run();
        mark_->reset();
    }
    void operator()(const core::GameFinished& e) {
        write_answers();
        if (const auto id = game_id(e.code, e.round))
            record_finished(db_, *id, e);
    }
    void operator()(const core::FeedbackGiven& e) {
        if (const auto id = game_id(e.code, e.round))
            record_feedback(db_, *id, e);
    }
    void finish() { write_answers(); }

  private:
    static constexpr std::size_t answers_per_statement = 64;

    // A player's first answer to a question is the one that counts.
    void write_answers() {
        if (answers_.empty())
            return;
        auto& insert = answer_inserts_[answers_.size()];
        if (!insert) {
            std::string sql =
                "INSERT INTO answers (game_id, question, player, nickname, elapsed_ms, choice, "
                "text, accepted_at) VALUES ";
            for (std::size_t row = 0; row < answers_.size(); ++row) {
                sql += row == 0 ? "(" : ", (";
                for (std::size_t column = 1; column <= 8; ++column)
                    sql += (column == 1 ? "$" : ", $") + std::to_string(row * 8 + column);
                sql += ")";
            }
            sql += " ON CONFLICT (game_id, question, player) DO NOTHING";
            insert = db_.prepare(sql);
        }
        int first = 0;  // the row's parameters are first + 1 to first + 8
        for (const auto& [id, e] : answers_) {
            insert->bind(first + 1, id).bind(first + 2, e->question).bind(first + 3, e->player);
            insert->bind(first + 4, e->nickname).bind(first + 5, e->elapsed_ms);
            insert->bind(first + 6, e->choice).bind(first + 7, e->text).bind(first + 8, e->at);
            first += 8;
        }
        insert->run();
        insert->reset();
        answers_.clear();
    }

    std::optional<std::int64_t> game_id(const std::string& code, int round) {
        const auto key = std::make_pair(code, round);
        if (const auto it = games_.find(key); it != games_.end())
            return it->second;
        const auto id = find_game(db_, code, round);
        if (id)
            games_.emplace(key, *id);
        return id;
    }

    Database& db_;
    std::map<std::pair<std::string, int>, std::int64_t> games_;
    // Answers not yet written, with their game's id; they point into the batch.
    std::vector<std::pair<std::int64_t, const core::AnswerRecorded*>> answers_;
    std::map<std::size_t, std::unique_ptr<Query>> answer_inserts_;  // by number of rows
    std::unique_ptr<Query> mark_ = db_.prepare(
        "UPDATE answers SET verdict = $1, grade = $2, points = $3, comment = $4, tips = $5 "
        "WHERE game_id = $6 AND question = $7 AND player = $8");
};

SoloRun read_solo(const Query& s) {
    return SoloRun{s.integer(0),
                   s.text(1),
                   s.text(2),
                   static_cast<int>(s.integer(3)),
                   static_cast<int>(s.integer(4)),
                   s.integer(5),
                   s.integer(6),
                   static_cast<int>(s.integer(7))};
}

// Runs that count: of an identity, with the clock neither stopped nor lengthened.
// The configuration is always parameter $1.
constexpr const char* counted_runs = "identity IS NOT NULL AND not_counted IS NULL AND config = $1";

}  // namespace

std::string run_config_key(std::string_view bank, const protocol::RoundSettings& settings) {
    using protocol::ClockMode;
    std::vector<std::string> topics = settings.topics;
    for (auto& topic : topics)
        topic = common::ascii_lower(topic);
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    const ClockMode clock = settings.clock.value_or(ClockMode::total);
    // On one total clock the seconds per question play no part in the score; on a clock per
    // question the total does not.
    const int seconds = clock == ClockMode::total ? settings.total_seconds.value_or(0)
                                                  : settings.seconds.value_or(0);
    return "bank=" + std::string(bank) +
           "|mode=" + protocol::name_of(settings.mode.value_or(protocol::AnswerMode::choice)) +
           "|clock=" + protocol::name_of(clock) + ":" + std::to_string(seconds) +
           "|questions=" + std::to_string(settings.questions.value_or(0)) +
           "|topics=" + common::join(topics, ",") +
           "|streak=" + (settings.streak_bonus.value_or(true) ? "on" : "off") +
           // A review asks each runner their own questions: compared only with reviews.
           (settings.review.value_or(false) ? "|review" : "");
}

std::string token_digest(std::string_view token) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const unsigned char byte : digest) {
        out.push_back(hex[byte >> 4]);
        out.push_back(hex[byte & 0x0F]);
    }
    return out;
}

Store::Store(const std::filesystem::path& data_dir)
    : Store(std::make_unique<detail::SqliteDatabase>(data_dir / "rapidfire.sqlite3")) {}

Store::Store(std::unique_ptr<Database> db) : db_(std::move(db)) {
    migrate();
}

std::unique_ptr<Store> Store::open(std::string_view location) {
    if (!is_postgresql_url(location))
        return std::make_unique<Store>(std::filesystem::path(location));
    if (const auto problem = postgresql_url_problem(location))
        throw StoreError(*problem);
    return std::unique_ptr<Store>(new Store(std::make_unique<detail::PostgresDatabase>(location)));
}

Store::~Store() = default;

std::string Store::describe() const {
    return db_->describe();
}

int Store::current_schema_version() {
    std::lock_guard lock(mutex_);
    return db_->schema_version();
}

void Store::migrate() {
    // Each step reads the version inside its write transaction, under the schema's lock, so
    // two servers starting on one database at once take turns and every migration runs once.
    const auto migrations = db_->migrations();
    static_assert(schema_version > 0);
    for (;;) {
        db_->begin();
        try {
            db_->lock_schema();
            const int version = db_->schema_version();
            if (version > schema_version) {
                throw StoreError(db_->describe() + " has schema " + std::to_string(version) +
                                 ", newer than this server's " + std::to_string(schema_version));
            }
            if (version == schema_version) {
                db_->commit();
                return;
            }
            db_->exec(migrations[static_cast<std::size_t>(version)]);
            db_->set_schema_version(version + 1);
            db_->commit();
        } catch (...) {
            db_->rollback();
            throw;
        }
    }
}

void Store::record(const std::vector<core::JournalEntry>& batch) {
    if (batch.empty())
        return;
    std::lock_guard lock(mutex_);
    db_->begin();
    try {
        BatchRecorder recorder(*db_);
        for (const auto& entry : batch)
            std::visit(recorder, entry);
        recorder.finish();
        db_->commit();
    } catch (...) {
        db_->rollback();
        throw;
    }
}

std::vector<GameRow> Store::recent_games(int limit, bool finished_only) {
    std::lock_guard lock(mutex_);
    const auto s = db_->prepare(std::string(game_columns) +
                                (finished_only ? "WHERE g.finished_at IS NOT NULL " : "") +
                                "ORDER BY g.started_at DESC, g.id DESC LIMIT $1");
    s->bind(1, limit);
    std::vector<GameRow> rows;
    while (s->step())
        rows.push_back(read_game_row(*s));
    return rows;
}

std::vector<GameRow> Store::games_of_host(std::string_view token, int limit) {
    std::lock_guard lock(mutex_);
    const auto s =
        db_->prepare(std::string(game_columns) +
                     "WHERE g.token_digest = $1 ORDER BY g.started_at DESC, g.id DESC LIMIT $2");
    s->bind(1, token_digest(token)).bind(2, limit);
    std::vector<GameRow> rows;
    while (s->step())
        rows.push_back(read_game_row(*s));
    return rows;
}

std::optional<GameRecord> Store::game(std::int64_t id) {
    std::lock_guard lock(mutex_);
    GameRecord record;
    {
        const auto s = db_->prepare(std::string(game_columns) + "WHERE g.id = $1");
        s->bind(1, id);
        if (!s->step())
            return std::nullopt;
        record.game = read_game_row(*s);
    }
    {
        const auto s = db_->prepare("SELECT settings FROM games WHERE id = $1");
        s->bind(1, id);
        if (s->step())
            record.settings_json = s->text(0);
    }
    {
        const auto s = db_->prepare(
            "SELECT idx, bank_id, text, reference, topics FROM questions WHERE game_id = $1 "
            "ORDER BY idx");
        s->bind(1, id);
        while (s->step()) {
            record.questions.push_back({static_cast<int>(s->integer(0)), s->text(1), s->text(2),
                                        s->text(3), split(s->text(4))});
        }
    }
    {
        const auto s = db_->prepare(
            "SELECT player, nickname, rank, points, correct, partial, wrong, unanswered, "
            "time_ms FROM results WHERE game_id = $1 ORDER BY rank");
        s->bind(1, id);
        while (s->step()) {
            record.results.push_back(
                ResultRow{s->integer(0), s->text(1), static_cast<int>(s->integer(2)),
                          static_cast<int>(s->integer(3)), static_cast<int>(s->integer(4)),
                          static_cast<int>(s->integer(5)), static_cast<int>(s->integer(6)),
                          static_cast<int>(s->integer(7)), s->integer(8)});
        }
    }
    {
        const auto s = db_->prepare(
            "SELECT question, player, nickname, elapsed_ms, choice, text, "
            "coalesce(verdict, ''), points, coalesce(comment, ''), tips FROM answers "
            "WHERE game_id = $1 ORDER BY question, elapsed_ms, player");
        s->bind(1, id);
        while (s->step()) {
            AnswerRow row;
            row.question = static_cast<int>(s->integer(0));
            row.player = s->integer(1);
            row.nickname = s->text(2);
            row.elapsed_ms = s->integer(3);
            if (!s->is_null(4))
                row.choice = static_cast<int>(s->integer(4));
            row.text = s->text(5);
            row.verdict = s->text(6);
            row.points = static_cast<int>(s->integer(7));
            row.comment = s->text(8);
            row.tips = split(s->text(9));
            record.answers.push_back(std::move(row));
        }
    }
    {
        const auto s =
            db_->prepare("SELECT body FROM summaries WHERE game_id = $1 ORDER BY player");
        s->bind(1, id);
        while (s->step()) {
            const auto decoded = protocol::decode_server_message(s->text(0));
            if (const auto* message = std::get_if<protocol::ServerMessage>(&decoded)) {
                if (const auto* summary = std::get_if<protocol::Summary>(message)) {
                    record.summaries.push_back(*summary);
                }
            }
        }
    }
    {
        std::vector<std::int64_t> ids;
        const auto s = db_->prepare(
            "SELECT id, giver, receiver, went_well, work_on, given_at FROM feedback "
            "WHERE game_id = $1 ORDER BY given_at, id");
        s->bind(1, id);
        while (s->step()) {
            ids.push_back(s->integer(0));
            record.feedback.push_back(
                FeedbackRow{s->text(1), s->text(2), {}, s->text(3), s->text(4), s->integer(5)});
        }
        const auto ratings = db_->prepare(
            "SELECT r.feedback_id, r.area, r.score FROM feedback_ratings r "
            "JOIN feedback f ON f.id = r.feedback_id WHERE f.game_id = $1 "
            "ORDER BY r.feedback_id, r.idx");
        ratings->bind(1, id);
        while (ratings->step()) {
            const auto at = std::find(ids.begin(), ids.end(), ratings->integer(0));
            if (at != ids.end()) {
                record.feedback[static_cast<std::size_t>(at - ids.begin())].ratings.push_back(
                    protocol::Rating{ratings->text(1), static_cast<int>(ratings->integer(2))});
            }
        }
    }
    return record;
}

bool Store::has_game(std::int64_t id) {
    std::lock_guard lock(mutex_);
    const auto s = db_->prepare("SELECT 1 FROM games WHERE id = $1");
    s->bind(1, id);
    return s->step();
}

bool Store::is_host_of(std::int64_t id, std::string_view token) {
    std::string stored;
    {
        std::lock_guard lock(mutex_);
        const auto s = db_->prepare("SELECT token_digest FROM games WHERE id = $1");
        s->bind(1, id);
        if (!s->step())
            return false;
        stored = s->text(0);
    }
    return common::constant_time_equal(stored, token_digest(token));
}

std::optional<SoloRun> Store::personal_best(std::string_view identity, std::string_view config) {
    std::lock_guard lock(mutex_);
    const auto s =
        db_->prepare(std::string("SELECT game_id, nickname, bank, points, correct, "
                                 "run_ms, finished_at, 0 FROM solo_runs WHERE ") +
                     counted_runs + " AND identity = $2 ORDER BY points DESC, run_ms ASC LIMIT 1");
    s->bind(1, config).bind(2, identity);
    if (s->step())
        return read_solo(*s);
    return std::nullopt;
}

int Store::solo_run_count(std::string_view identity, std::string_view config) {
    std::lock_guard lock(mutex_);
    const auto s = db_->prepare(std::string("SELECT count(*) FROM solo_runs WHERE ") +
                                counted_runs + " AND identity = $2");
    s->bind(1, config).bind(2, identity);
    s->step();
    return static_cast<int>(s->integer(0));
}

std::vector<core::learning::StoredCard> Store::cards(std::string_view identity,
                                                     std::string_view bank) {
    std::lock_guard lock(mutex_);
    const auto query = db_->prepare(std::string("SELECT question, ") + card_columns +
                                    " FROM cards WHERE identity = $1 AND bank = $2");
    query->bind(1, identity).bind(2, bank);
    std::vector<core::learning::StoredCard> cards;
    while (query->step())
        cards.push_back({query->text(0), read_card(*query, 1)});
    return cards;
}

std::optional<protocol::PersonalBest> Store::personal_best_of(const core::GameFinished& run) {
    // Without an identity a run is nobody's: a nickname alone never opens anyone's best.
    const auto identity = identity_of(run, 0);
    if (run.standings.empty() || !identity)
        return std::nullopt;
    const auto& standing = run.standings.front();
    std::lock_guard lock(mutex_);
    const auto game = find_game(*db_, run.code, run.round);
    if (!game)
        return std::nullopt;
    const auto own = db_->prepare("SELECT config FROM solo_runs WHERE game_id = $1");
    own->bind(1, *game);
    if (!own->step())
        return std::nullopt;
    const auto others =
        db_->prepare(std::string("SELECT count(*), max(points) FROM solo_runs WHERE ") +
                     counted_runs + " AND identity = $2 AND game_id != $3");
    others->bind(1, own->text(0)).bind(2, *identity).bind(3, *game);
    others->step();
    protocol::PersonalBest best{standing.points, std::nullopt, true, 0, run.clock_changed};
    best.runs = static_cast<int>(others->integer(0));
    if (best.runs > 0) {
        const int previous = static_cast<int>(others->integer(1));
        best.previous = previous;
        best.new_best = standing.points > previous;
    }
    if (best.not_counted)
        best.new_best = false;
    return best;
}

std::vector<SoloRun> Store::solo_leaderboard(std::string_view config, int limit) {
    std::lock_guard lock(mutex_);
    // Each identity's best counted run (most points, then fastest), best first, shown under the
    // identity's most recent nickname.
    const auto s = db_->prepare(
        std::string("SELECT b.game_id, (SELECT l.nickname FROM solo_runs l WHERE "
                    "l.identity = b.identity ORDER BY l.finished_at DESC, l.game_id DESC "
                    "LIMIT 1), b.bank, b.points, b.correct, b.run_ms, b.finished_at, b.runs "
                    "FROM (SELECT *, row_number() OVER (PARTITION BY identity ORDER BY "
                    "points DESC, run_ms ASC, game_id ASC) AS n, count(*) OVER (PARTITION "
                    "BY identity) AS runs FROM solo_runs WHERE ") +
        counted_runs +
        ") b WHERE b.n = 1 ORDER BY b.points DESC, b.run_ms ASC, b.game_id ASC LIMIT $2");
    s->bind(1, config).bind(2, limit);
    std::vector<SoloRun> runs;
    while (s->step())
        runs.push_back(read_solo(*s));
    return runs;
}

}  // namespace rapidfire::store
