// Personal bests and the solo leaderboard through the real binaries: each user's client keeps
// its own identity secret, so two people who type the same name keep their own bests, and
// `leaderboard` shows the server's board for one run's settings.

#include <sys/stat.h>

#include <fstream>

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, BestsBelongToEachUsersIdentityAndTheLeaderboardShowsThem) {
    const std::string sams_state = scratch_ + "/state";  // the fixture's XDG_STATE_HOME
    const std::string others_state = "XDG_STATE_HOME=" + scratch_ + "/other-user";
    const std::vector<std::string> run = {"solo", "--name",  "sam", "--questions",
                                          "2",    "--total", "30"};
    // Plays a run of two questions to the end, every answer right or every one wrong.
    auto play_two = [&](std::unique_ptr<Process> solo, bool right) {
        for (int i = 1; i <= 2; ++i) {
            const auto q = next_question(*solo);
            if (!q) {
                ADD_FAILURE() << solo->transcript();
                return solo;
            }
            solo->write_line(std::to_string(right ? correct_choice(*q) : wrong_choice(*q)));
            EXPECT_TRUE(solo->wait_for_line("result ")) << solo->transcript();
        }
        EXPECT_EQ(solo->wait_exit(), 0) << solo->transcript();
        return solo;
    };

    auto first = play_two(client(run), true);
    EXPECT_EQ(count_lines(*first, "new personal best! "), 1) << first->transcript();
    // The secret was made once, private to the user.
    const std::string identity_file = sams_state + "/rapidfire/identity";
    struct stat info {};
    ASSERT_EQ(::stat(identity_file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    std::string secret;
    std::getline(std::ifstream(identity_file), secret);
    EXPECT_EQ(secret.size(), 43u);

    // Someone else typing "sam" does not see Sam's best: a first run of their own.
    auto impostor = play_two(client(run, {others_state}), false);
    EXPECT_EQ(count_lines(*impostor, "new personal best! 0 points (first run)"), 1)
        << impostor->transcript();

    // Sam again, now as "Sammy" and worse: compared with Sam's first run, same secret.
    auto again =
        play_two(client({"solo", "--name", "Sammy", "--questions", "2", "--total", "30"}), false);
    EXPECT_EQ(count_lines(*again, "best so far: "), 1) << again->transcript();
    std::string kept;
    std::getline(std::ifstream(identity_file), kept);
    EXPECT_EQ(kept, secret);  // reused, not made again

    // The board of these settings: one row per person, Sam under the latest name, best first.
    auto board = client({"leaderboard", "--questions", "2", "--total", "30"});
    EXPECT_EQ(board->wait_exit(), 0) << board->transcript();
    const auto& lines = board->lines();
    ASSERT_EQ(lines.size(), 4u) << board->transcript();
    EXPECT_NE(lines[0].find("2 questions, one clock of 30 s, all topics"), std::string::npos)
        << lines[0];
    EXPECT_EQ(lines[1].rfind("rank  player", 0), 0u) << lines[1];
    EXPECT_NE(lines[2].find("Sammy"), std::string::npos) << lines[2];
    EXPECT_NE(lines[3].find("sam "), std::string::npos) << lines[3];
    EXPECT_EQ(board->output().find(secret), std::string::npos);

    // Other settings are other boards.
    auto self = client({"leaderboard", "--mode", "self", "--questions", "2", "--total", "30"});
    EXPECT_EQ(self->wait_exit(), 0) << self->transcript();
    EXPECT_EQ(count_lines(*self, "no runs yet with these settings"), 1) << self->transcript();
    auto wrong = client({"leaderboard", "--topic", "no-such-topic"});
    EXPECT_EQ(wrong->wait_exit(), 1) << wrong->transcript();
}

}  // namespace
}  // namespace rapidfire::e2e
