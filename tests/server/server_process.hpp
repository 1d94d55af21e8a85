#pragma once
// The rapidfire-server binary as a child process, for tests that need the real executable:
// signals, SIGKILL and restarts.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "test_client.hpp"

namespace rapidfire::test {

// rapidfire-server with --port 0 (unless `extra_args` name a port), its stdout on a pipe.
// Killed if the test ends early.
class ServerProcess {
  public:
    explicit ServerProcess(std::vector<std::string> extra_args = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // The first line of stdout, within the timeout.
    std::string first_line(Millis timeout);
    // Reads the "listening on" line and returns the port.
    std::uint16_t wait_listening(Millis timeout = default_timeout);
    void signal(int number);
    // The exit status once the process ends within the timeout; nullopt if it is still running.
    std::optional<int> wait_exit(Millis timeout);

  private:
    pid_t pid_ = -1;
    int out_ = -1;
};

// The port in a "listening on 127.0.0.1:PORT" line.
std::uint16_t port_from(const std::string& line);

}  // namespace rapidfire::test
