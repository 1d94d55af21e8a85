#include "haproxy_process.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>
#include <vector>

#include "free_port.hpp"
#include "test_client.hpp"

extern char** environ;

namespace rapidfire::test {

HaproxyProcess::HaproxyProcess(const std::filesystem::path& dir,
                               const std::map<char, std::uint16_t>& servers) {
    port_ = free_port();
    const std::filesystem::path deploy = RAPIDFIRE_DEPLOY_DIR;
    const auto path = dir / "haproxy.cfg";
    std::string servers_given;
    for (const auto& [node, server_port] : servers) {
        servers_given += (servers_given.empty() ? "" : ",") + std::string(1, node) + ":" +
                         std::to_string(server_port);
    }
    const std::string render = "awk -v port=" + std::to_string(port_) +
                               " -v maxconn=2000 -v inter=100ms -v servers=" + servers_given +
                               " -f '" + (deploy / "haproxy/loopback.awk").string() + "' '" +
                               (deploy / "haproxy/rapidfire.cfg").string() + "' > '" +
                               path.string() + "'";
    if (std::system(render.c_str()) != 0)
        throw std::runtime_error("cannot make the loopback configuration: " + render);

    std::vector<std::string> args = {"/usr/sbin/haproxy", "-q", "-db", "-f", path.string()};
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("cannot start haproxy");
    // Up when a request through it reaches a server.
    const auto deadline = Clock::now() + 10s;
    for (;;) {
        try {
            if (http_get(port_, "/healthz", 1s).status == 200)
                return;
        } catch (const std::exception&) {
        }
        if (Clock::now() > deadline)
            throw std::runtime_error("haproxy did not answer within 10 s");
        std::this_thread::sleep_for(50ms);
    }
}

HaproxyProcess::~HaproxyProcess() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
    }
}

}  // namespace rapidfire::test
