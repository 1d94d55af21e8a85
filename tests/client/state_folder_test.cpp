// The client's private state folder: where it is, and the lock that lets clients running at
// once change its files one at a time.

#include <cstdlib>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "rapidfire/client/identity.hpp"
#include "rapidfire/client/remembered_rooms.hpp"
#include "rapidfire/client/remembered_seats.hpp"
#include "rapidfire/client/state_folder.hpp"

namespace rapidfire::client {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for the life of the object, then puts the old value back.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name))
            old_ = old;
        ::setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(StateFolder, FollowsXdgStateHomeElseHome) {
    {
        const ScopedEnv state("XDG_STATE_HOME", "/srv/state");
        EXPECT_EQ(state_file("seats"), fs::path("/srv/state/rapidfire/seats"));
    }
    const ScopedEnv state("XDG_STATE_HOME", "relative/is/ignored");
    const ScopedEnv home("HOME", "/home/sam");
    EXPECT_EQ(state_file("seats"), fs::path("/home/sam/.local/state/rapidfire/seats"));
    // Every file the client keeps is in that one folder.
    EXPECT_EQ(identity_file(), fs::path("/home/sam/.local/state/rapidfire/identity"));
    EXPECT_EQ(remembered_rooms_file(), fs::path("/home/sam/.local/state/rapidfire/hosted"));
    EXPECT_EQ(remembered_seats_file(), fs::path("/home/sam/.local/state/rapidfire/seats"));
}

}  // namespace
}  // namespace rapidfire::client
