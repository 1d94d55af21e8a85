#pragma once
// HAProxy from Debian's package, run in the foreground with the project's own configuration
// (deploy/haproxy/rapidfire.cfg) made to run on loopback: a plain listener on a free port, the
// test's servers in place of the example addresses, fast health checks. Stopped when the test
// is done.

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

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

// deploy/haproxy/rapidfire.cfg for the test: the deployed file with what a loopback run cannot
// have (TLS, the system's log and runtime socket) taken out. Throws when the file no longer has
// the lines this relies on, so the test fails instead of testing another configuration.
std::string loopback_haproxy_config(const std::string& deployed, std::uint16_t port,
                                    const std::map<char, std::uint16_t>& servers);

}  // namespace rapidfire::test
