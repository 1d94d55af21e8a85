// A player at a real (pseudo-)terminal: the countdown redrawn in place, a single key to answer,
// the reveal, the leaderboard, the podium; and the terminal is left as it was found.

#include <termios.h>

#include <regex>

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

// The text a terminal would show, without colours and cursor movements.
std::string without_escapes(const std::string& text) {
    static const std::regex escape("\x1b\\[[0-9;?]*[A-Za-z]");
    return std::regex_replace(text, escape, "");
}

bool wait_for_screen(Process& p, const std::regex& pattern, Timeout timeout = 20s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (std::regex_search(without_escapes(p.output()), pattern))
            return true;
        p.wait_for_output("\x01", 100ms);  // just reads for a while
    }
    return false;
}

int count(const std::string& text, const std::string& part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

TEST_F(EndToEnd, InteractivePlayerSeesCountdownRevealAndLeaderboard) {
    std::unique_ptr<Process> host;
    const std::string code = host_room(host, {"host", "--questions", "1", "--seconds", "10",
                                              "--reveal", "2", "--name", "Quizmaster"});
    auto tty = Process::start_in_terminal(RAPIDFIRE_CLIENT_BIN,
                                          {"--url", url_, "join", code, "--name", "tty"},
                                          {"TERM=xterm", "NO_COLOR="}, 30, 120);
    ASSERT_TRUE(tty->wait_for_output("Waiting for the host to start")) << tty->output();
    ASSERT_TRUE(host->wait_for_line("players 1: tty")) << host->transcript();
    host->write_line("start");

    ASSERT_TRUE(tty->wait_for_output("Question 1/1")) << tty->output();
    // The bar: 30 cells and the seconds left, redrawn in place (carriage return, erase line).
    const std::regex bar(R"(\[[#-]{30}\] \d+\.\ds  your choice \(1-4\))");
    ASSERT_TRUE(wait_for_screen(*tty, bar)) << without_escapes(tty->output());
    const auto redraws = count(tty->output(), "\r\x1b[K");
    tty->wait_for_output("\x01", 600ms);
    EXPECT_GE(count(tty->output(), "\r\x1b[K"), redraws + 3) << "the countdown is not redrawn";
    EXPECT_NE(tty->output().find("\x1b[32m"), std::string::npos) << "no colours";

    tty->write("2");  // one key, no Enter
    ASSERT_TRUE(tty->wait_for_output("Answer: ")) << without_escapes(tty->output());
    ASSERT_TRUE(
        wait_for_screen(*tty, std::regex(R"((Correct!|Wrong\.) \+\d+ points, total \d+, rank 1)")))
        << without_escapes(tty->output());
    ASSERT_TRUE(tty->wait_for_output("Leaderboard")) << without_escapes(tty->output());
    ASSERT_TRUE(wait_for_screen(*tty, std::regex(R"(1\.\s+tty\s+\d+)")));
    ASSERT_TRUE(tty->wait_for_output("Game over")) << without_escapes(tty->output());
    ASSERT_TRUE(wait_for_screen(*tty, std::regex(R"(1st\s+tty)")))
        << without_escapes(tty->output());
    ASSERT_TRUE(tty->wait_for_output("You finished 1st of 1")) << without_escapes(tty->output());
    EXPECT_EQ(tty->wait_exit(), 0) << without_escapes(tty->output());
    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
}

// At a terminal c, p, w and a mark at once: a mark with a comment is typed after a '/'.
TEST_F(EndToEnd, InteractiveJudgeMarksWithASlashAndAComment) {
    auto host =
        Process::start_in_terminal(RAPIDFIRE_CLIENT_BIN,
                                   {"--url", url_, "host", "--mode", "judge", "--questions", "1",
                                    "--seconds", "10", "--reveal", "1", "--name", "Judy"},
                                   {"TERM=xterm", "NO_COLOR="}, 30, 120);
    const std::regex hint(
        "Players join with: rapidfire-client --url \\S+ join ([A-Z0-9]{6}) "
        "--name NAME");
    ASSERT_TRUE(wait_for_screen(*host, hint)) << without_escapes(host->output());
    std::smatch match;
    const std::string screen = without_escapes(host->output());
    ASSERT_TRUE(std::regex_search(screen, match, hint));
    const std::string code = match[1];
    EXPECT_NE(screen.find("--url " + url_ + " join"), std::string::npos) << screen;
    auto alice = client({"join", code, "--name", "alice"});
    ASSERT_TRUE(wait_for_screen(*host, std::regex("Players \\(1\\): alice")))
        << without_escapes(host->output());
    host->write("start\r");
    const auto q = next_question(*alice, 0);
    ASSERT_TRUE(q) << alice->transcript();
    alice->write_line("a guess");
    ASSERT_TRUE(wait_for_screen(*host, std::regex("\\[1/1\\] \"a guess\"")))
        << without_escapes(host->output());
    host->write("/p Right idea, spell out TPR/FPR\r");
    ASSERT_TRUE(alice->wait_for_line("comment: Right idea, spell out TPR/FPR"))
        << alice->transcript();
    EXPECT_EQ(alice->wait_exit(), 0) << alice->transcript();
    EXPECT_EQ(host->wait_exit(), 0) << without_escapes(host->output());
    EXPECT_EQ(without_escapes(host->output()).find("unknown command"), std::string::npos);
}

TEST_F(EndToEnd, CtrlCRestoresTheTerminal) {
    std::unique_ptr<Process> host;
    const std::string code = host_room(host, {"host"});
    auto tty = Process::start_in_terminal(RAPIDFIRE_CLIENT_BIN,
                                          {"--url", url_, "join", code, "--name", "tty"},
                                          {"TERM=xterm"}, 30, 120);
    ASSERT_TRUE(tty->wait_for_output("Waiting for the host to start")) << tty->output();
    termios raw{};
    ASSERT_EQ(::tcgetattr(tty->terminal_fd(), &raw), 0);
    EXPECT_EQ(raw.c_lflag & (ICANON | ECHO), 0u) << "keys are read one by one, without echo";
    tty->write("\x03");  // Ctrl-C
    EXPECT_EQ(tty->wait_exit(), 128 + SIGINT) << tty->output();
    termios after{};
    ASSERT_EQ(::tcgetattr(tty->terminal_fd(), &after), 0);
    EXPECT_EQ(after.c_lflag & (ICANON | ECHO), static_cast<tcflag_t>(ICANON | ECHO));
}

}  // namespace
}  // namespace rapidfire::e2e
