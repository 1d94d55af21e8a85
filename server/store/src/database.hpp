#pragma once
// The seam between the record's queries and the database that holds them: one connection and
// its prepared queries, implemented for SQLite and PostgreSQL. The queries are written once,
// with $1, $2... placeholders and SQL both databases understand; each database brings its own
// migrations and keeps its own schema version.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rapidfire::store::detail {

// A prepared query: bind parameters (from 1), step through its rows, read columns (from 0).
// Errors are StoreErrors.
class Query {
  public:
    virtual ~Query() = default;

    Query& bind(int index, std::int64_t value) {
        bind_integer(index, value);
        return *this;
    }
    Query& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Query& bind(int index, double value) {
        bind_real(index, value);
        return *this;
    }
    Query& bind(int index, std::string_view value) {
        bind_text(index, value);
        return *this;
    }
    Query& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Query& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    template <class T>
    Query& bind(int index, const std::optional<T>& value) {
        if (value)
            return bind(index, *value);
        bind_null(index);
        return *this;
    }

    // Runs the query on the first call; true while there is a row to read.
    virtual bool step() = 0;
    void run() {
        while (step()) {
        }
    }
    // Ready to run again; every parameter is NULL until bound anew.
    virtual void reset() = 0;

    // A NULL reads as 0 or "".
    virtual std::int64_t integer(int column) const = 0;
    virtual std::string text(int column) const = 0;
    // Exactly the double bound (REAL in SQLite, DOUBLE PRECISION in PostgreSQL).
    virtual double real(int column) const = 0;
    virtual bool is_null(int column) const = 0;

  protected:
    virtual void bind_integer(int index, std::int64_t value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;
    virtual void bind_real(int index, double value) = 0;
    virtual void bind_null(int index) = 0;
};

// One connection. Not thread-safe: the Store uses it under its mutex.
class Database {
  public:
    virtual ~Database() = default;

    virtual std::unique_ptr<Query> prepare(std::string_view sql) = 0;
    // Runs statements that take no parameters and return no rows (several, separated by ';').
    virtual void exec(std::string_view sql) = 0;

    // A write transaction. rollback() never throws: it is called while another error is
    // on its way up.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;

    // Inside a transaction: keeps every other server from migrating until it ends.
    virtual void lock_schema() = 0;
    virtual int schema_version() = 0;
    virtual void set_schema_version(int version) = 0;
    // Migration N brings schema version N-1 to N.
    virtual std::span<const char* const> migrations() const = 0;

    // Where the database is, fit for a log line: never a password.
    virtual std::string describe() const = 0;
};

}  // namespace rapidfire::store::detail
