#include "sqlite_database.hpp"

#include <chrono>
#include <system_error>
#include <thread>

#include <sqlite3.h>

#include "rapidfire/store/store.hpp"
#include "schema.hpp"

namespace rapidfire::store::detail {

namespace {

// Another connection holds the lock: worth trying again. Anything else is a mistake in the
// SQL or the data, or a broken file.
StoreError sqlite_error(sqlite3* db, int rc, std::string_view what) {
    const int primary = rc & 0xff;
    return StoreError("sqlite " + std::string(what) + ": " + sqlite3_errmsg(db),
                      primary == SQLITE_BUSY || primary == SQLITE_LOCKED);
}

// The queries number their parameters $1, $2...: in SQLite, $1 would be a named parameter
// numbered by first appearance, where ?1 is parameter 1 whatever the order.
std::string numbered_parameters(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote != 0) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            out += '?';
            continue;
        }
        out += c;
    }
    return out;
}

class SqliteQuery final : public Query {
  public:
    SqliteQuery(sqlite3* db, std::string_view sql) : db_(db) {
        const std::string numbered = numbered_parameters(sql);
        const int rc = sqlite3_prepare_v2(db, numbered.c_str(), static_cast<int>(numbered.size()),
                                          &stmt_, nullptr);
        if (rc != SQLITE_OK)
            throw sqlite_error(db, rc, "prepare");
    }
    ~SqliteQuery() override { sqlite3_finalize(stmt_); }
    SqliteQuery(const SqliteQuery&) = delete;
    SqliteQuery& operator=(const SqliteQuery&) = delete;

    bool step() override {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        throw sqlite_error(db_, rc, "step");
    }
    void reset() override {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
    double real(int column) const override { return sqlite3_column_double(stmt_, column); }
    bool is_null(int column) const override {
        return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
    }
    std::string text(int column) const override {
        const auto* p = sqlite3_column_text(stmt_, column);
        return p == nullptr
                   ? std::string()
                   : std::string(reinterpret_cast<const char*>(p),
                                 static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
    }

  protected:
    void bind_integer(int index, std::int64_t value) override {
        check(sqlite3_bind_int64(stmt_, index, value));
    }
    void bind_text(int index, std::string_view value) override {
        check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                SQLITE_TRANSIENT));
    }
    void bind_real(int index, double value) override {
        check(sqlite3_bind_double(stmt_, index, value));
    }
    void bind_null(int index) override { check(sqlite3_bind_null(stmt_, index)); }

  private:
    void check(int rc) {
        if (rc != SQLITE_OK)
            throw sqlite_error(db_, rc, "bind");
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

SqliteDatabase::SqliteDatabase(const std::filesystem::path& file) : file_(file) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec)
        throw StoreError("cannot create " + file.parent_path().string() + ": " + ec.message());
    if (sqlite3_open_v2(file_.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw StoreError("cannot open " + file_.string() + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    try {
        // WAL: readers do not block the writer; NORMAL sync: a committed batch survives a
        // crash of the process (not necessarily of the machine), at a fraction of FULL's cost.
        set_wal_mode();
        exec("PRAGMA synchronous = NORMAL");
        exec("PRAGMA foreign_keys = ON");
    } catch (...) {
        // No destructor runs for a constructor that throws: close the connection here.
        sqlite3_close(db_);
        throw;
    }
}

SqliteDatabase::~SqliteDatabase() {
    sqlite3_close(db_);
}

void SqliteDatabase::set_wal_mode() {
    // Switching a new file to WAL needs an exclusive lock, and SQLite answers a second
    // connection doing the same at that moment with SQLITE_BUSY at once, without its busy
    // handler (waiting could deadlock): servers starting together take turns here instead.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    for (;;) {
        const int rc = sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            return;
        if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline)
            throw sqlite_error(db_, rc, "journal_mode");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

std::unique_ptr<Query> SqliteDatabase::prepare(std::string_view sql) {
    return std::make_unique<SqliteQuery>(db_, sql);
}

void SqliteDatabase::exec(std::string_view sql) {
    const std::string statements(sql);
    const int rc = sqlite3_exec(db_, statements.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw sqlite_error(db_, rc, "exec");
}

void SqliteDatabase::begin() {
    // IMMEDIATE: the write lock is taken now, so a busy database fails here and not at the
    // first write, and two servers starting together take turns migrating.
    exec("BEGIN IMMEDIATE");
}

void SqliteDatabase::commit() {
    exec("COMMIT");
}

void SqliteDatabase::rollback() noexcept {
    // Some errors (a full disk, an I/O error) end the transaction themselves.
    if (sqlite3_get_autocommit(db_) == 0)
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteDatabase::lock_schema() {
    // BEGIN IMMEDIATE already holds the only write lock.
}

int SqliteDatabase::schema_version() {
    SqliteQuery version(db_, "PRAGMA user_version");
    version.step();
    return static_cast<int>(version.integer(0));
}

void SqliteDatabase::set_schema_version(int version) {
    exec("PRAGMA user_version = " + std::to_string(version));
}

std::span<const char* const> SqliteDatabase::migrations() const {
    return sqlite_migrations;
}

std::string SqliteDatabase::describe() const {
    return file_.string();
}

}  // namespace rapidfire::store::detail
