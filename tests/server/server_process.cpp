#include "server_process.hpp"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace rapidfire::test {

ServerProcess::ServerProcess(std::vector<std::string> extra_args) {
    int fds[2];
    if (pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> args = {RAPIDFIRE_SERVER_BINARY, "--host", "127.0.0.1", "--log-level",
                                     "warn"};
    // A free port unless the test names one (a server that comes back where it was).
    if (std::find(extra_args.begin(), extra_args.end(), "--port") == extra_args.end())
        args.insert(args.end(), {"--port", "0"});
    // No record unless a test asks for one.
    if (std::find(extra_args.begin(), extra_args.end(), "--data-dir") == extra_args.end()) {
        args.insert(args.end(), {"--data-dir", ""});
    }
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

ServerProcess::~ServerProcess() {
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    close(out_);
}

std::string ServerProcess::first_line(Millis timeout) {
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

std::uint16_t ServerProcess::wait_listening(Millis timeout) {
    return port_from(first_line(timeout));
}

void ServerProcess::signal(int number) {
    kill(pid_, number);
}

std::optional<int> ServerProcess::wait_exit(Millis timeout) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return std::nullopt;
}

std::uint16_t port_from(const std::string& line) {
    static const std::regex pattern(R"(^listening on 127\.0\.0\.1:(\d+)$)");
    std::smatch match;
    if (!std::regex_match(line, match, pattern))
        throw std::runtime_error("bad line: " + line);
    return static_cast<std::uint16_t>(std::stoi(match[1]));
}

}  // namespace rapidfire::test
