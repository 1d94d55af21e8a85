#pragma once
// The record in a PostgreSQL database, shared by several servers: one libpq connection,
// queries prepared once per connection by name, the schema version in a table of its own and
// migrations under an advisory lock. A lost connection is opened again by the next
// transaction or query.

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "database.hpp"

struct pg_conn;
struct pg_result;

namespace rapidfire::store::detail {

class PostgresDatabase final : public Database {
  public:
    // `url` is postgresql://... without a password (libpq takes it from PGPASSWORD or the
    // password file).
    explicit PostgresDatabase(std::string_view url);
    ~PostgresDatabase() override;
    PostgresDatabase(const PostgresDatabase&) = delete;
    PostgresDatabase& operator=(const PostgresDatabase&) = delete;

    std::unique_ptr<Query> prepare(std::string_view sql) override;
    void exec(std::string_view sql) override;
    void begin() override;
    void commit() override;
    void rollback() noexcept override;
    void lock_schema() override;
    int schema_version() override;
    void set_schema_version(int version) override;
    std::span<const char* const> migrations() const override;
    std::string describe() const override;

    using Result = std::unique_ptr<pg_result, void (*)(pg_result*)>;

    // Runs `sql`, prepared once per connection, with its parameters in text form (none: NULL).
    Result run(const std::string& sql, const std::vector<std::optional<std::string>>& parameters);

  private:
    // Opens the connection again if it was lost (never in the middle of a transaction).
    void connect_again();
    template <class Send>
    Result attempt(Send send, std::string_view what);
    Result run_simple(const std::string& sql);

    std::string describe_;
    pg_conn* conn_ = nullptr;
    bool in_transaction_ = false;
    std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

}  // namespace rapidfire::store::detail
