#pragma once
// The record in one SQLite file: WAL mode, the schema version in PRAGMA user_version.

#include <filesystem>

#include "database.hpp"

struct sqlite3;

namespace rapidfire::store::detail {

class SqliteDatabase final : public Database {
  public:
    // Opens (creating if needed) the file and its folder.
    explicit SqliteDatabase(const std::filesystem::path& file);
    ~SqliteDatabase() override;
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

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

  private:
    void set_wal_mode();

    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

}  // namespace rapidfire::store::detail
