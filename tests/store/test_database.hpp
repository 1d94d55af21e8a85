#pragma once
// The databases the store's tests run on: a fresh, empty one per test, of either kind. The
// PostgreSQL ones live in one private cluster per test process, started on first use.

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "postgres_cluster.hpp"
#include "rapidfire/store/store.hpp"
#include "scratch_dir.hpp"

namespace rapidfire::store {

enum class Backend { sqlite, postgresql };

std::string name_of(Backend backend);
inline void PrintTo(Backend backend, std::ostream* out) {
    *out << name_of(backend);
}

// The cluster every PostgreSQL test database of this process lives in.
test::PostgresCluster& shared_cluster();

class TestDatabase {
  public:
    // A new database in `cluster` (the shared one by default) or a new SQLite folder.
    explicit TestDatabase(Backend backend, test::PostgresCluster* cluster = nullptr);

    Backend backend() const { return backend_; }
    // What Store::open takes: the data directory or the postgresql:// URL.
    const std::string& location() const { return location_; }
    std::unique_ptr<Store> open() const { return Store::open(location_); }
    // Runs SQL on the database behind the store's back (to set up what a test needs).
    void execute(const std::string& sql) const;

  private:
    Backend backend_;
    std::optional<test::ScratchDir> folder_;
    test::PostgresCluster* cluster_ = nullptr;
    std::string name_;
    std::string location_;
};

// Tests that run once on each database.
class OnEachDatabase : public ::testing::TestWithParam<Backend> {
  protected:
    Backend backend() const { return GetParam(); }
};

// Names the instances of a suite of OnEachDatabase tests after their database.
std::string database_name(const ::testing::TestParamInfo<Backend>& info);

}  // namespace rapidfire::store
