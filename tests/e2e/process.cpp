#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace rapidfire::e2e {

namespace {

using Clock = std::chrono::steady_clock;

// Our environment with `extra` (NAME=VALUE) added or replacing what is there.
std::vector<std::string> environment_with(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        bool replaced = false;
        for (const auto& x : extra)
            replaced = replaced || x.substr(0, x.find('=')) == name;
        if (!replaced)
            env.push_back(entry);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

[[noreturn]] void exec_child(const std::string& path, std::vector<std::string> args,
                             std::vector<std::string> env) {
    args.insert(args.begin(), path);
    auto argv = pointers(args);
    auto envp = pointers(env);
    ::execve(path.c_str(), argv.data(), envp.data());
    ::_exit(127);
}

void set_nonblocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

Timeout left_until(Clock::time_point deadline) {
    return std::max(Timeout(0), std::chrono::duration_cast<Timeout>(deadline - Clock::now()));
}

}  // namespace

std::unique_ptr<Process> Process::start(const std::string& path,
                                        const std::vector<std::string>& args,
                                        const std::vector<std::string>& env) {
    ::signal(SIGPIPE, SIG_IGN);  // a child that is gone must not take the test with it
    int in[2];
    int out[2];
    int err[2];
    // Close-on-exec, so that no other child inherits these ends (stdin's EOF depends on it).
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 ||
        ::pipe2(err, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    auto environment = environment_with(env);
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        exec_child(path, args, std::move(environment));
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    std::unique_ptr<Process> p(new Process());
    p->pid_ = pid;
    p->stdin_ = in[1];
    p->stdout_ = out[0];
    p->stderr_ = err[0];
    set_nonblocking(p->stdout_);
    set_nonblocking(p->stderr_);
    return p;
}

std::unique_ptr<Process> Process::start_in_terminal(const std::string& path,
                                                    const std::vector<std::string>& args,
                                                    const std::vector<std::string>& env, int rows,
                                                    int columns) {
    ::signal(SIGPIPE, SIG_IGN);
    auto environment = environment_with(env);
    winsize size{};
    size.ws_row = static_cast<unsigned short>(rows);
    size.ws_col = static_cast<unsigned short>(columns);
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
    if (pid < 0)
        throw std::runtime_error("forkpty failed");
    if (pid == 0)
        exec_child(path, args, std::move(environment));
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    std::unique_ptr<Process> p(new Process());
    p->pid_ = pid;
    p->terminal_ = master;
    p->stdout_ = master;
    set_nonblocking(master);
    return p;
}

Process::~Process() {
    if (!exit_code_ && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    if (terminal_ >= 0) {
        ::close(terminal_);
        if (stdout_ == terminal_)
            stdout_ = -1;
    }
    for (const int fd : {stdin_, stdout_, stderr_}) {
        if (fd >= 0)
            ::close(fd);
    }
}

void Process::write(const std::string& text) {
    const int fd = terminal_ >= 0 ? terminal_ : stdin_;
    std::size_t done = 0;
    const auto deadline = Clock::now() + 5s;
    while (done < text.size() && fd >= 0 && Clock::now() < deadline) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            pump(10ms);
        } else {
            return;
        }
    }
}

void Process::close_stdin() {
    if (stdin_ >= 0)
        ::close(stdin_);
    stdin_ = -1;
}

bool Process::pump(Timeout timeout) {
    pollfd fds[2];
    int count = 0;
    if (stdout_ >= 0)
        fds[count++] = {stdout_, POLLIN, 0};
    if (stderr_ >= 0)
        fds[count++] = {stderr_, POLLIN, 0};
    if (count == 0)
        return false;
    if (::poll(fds, static_cast<nfds_t>(count), static_cast<int>(timeout.count())) <= 0) {
        return true;
    }
    for (int i = 0; i < count; ++i) {
        if (fds[i].revents == 0)
            continue;
        char buffer[4096];
        const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        const bool is_out = fds[i].fd == stdout_;
        if (n <= 0) {  // EOF, or EIO from a terminal whose child is gone
            if (terminal_ < 0 || !is_out)
                ::close(fds[i].fd);
            (is_out ? stdout_ : stderr_) = -1;
            continue;
        }
        if (is_out) {
            output_.append(buffer, static_cast<std::size_t>(n));
            pending_.append(buffer, static_cast<std::size_t>(n));
        } else {
            errors_.append(buffer, static_cast<std::size_t>(n));
        }
    }
    return stdout_ >= 0 || stderr_ >= 0;
}

std::optional<std::string> Process::read_line(Timeout timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const auto newline = pending_.find('\n');
        if (newline != std::string::npos) {
            std::string line = pending_.substr(0, newline);
            pending_.erase(0, newline + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            lines_.push_back(line);
            return line;
        }
        if (Clock::now() >= deadline)
            return std::nullopt;
        if (!pump(std::min(left_until(deadline), Timeout(100))) && stdout_ < 0) {
            if (pending_.empty())
                return std::nullopt;
            std::string line;
            line.swap(pending_);
            lines_.push_back(line);
            return line;
        }
    }
}

std::optional<std::string> Process::wait_for_line(const std::string& text, Timeout timeout) {
    const auto deadline = Clock::now() + timeout;
    while (auto line = read_line(left_until(deadline))) {
        if (line->find(text) != std::string::npos)
            return line;
    }
    return std::nullopt;
}

bool Process::wait_for_output(const std::string& text, Timeout timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        if (output_.find(text) != std::string::npos)
            return true;
        if (Clock::now() >= deadline)
            return false;
        if (!pump(std::min(left_until(deadline), Timeout(50))) && stdout_ < 0) {
            return output_.find(text) != std::string::npos;
        }
    }
}

std::optional<int> Process::wait_exit(Timeout timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!exit_code_) {
        int status = 0;
        const pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            break;
        }
        if (Clock::now() >= deadline)
            return std::nullopt;
        if (!pump(20ms))
            ::usleep(20'000);
    }
    while (pump(0ms) && (stdout_ >= 0 || stderr_ >= 0)) {
        // Drains what the process wrote before it ended; stops at EOF.
        if (Clock::now() >= deadline + 1s)
            break;
    }
    while (read_line(0ms)) {
        // Splits the rest of stdout into lines().
    }
    return exit_code_;
}

const std::string& Process::errors() {
    pump(0ms);
    return errors_;
}

std::string Process::transcript() {
    pump(0ms);
    return "--- stdout:\n" + output_ + "\n--- stderr:\n" + errors_;
}

}  // namespace rapidfire::e2e
