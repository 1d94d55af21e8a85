// The real binary as a child process: it prints where it listens, and on SIGTERM in the middle
// of a game closes every client with 1012 "service restart" and exits 0 within 5 seconds.

#include <gtest/gtest.h>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>

#include "game_steps.hpp"
#include "test_server.hpp"

extern char** environ;

namespace rapidfire::test {
namespace {

// rapidfire-server with --port 0, its stdout on a pipe. Killed if the test ends early.
class ServerProcess {
  public:
    explicit ServerProcess(std::vector<std::string> extra_args = {}) {
        int fds[2];
        if (pipe(fds) != 0)
            throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<std::string> args = {
            RAPIDFIRE_SERVER_BINARY, "--host", "127.0.0.1", "--port", "0", "--log-level", "warn"};
        args.insert(args.end(), extra_args.begin(), extra_args.end());
        std::vector<char*> argv;
        for (auto& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        const int spawned =
            posix_spawn(&pid_, RAPIDFIRE_SERVER_BINARY, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        out_ = fds[0];
        if (spawned != 0)
            throw std::runtime_error("cannot start " RAPIDFIRE_SERVER_BINARY);
    }

    ~ServerProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        close(out_);
    }

    // The first line of stdout, within the timeout.
    std::string first_line(Millis timeout) {
        std::string line;
        const auto deadline = Clock::now() + timeout;
        while (line.find('\n') == std::string::npos) {
            const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now());
            if (left <= Millis::zero())
                throw std::runtime_error("no output from the server");
            pollfd fd{out_, POLLIN, 0};
            if (poll(&fd, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char chunk[256];
            const auto n = read(out_, chunk, sizeof chunk);
            if (n <= 0)
                throw std::runtime_error("the server closed its output: " + line);
            line.append(chunk, static_cast<std::size_t>(n));
        }
        return line.substr(0, line.find('\n'));
    }

    void signal(int number) { kill(pid_, number); }

    // The exit status once the process ends within the timeout; nullopt if it is still running.
    std::optional<int> wait_exit(Millis timeout) {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(20ms);
        }
        return std::nullopt;
    }

  private:
    pid_t pid_ = -1;
    int out_ = -1;
};

std::uint16_t port_from(const std::string& line) {
    static const std::regex pattern(R"(^listening on 127\.0\.0\.1:(\d+)$)");
    std::smatch match;
    if (!std::regex_match(line, match, pattern))
        throw std::runtime_error("bad line: " + line);
    return static_cast<std::uint16_t>(std::stoi(match[1]));
}

TEST(Shutdown, SigtermClosesClientsWith1012AndExitsZero) {
    ServerProcess server({"--threads", "2"});
    const auto port = port_from(server.first_line(10s));

    TestClient host(port);
    host.expect<protocol::Welcome>();
    protocol::RoundSettings settings;
    settings.seconds = 60;
    const auto created = create_room(host, protocol::RoomKind::quiz, "Host", settings);
    TestClient player(port);
    player.expect<protocol::Welcome>();
    join_room(player, created.code, "Player");
    host.send(protocol::Start{created.host_token});
    player.wait_for<protocol::Question>();

    const auto signalled = Clock::now();
    server.signal(SIGTERM);
    EXPECT_EQ(player.wait_closed(5s), 1012);
    EXPECT_EQ(player.close_reason(), "service restart");
    EXPECT_EQ(host.wait_closed(5s), 1012);
    EXPECT_EQ(server.wait_exit(5s), 0);
    EXPECT_LT(Clock::now() - signalled, 5s);
}

TEST(Shutdown, SigintWithAnIdleServerExitsZero) {
    ServerProcess server;
    port_from(server.first_line(10s));
    server.signal(SIGINT);
    EXPECT_EQ(server.wait_exit(5s), 0);
}

TEST(Shutdown, InProcessStopFlushesQueuedMessagesThenCloses1012) {
    TestServer server;
    auto host = server.client();
    create_room(*host, protocol::RoomKind::quiz, "Host", {});
    auto idle = server.client();
    // Queued before the stop: delivered before the close frame.
    host->send(protocol::Ping{77});
    const auto deadline = Clock::now() + 2s;
    while (http_get(server.port(), "/metrics").body.find("rapidfire_messages_received_total 2") ==
               std::string::npos &&
           Clock::now() < deadline) {
        std::this_thread::sleep_for(10ms);
    }
    const auto stopped = Clock::now();
    server.stop();
    EXPECT_EQ(host->wait_for<protocol::Pong>().nonce, 77);
    EXPECT_EQ(host->wait_closed(), 1012);
    EXPECT_EQ(host->close_reason(), "service restart");
    EXPECT_EQ(idle->wait_closed(), 1012);
    EXPECT_LT(Clock::now() - stopped, 2s);  // far from the 4 s deadline: nobody was cut
}

}  // namespace
}  // namespace rapidfire::test
