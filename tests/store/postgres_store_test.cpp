// What only PostgreSQL has: a URL to open it by, a password kept off the command line, a
// server that restarts under a connected store, and text that cannot hold U+0000.

#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "journal_entries.hpp"
#include "rapidfire/store/store.hpp"
#include "test_database.hpp"

namespace rapidfire::store {
namespace {

using protocol::RoomKind;

// Sets an environment variable for the test's duration.
class ScopedEnvironment {
  public:
    ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name))
            old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(StoreOnPostgres, RefusesAUrlCarryingAPassword) {
    for (const std::string url : {"postgresql://rapidfire:hunter2@127.0.0.1:1/record",
                                  "postgres://rapidfire@127.0.0.1:1/record?password=hunter2"}) {
        try {
            Store::open(url);
            ADD_FAILURE() << "opened " << url;
        } catch (const StoreError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("PGPASSWORD"), std::string::npos) << message;
            EXPECT_NE(message.find("PGPASSFILE"), std::string::npos) << message;
            EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
            EXPECT_FALSE(e.retryable());
        }
        EXPECT_TRUE(postgresql_url_problem(url).has_value());
    }
    EXPECT_FALSE(postgresql_url_problem("postgresql://rapidfire@db.example:5433/record"));
    EXPECT_TRUE(postgresql_url_problem("mysql://rapidfire@db.example/record"));
    EXPECT_TRUE(is_postgresql_url("postgres://db/record"));
    EXPECT_FALSE(is_postgresql_url("/var/lib/rapidfire"));
}

TEST(StoreOnPostgres, TakesItsPasswordFromAPasswordFile) {
    auto& cluster = shared_cluster();
    // Roles belong to the whole cluster, which other test processes share.
    const std::string owner = "owner_" + std::to_string(::getpid());
    const std::string name = "owned_" + std::to_string(::getpid());
    cluster.create_password_role(owner, "correct horse");
    cluster.create_database(name, owner);
    const std::string url = cluster.url(name, owner);
    test::ScratchDir dir;
    const auto file = dir.path() / "pgpass";
    {
        std::ofstream pass(file);
        pass << "127.0.0.1:" << cluster.port() << ":" << name << ":" << owner << ":correct horse\n";
    }
    std::filesystem::permissions(
        file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    {
        // Neither the environment's password nor a file: the role cannot log in.
        const ScopedEnvironment no_file("PGPASSFILE", (dir.path() / "none").string());
        EXPECT_THROW(Store::open(url), StoreError);
    }
    const ScopedEnvironment password_file("PGPASSFILE", file.string());
    const auto store = Store::open(url);
    EXPECT_EQ(store->current_schema_version(), Store::schema_version);
    EXPECT_EQ(store->describe(), url);
    store->record({started("QUIZ01", RoomKind::quiz, 1)});
    EXPECT_EQ(store->recent_games(10).size(), 1u);
}

TEST(StoreOnPostgres, AConnectedStoreOutlivesARestartOfTheServer) {
    test::PostgresCluster cluster;
    const TestDatabase database(Backend::postgresql, &cluster);
    const auto store = database.open();
    store->record({started("QUIZ01", RoomKind::quiz, 1)});

    cluster.stop();
    try {
        store->recent_games(10);
        ADD_FAILURE() << "read a stopped database";
    } catch (const StoreError& e) {
        EXPECT_TRUE(e.retryable()) << e.what();
    }
    try {
        store->record({started("QUIZ02", RoomKind::quiz, 2)});
        ADD_FAILURE() << "wrote to a stopped database";
    } catch (const StoreError& e) {
        EXPECT_TRUE(e.retryable()) << e.what();
    }
    try {
        database.open();
        ADD_FAILURE() << "opened a stopped database";
    } catch (const StoreError& e) {
        EXPECT_TRUE(e.retryable()) << e.what();
    }

    cluster.start();
    // The next query connects again by itself.
    EXPECT_EQ(store->recent_games(10).size(), 1u);
    store->record({started("QUIZ02", RoomKind::quiz, 2)});
    EXPECT_EQ(store->recent_games(10).size(), 2u);
}

TEST(StoreOnPostgres, AnIdleConnectionCutByARestartIsOpenedAgainUnnoticed) {
    test::PostgresCluster cluster;
    const TestDatabase database(Backend::postgresql, &cluster);
    const auto store = database.open();
    store->record({started("QUIZ01", RoomKind::quiz, 1)});
    cluster.stop();
    cluster.start();
    EXPECT_EQ(store->recent_games(10).size(), 1u);
    store->record({started("QUIZ02", RoomKind::quiz, 2)});
    EXPECT_EQ(store->recent_games(10).size(), 2u);
}

TEST(StoreOnPostgres, ACharacterTextCannotHoldBecomesAReplacementCharacter) {
    const TestDatabase database(Backend::postgresql);
    const auto store = database.open();
    auto given = answer("QUIZ01", 1);
    given.text = std::string("before\0after", 12);
    store->record({started("QUIZ01", RoomKind::quiz, 1), given});
    const auto record = store->game(store->recent_games(1).at(0).id);
    ASSERT_EQ(record->answers.size(), 1u);
    EXPECT_EQ(record->answers[0].text,
              "before\xEF\xBF\xBD"
              "after");
}

}  // namespace
}  // namespace rapidfire::store
