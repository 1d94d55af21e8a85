// The player's identity: one random secret, made once, kept private, read back every time.

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "file_mode.hpp"
#include "rapidfire/client/identity.hpp"
#include "rapidfire/protocol/limits.hpp"
#include "scratch_dir.hpp"

namespace rapidfire::client {
namespace {

namespace fs = std::filesystem;
using test::mode_of;

TEST(Identity, ASecretIsRandomBase64UrlAndValid) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const std::string secret = new_identity_secret();
        EXPECT_EQ(secret.size(), 43u);  // 256 bits
        EXPECT_TRUE(protocol::is_valid_identity(secret)) << secret;
        seen.insert(secret);
    }
    EXPECT_EQ(seen.size(), 50u);
}

TEST(Identity, TheFileIsCreatedOncePrivateAndReused) {
    test::ScratchDir folder("state");
    const fs::path file = folder.path() / "state" / "rapidfire" / "identity";
    const std::string first = load_or_create_identity(file);
    EXPECT_TRUE(protocol::is_valid_identity(first));
    EXPECT_EQ(mode_of(file), 0600u);
    EXPECT_EQ(mode_of(file.parent_path()), 0700u);
    std::ifstream in(file);
    std::string stored;
    std::getline(in, stored);
    EXPECT_EQ(stored, first);
    // Every later command reads the same secret; nothing else is left in the folder.
    EXPECT_EQ(load_or_create_identity(file), first);
    EXPECT_EQ(load_or_create_identity(file), first);
    EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator{}),
              1);
}

TEST(Identity, ClientsStartingTogetherShareOneSecret) {
    test::ScratchDir folder("state");
    const fs::path file = folder.path() / "identity";
    const fs::path answers = folder.path() / "answers";
    fs::create_directories(answers);
    std::vector<pid_t> children;
    for (int i = 0; i < 8; ++i) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            try {
                std::ofstream(answers / std::to_string(i)) << load_or_create_identity(file);
                _exit(0);
            } catch (...) {
                _exit(1);
            }
        }
        children.push_back(child);
    }
    for (const pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    std::set<std::string> secrets;
    for (const auto& entry : fs::directory_iterator(answers)) {
        std::ifstream in(entry.path());
        std::string secret;
        std::getline(in, secret);
        secrets.insert(secret);
    }
    ASSERT_EQ(secrets.size(), 1u);
    EXPECT_EQ(*secrets.begin(), load_or_create_identity(file));
}

TEST(Identity, AFileThatHoldsNoIdentityIsNeverOverwritten) {
    test::ScratchDir folder("state");
    const fs::path file = folder.path() / "identity";
    std::ofstream(file) << "not a secret\n";
    EXPECT_THROW(load_or_create_identity(file), std::runtime_error);
    std::ifstream in(file);
    std::string kept;
    std::getline(in, kept);
    EXPECT_EQ(kept, "not a secret");
}

}  // namespace
}  // namespace rapidfire::client
