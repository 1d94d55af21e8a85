// The deployment files, tried for real: the systemd unit passes systemd-analyze, and a game is
// played through nginx with the site's own proxy settings in front of the server.

#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "free_port.hpp"
#include "game_steps.hpp"
#include "scratch_dir.hpp"
#include "test_server.hpp"

extern char** environ;

namespace rapidfire::test {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs a program to completion; returns its exit status and what it printed.
std::pair<int, std::string> run(std::vector<std::string> args) {
    const std::string command = [&] {
        std::string joined;
        for (const auto& arg : args)
            joined += "'" + arg + "' ";
        return joined + "2>&1";
    }();
    FILE* pipe = popen(command.c_str(), "r");
    std::string output;
    char chunk[512];
    while (pipe != nullptr && fgets(chunk, sizeof chunk, pipe) != nullptr)
        output += chunk;
    const int status = pipe == nullptr ? -1 : pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

const fs::path deploy_dir = RAPIDFIRE_DEPLOY_DIR;

TEST(Deploy, TheSystemdUnitPassesSystemdAnalyze) {
    if (!fs::exists("/usr/bin/systemd-analyze"))
        GTEST_SKIP() << "systemd-analyze is not installed";
    ScratchDir dir;
    // The unit as shipped, pointed at the binary this build made.
    const std::string unit =
        std::regex_replace(read_file(deploy_dir / "systemd/rapidfire.service"),
                           std::regex("/usr/local/bin/rapidfire-server"), RAPIDFIRE_SERVER_BINARY);
    ASSERT_NE(unit.find("DynamicUser=yes"), std::string::npos);
    ASSERT_NE(unit.find("ProtectSystem=strict"), std::string::npos);
    ASSERT_NE(unit.find("NoNewPrivileges=yes"), std::string::npos);
    const auto path = dir.path() / "rapidfire.service";
    std::ofstream(path) << unit;
    const auto [status, output] = run({"/usr/bin/systemd-analyze", "verify", path.string()});
    EXPECT_EQ(status, 0) << output;
    EXPECT_EQ(output, "") << "systemd-analyze has remarks";
}

// The template for several servers on one host, checked as an instance (node A).
TEST(Deploy, TheServerTemplateUnitPassesSystemdAnalyze) {
    if (!fs::exists("/usr/bin/systemd-analyze"))
        GTEST_SKIP() << "systemd-analyze is not installed";
    ScratchDir dir;
    const std::string unit =
        std::regex_replace(read_file(deploy_dir / "systemd/rapidfire-server@.service"),
                           std::regex("/usr/local/bin/rapidfire-server"), RAPIDFIRE_SERVER_BINARY);
    ASSERT_NE(unit.find("--node-id %i"), std::string::npos);
    // The password reaches the server as a credential, never on its command line.
    ASSERT_NE(unit.find("LoadCredential=pgpass:"), std::string::npos);
    ASSERT_NE(unit.find("DynamicUser=yes"), std::string::npos);
    std::ofstream(dir.path() / "rapidfire-server@.service") << unit;
    const auto [status, output] = run({"/usr/bin/systemd-analyze", "verify",
                                       (dir.path() / "rapidfire-server@A.service").string()});
    EXPECT_EQ(status, 0) << output;
    EXPECT_EQ(output, "") << "systemd-analyze has remarks";
}

// The HAProxy configuration as shipped is valid (the cluster tests run it on loopback).
TEST(Deploy, TheHaproxyConfigurationPassesItsCheck) {
    if (!fs::exists("/usr/sbin/haproxy"))
        GTEST_SKIP() << "haproxy is not installed";
    // The certificate it names does not exist here: check it with a throwaway one in its place.
    ScratchDir dir;
    const auto key = dir.path() / "key.pem";
    const auto certificate = dir.path() / "certificate.pem";
    const auto [made, made_output] =
        run({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=localhost", "-keyout", key.string(), "-out", certificate.string()});
    ASSERT_EQ(made, 0) << made_output;
    const auto pem = dir.path() / "rapidfire.pem";
    std::ofstream(pem) << read_file(certificate) << read_file(key);
    std::string config = read_file(deploy_dir / "haproxy/rapidfire.cfg");
    config =
        std::regex_replace(config, std::regex("/etc/haproxy/certs/rapidfire.pem"), pem.string());
    config = std::regex_replace(config, std::regex("stats socket [^ ]+"),
                                "stats socket " + (dir.path() / "admin.sock").string());
    const auto path = dir.path() / "haproxy.cfg";
    std::ofstream(path) << config;
    const auto [status, output] = run({"/usr/sbin/haproxy", "-c", "-q", "-f", path.string()});
    EXPECT_EQ(status, 0) << output;
}

class Nginx {
  public:
    Nginx(const fs::path& prefix, std::uint16_t port, std::uint16_t upstream_port) {
        for (const char* temp : {"body", "proxy", "fastcgi", "uwsgi", "scgi"})
            fs::create_directories(prefix / temp);
        const std::string p = prefix.string();
        std::ofstream(prefix / "nginx.conf")
            << "daemon off;\nmaster_process off;\nworker_processes 1;\n"
            << "pid " << p << "/nginx.pid;\nerror_log " << p << "/error.log warn;\n"
            << "events { worker_connections 256; }\nhttp {\n  access_log off;\n"
            << "  client_body_temp_path " << p << "/body;\n  proxy_temp_path " << p << "/proxy;\n"
            << "  fastcgi_temp_path " << p << "/fastcgi;\n  uwsgi_temp_path " << p << "/uwsgi;\n"
            << "  scgi_temp_path " << p << "/scgi;\n"
            << "  map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n"
            << "  upstream rapidfire { server 127.0.0.1:" << upstream_port << "; keepalive 4; }\n"
            << "  server {\n    listen 127.0.0.1:" << port << ";\n"
            << "    include " << (deploy_dir / "nginx/rapidfire-locations.conf").string() << ";\n"
            << "  }\n}\n";
        std::vector<std::string> args = {"/usr/sbin/nginx", "-p", p, "-c", p + "/nginx.conf"};
        std::vector<char*> argv;
        for (auto& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
            pid_ = -1;
    }
    ~Nginx() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    bool started() const { return pid_ > 0; }

  private:
    pid_t pid_ = -1;
};

TEST(Deploy, AGameIsPlayedThroughNginxWithTheSitesProxySettings) {
    if (!fs::exists("/usr/sbin/nginx"))
        GTEST_SKIP() << "nginx is not installed";
    TestServer server;
    ScratchDir dir;
    const std::uint16_t port = free_port();
    Nginx nginx(dir.path(), port, server.port());
    ASSERT_TRUE(nginx.started());
    // nginx is up when it answers the server's health check through the proxy.
    const auto deadline = Clock::now() + 10s;
    for (;;) {
        try {
            if (http_get(port, "/healthz", 1s).status == 200)
                break;
        } catch (const std::exception&) {
        }
        ASSERT_LT(Clock::now(), deadline) << read_file(dir.path() / "error.log");
        std::this_thread::sleep_for(50ms);
    }
    EXPECT_EQ(http_get(port, "/metrics").status, 200);  // from 127.0.0.1: allowed

    auto host = welcomed_client(port);
    auto player = welcomed_client(port);
    protocol::RoundSettings settings;
    settings.questions = 2;
    settings.reveal_seconds = 0;
    const auto created = create_room(host, protocol::RoomKind::quiz, "Host", settings);
    join_room(player, created.code, "Nia");
    host.send(protocol::Start{created.host_token});
    int total = 0;
    for (int q = 0; q < 2; ++q) {
        const auto question = player.wait_for<protocol::Question>();
        player.send(choice_answer(q, correct_choice(question)));
        const auto accepted = player.wait_for<protocol::AnswerAccepted>();
        const auto result = player.wait_for<protocol::Result>();
        EXPECT_EQ(result.points, expected_points(accepted.elapsed_ms, question.time_limit_ms) +
                                     (q == 1 ? 100 : 0));
        total = result.total;
        host.send(protocol::Skip{created.host_token});
    }
    player.wait_for<protocol::GameOver>();
    EXPECT_EQ(player.wait_for<protocol::FinalResult>().points, total);
}

}  // namespace
}  // namespace rapidfire::test
