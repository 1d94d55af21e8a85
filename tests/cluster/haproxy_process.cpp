#include "haproxy_process.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "free_port.hpp"
#include "test_client.hpp"

extern char** environ;

namespace rapidfire::test {

namespace {

// Replaces every match of `pattern`, which must match at least once.
std::string replace(const std::string& text, const std::string& pattern, const std::string& with) {
    const std::regex re(pattern);
    if (!std::regex_search(text, re))
        throw std::runtime_error("deploy/haproxy/rapidfire.cfg has no line matching " + pattern);
    return std::regex_replace(text, re, with);
}

}  // namespace

std::string loopback_haproxy_config(const std::string& deployed, std::uint16_t port,
                                    const std::map<char, std::uint16_t>& servers) {
    std::string config = deployed;
    config = replace(config, R"(\n\s*log /dev/log[^\n]*)", "");
    config = replace(config, R"(\n\s*stats socket[^\n]*)", "");
    config = replace(config, R"(\n\s*bind :443[^\n]*)", "");
    config = replace(config, R"(\n\s*http-request redirect scheme https[^\n]*)", "");
    config = replace(config, R"(bind :80\b)", "bind 127.0.0.1:" + std::to_string(port));
    // The descriptors this process may open, not a production machine's.
    config = replace(config, R"(maxconn 100000)", "maxconn 2000");
    config = replace(config, R"(inter 2s)", "inter 100ms");
    // The example's servers A, B, C become the test's, in both backends.
    std::string lines;
    for (const auto& [node, server_port] : servers) {
        lines += "    server " + std::string(1, node) +
                 " 127.0.0.1:" + std::to_string(server_port) + "\n";
    }
    config = replace(config, R"((    server [A-Z] 10\.0\.0\.\d+:8080\n)+)", lines);
    return config;
}

HaproxyProcess::HaproxyProcess(const std::filesystem::path& dir,
                               const std::map<char, std::uint16_t>& servers) {
    std::ifstream in(std::filesystem::path(RAPIDFIRE_DEPLOY_DIR) / "haproxy/rapidfire.cfg");
    std::stringstream deployed;
    deployed << in.rdbuf();
    port_ = free_port();
    const auto path = dir / "haproxy.cfg";
    std::ofstream(path) << loopback_haproxy_config(deployed.str(), port_, servers);

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
