#include "test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <sqlite3.h>

namespace rapidfire::store {

std::string name_of(Backend backend) {
    return backend == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

std::string database_name(const ::testing::TestParamInfo<Backend>& info) {
    return name_of(info.param);
}

test::PostgresCluster& shared_cluster() {
    // The one ctest started for the whole run (see CMakeLists.txt), or else one of this
    // process's own, stopped when it exits.
    static test::PostgresCluster cluster = [] {
        const char* file = std::getenv("RAPIDFIRE_TEST_POSTGRES");
        std::string folder;
        if (file != nullptr && std::getline(std::ifstream(file), folder))
            return test::PostgresCluster(std::filesystem::path(folder));
        return test::PostgresCluster();
    }();
    return cluster;
}

TestDatabase::TestDatabase(Backend backend, test::PostgresCluster* cluster) : backend_(backend) {
    if (backend == Backend::sqlite) {
        folder_.emplace("store");
        location_ = folder_->path().string();
        return;
    }
    // Test processes share the cluster: a database's name says whose it is.
    static std::atomic<int> made{0};
    cluster_ = cluster != nullptr ? cluster : &shared_cluster();
    name_ = "record_" + std::to_string(::getpid()) + "_" + std::to_string(++made);
    cluster_->create_database(name_);
    location_ = cluster_->url(name_);
}

void TestDatabase::execute(const std::string& sql) const {
    if (backend_ == Backend::postgresql) {
        cluster_->execute(name_, sql);
        return;
    }
    sqlite3* db = nullptr;
    const auto file = folder_->path() / "rapidfire.sqlite3";
    char* error = nullptr;
    const bool ok = sqlite3_open(file.c_str(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK;
    const std::string message = error != nullptr ? error : (db ? sqlite3_errmsg(db) : "");
    sqlite3_free(error);
    sqlite3_close(db);
    if (!ok)
        throw std::runtime_error(sql + ": " + message);
}

}  // namespace rapidfire::store
