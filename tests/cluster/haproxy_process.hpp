#pragma once
// HAProxy from Debian's package, run in the foreground with the project's own configuration
// (deploy/haproxy/rapidfire.cfg) made to run on loopback by deploy/haproxy/loopback.awk: a plain
// listener on a free port, the test's servers in place of the example addresses, health checks
// every 100 ms. Stopped when the test is done.

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>

namespace rapidfire::test {

class HaproxyProcess {
  public:
    // `servers`: each node id with the port its rapidfire-server listens on.
    HaproxyProcess(const std::filesystem::path& dir, const std::map<char, std::uint16_t>& servers);
    ~HaproxyProcess();
    HaproxyProcess(const HaproxyProcess&) = delete;
    HaproxyProcess& operator=(const HaproxyProcess&) = delete;

    std::uint16_t port() const { return port_; }

  private:
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace rapidfire::test
