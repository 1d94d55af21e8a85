#include "postgres_database.hpp"

#include <array>
#include <charconv>

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include "postgres_url.hpp"
#include "rapidfire/store/store.hpp"
#include "schema.hpp"

namespace rapidfire::store::detail {

using Result = PostgresDatabase::Result;

namespace {

// Two servers starting together on one database migrate it one after the other.
constexpr std::int64_t migration_lock = 0x7261706964666972;  // "rapidfir"

// libpq's messages end in a newline and may continue on indented lines: one line for a log.
std::string one_line(const char* message) {
    std::string text;
    bool space = false;
    for (const char* c = message != nullptr ? message : ""; *c != '\0'; ++c) {
        if (*c == '\n' || *c == '\t' || *c == ' ') {
            space = !text.empty();
            continue;
        }
        if (space)
            text += ' ';
        space = false;
        text += *c;
    }
    return text;
}

bool succeeded(const PGresult* result) {
    const auto status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// Worth trying again later: the connection is gone, the server is starting, stopping or out of
// resources, or the transaction lost a race. Anything else is a mistake in the SQL or the data.
bool is_transient(std::string_view sqlstate) {
    return sqlstate.starts_with("08") ||  // connection exception
           sqlstate.starts_with("53") ||  // insufficient resources (disk, memory, connections)
           sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03" ||  // shutting down
           sqlstate == "40001" || sqlstate == "40P01";  // serialization failure, deadlock
}

StoreError postgres_error(PGconn* conn, const PGresult* result, std::string_view what) {
    const bool lost = PQstatus(conn) != CONNECTION_OK;
    const char* sqlstate =
        result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary =
        result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = "postgresql " + std::string(what) + ": ";
    if (primary != nullptr)
        message += one_line(primary) + " (" + (sqlstate != nullptr ? sqlstate : "?") + ")";
    else
        message += one_line(PQerrorMessage(conn));
    return StoreError(message, lost || (sqlstate != nullptr && is_transient(sqlstate)));
}

void log_notice(void*, const char* message) {
    spdlog::debug("postgresql: {}", one_line(message));
}

class PostgresQuery final : public Query {
  public:
    PostgresQuery(PostgresDatabase& db, std::string_view sql) : db_(db), sql_(sql) {}

    bool step() override {
        if (!result_) {
            result_ = db_.run(sql_, parameters_);
            row_ = -1;
        }
        return ++row_ < PQntuples(result_.get());
    }
    void reset() override {
        result_.reset();
        for (auto& parameter : parameters_)
            parameter.reset();
    }

    std::int64_t integer(int column) const override {
        const char* value = PQgetvalue(result_.get(), row_, column);
        const auto length = static_cast<std::size_t>(PQgetlength(result_.get(), row_, column));
        std::int64_t number = 0;
        std::from_chars(value, value + length, number);
        return number;
    }
    std::string text(int column) const override {
        return std::string(PQgetvalue(result_.get(), row_, column),
                           static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
    }
    double real(int column) const override {
        const char* value = PQgetvalue(result_.get(), row_, column);
        const auto length = static_cast<std::size_t>(PQgetlength(result_.get(), row_, column));
        double number = 0;
        std::from_chars(value, value + length, number);
        return number;
    }
    bool is_null(int column) const override {
        return PQgetisnull(result_.get(), row_, column) != 0;
    }

  protected:
    void bind_integer(int index, std::int64_t value) override {
        slot(index) = std::to_string(value);
    }
    void bind_text(int index, std::string_view value) override {
        // PostgreSQL's text holds no U+0000 (a text parameter would end there): it becomes
        // U+FFFD, so what follows it is kept.
        std::string& text = slot(index).emplace();
        text.reserve(value.size());
        for (const char c : value) {
            if (c == '\0')
                text += "\xEF\xBF\xBD";
            else
                text += c;
        }
    }
    void bind_real(int index, double value) override {
        // The shortest text that reads back as the same double.
        char text[32];
        const auto end = std::to_chars(text, text + sizeof text, value).ptr;
        slot(index) = std::string(text, end);
    }
    void bind_null(int index) override { slot(index).reset(); }

  private:
    std::optional<std::string>& slot(int index) {
        const auto i = static_cast<std::size_t>(index);
        if (parameters_.size() < i)
            parameters_.resize(i);
        return parameters_[i - 1];
    }

    PostgresDatabase& db_;
    std::string sql_;
    std::vector<std::optional<std::string>> parameters_;
    Result result_{nullptr, &PQclear};
    int row_ = -1;
};

}  // namespace

PostgresDatabase::PostgresDatabase(std::string_view url) : describe_(describe_postgresql_url(url)) {
    const std::string dbname(url);
    // Defaults come before the URL, which may override them: a host that does not answer
    // holds the store for 3 s per attempt, and a connection whose peer vanished is noticed
    // within a minute. The encoding comes after: the record is UTF-8 whatever the URL says.
    const std::array<const char*, 8> keywords = {
        "connect_timeout",  "application_name", "keepalives_idle", "keepalives_interval",
        "keepalives_count", "dbname",           "client_encoding", nullptr};
    const std::array<const char*, 8> values = {"3", "rapidfire",    "30",   "10",
                                               "3", dbname.c_str(), "UTF8", nullptr};
    conn_ = PQconnectdbParams(keywords.data(), values.data(), 1);
    if (conn_ == nullptr)
        throw StoreError("cannot connect to " + describe_ + ": out of memory");
    if (PQstatus(conn_) != CONNECTION_OK) {
        const std::string message = one_line(PQerrorMessage(conn_));
        PQfinish(conn_);
        throw StoreError("cannot connect to " + describe_ + ": " + message, true);
    }
    PQsetNoticeProcessor(conn_, &log_notice, nullptr);
}

PostgresDatabase::~PostgresDatabase() {
    PQfinish(conn_);
}

void PostgresDatabase::connect_again() {
    if (PQstatus(conn_) == CONNECTION_OK)
        return;
    if (in_transaction_) {
        // What the transaction wrote is gone with the connection: the caller starts it again.
        throw StoreError("postgresql: the connection was lost during a transaction", true);
    }
    PQreset(conn_);
    prepared_.clear();  // prepared statements belong to the old session
    if (PQstatus(conn_) != CONNECTION_OK)
        throw StoreError("cannot connect to " + describe_ + ": " + one_line(PQerrorMessage(conn_)),
                         true);
    spdlog::info("store: connected to {} again", describe_);
}

template <class Send>
Result PostgresDatabase::attempt(Send send, std::string_view what) {
    // A connection idle since the server restarted learns it only when used: outside a
    // transaction, nothing is lost by opening it again and sending once more.
    for (int attempt = 0;; ++attempt) {
        connect_again();
        Result result = send();
        if (result && succeeded(result.get()))
            return result;
        if (attempt == 0 && !in_transaction_ && PQstatus(conn_) != CONNECTION_OK)
            continue;
        throw postgres_error(conn_, result.get(), what);
    }
}

Result PostgresDatabase::run(const std::string& sql,
                             const std::vector<std::optional<std::string>>& parameters) {
    std::vector<const char*> values;
    values.reserve(parameters.size());
    for (const auto& parameter : parameters)
        values.push_back(parameter ? parameter->c_str() : nullptr);
    return attempt(
        [&] {
            auto name = prepared_.find(sql);
            if (name == prepared_.end()) {
                const std::string fresh = "rapidfire_" + std::to_string(prepared_.size() + 1);
                Result prepared(PQprepare(conn_, fresh.c_str(), sql.c_str(), 0, nullptr), &PQclear);
                if (!prepared || !succeeded(prepared.get()))
                    return prepared;
                name = prepared_.emplace(sql, fresh).first;
            }
            return Result(
                PQexecPrepared(conn_, name->second.c_str(), static_cast<int>(values.size()),
                               values.data(), nullptr, nullptr, 0),
                &PQclear);
        },
        "query");
}

Result PostgresDatabase::run_simple(const std::string& sql) {
    return attempt([&] { return Result(PQexec(conn_, sql.c_str()), &PQclear); }, "exec");
}

std::unique_ptr<Query> PostgresDatabase::prepare(std::string_view sql) {
    return std::make_unique<PostgresQuery>(*this, sql);
}

void PostgresDatabase::exec(std::string_view sql) {
    run_simple(std::string(sql));
}

void PostgresDatabase::begin() {
    run_simple("BEGIN");
    in_transaction_ = true;
}

void PostgresDatabase::commit() {
    // Whatever happens, the transaction is over: committed, or rolled back by the server.
    struct Ended {
        bool& in_transaction;
        ~Ended() { in_transaction = false; }
    } ended{in_transaction_};
    run_simple("COMMIT");
}

void PostgresDatabase::rollback() noexcept {
    in_transaction_ = false;
    if (PQstatus(conn_) == CONNECTION_OK)
        PQclear(PQexec(conn_, "ROLLBACK"));
}

void PostgresDatabase::lock_schema() {
    run_simple("SELECT pg_advisory_xact_lock(" + std::to_string(migration_lock) + ")");
    // Made under the lock, so the first servers to start do not race to create it.
    run_simple("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
}

int PostgresDatabase::schema_version() {
    PostgresQuery version(*this, "SELECT coalesce(max(version), 0) FROM schema_version");
    version.step();
    return static_cast<int>(version.integer(0));
}

void PostgresDatabase::set_schema_version(int version) {
    run_simple("DELETE FROM schema_version");
    run_simple("INSERT INTO schema_version (version) VALUES (" + std::to_string(version) + ")");
}

std::span<const char* const> PostgresDatabase::migrations() const {
    return postgres_migrations;
}

std::string PostgresDatabase::describe() const {
    return describe_;
}

}  // namespace rapidfire::store::detail
