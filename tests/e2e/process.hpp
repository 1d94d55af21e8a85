#pragma once
// A child process for end-to-end tests: started with pipes (or a pseudo-terminal) for its
// standard streams, read with timeouts, and killed when the test is done with it.

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rapidfire::e2e {

using namespace std::chrono_literals;
using Timeout = std::chrono::milliseconds;

class Process {
  public:
    // stdin, stdout and stderr are pipes. `env` entries (NAME=VALUE) are added to ours.
    static std::unique_ptr<Process> start(const std::string& path,
                                          const std::vector<std::string>& args,
                                          const std::vector<std::string>& env = {});
    // stdin, stdout and stderr are one pseudo-terminal of the given size.
    static std::unique_ptr<Process> start_in_terminal(const std::string& path,
                                                      const std::vector<std::string>& args,
                                                      const std::vector<std::string>& env, int rows,
                                                      int columns);
    ~Process();  // kills the process if it still runs
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    void write(const std::string& text);
    void write_line(const std::string& line) { write(line + "\n"); }
    void close_stdin();

    // The next line of stdout (without its newline), or nothing after `timeout`.
    std::optional<std::string> read_line(Timeout timeout = 20s);
    // Reads lines until one contains `text` and returns it; nothing after `timeout`.
    std::optional<std::string> wait_for_line(const std::string& text, Timeout timeout = 20s);
    // Reads until everything read so far contains `text` (for terminals, where lines are
    // redrawn in place).
    bool wait_for_output(const std::string& text, Timeout timeout = 20s);
    // The exit code (128 + signal when killed by one), or nothing after `timeout`.
    std::optional<int> wait_exit(Timeout timeout = 20s);

    // Every stdout line read so far, and all of stdout and stderr as read so far.
    const std::vector<std::string>& lines() const { return lines_; }
    const std::string& output() const { return output_; }
    const std::string& errors();
    // stdout and stderr, for failure messages.
    std::string transcript();
    int terminal_fd() const { return terminal_; }
    pid_t pid() const { return pid_; }

  private:
    Process() = default;
    // Reads whatever is available within `timeout`; false when nothing more can come.
    bool pump(Timeout timeout);

    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
    int stderr_ = -1;
    int terminal_ = -1;    // the pseudo-terminal's master side, when there is one
    std::string pending_;  // stdout not yet split into lines
    std::vector<std::string> lines_;
    std::string output_;
    std::string errors_;
    std::optional<int> exit_code_;
};

}  // namespace rapidfire::e2e
