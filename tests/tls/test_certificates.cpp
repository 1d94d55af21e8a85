#include "test_certificates.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace rapidfire::tls_testing {

namespace fs = std::filesystem;

namespace {

constexpr auto openssl_timeout = std::chrono::seconds(20);

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs `openssl ARGS...` in `folder` with no stdin and its output in a log; throws when it
// fails or takes too long.
void openssl(const fs::path& folder, std::vector<std::string> args) {
    args.insert(args.begin(), "openssl");
    const fs::path log = folder / "openssl.log";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    // Paths below are absolute: the child runs wherever the test runs.
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, "openssl", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw std::runtime_error("cannot run openssl (is it installed?)");
    const auto deadline = std::chrono::steady_clock::now() + openssl_timeout;
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            throw std::runtime_error("openssl " + args[1] + " took too long");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("openssl " + args[1] + " failed:\n" + read_text(log));
}

}  // namespace

TestCertificates make_test_certificates(const fs::path& folder) {
    const fs::path dir = fs::absolute(folder);
    TestCertificates files{dir / "ca.pem", dir / "server.pem", dir / "server.key",
                           dir / "other.key"};
    const fs::path ca_key = dir / "ca.key";
    const fs::path request = dir / "server.csr";
    const fs::path extensions = dir / "server.ext";
    // P-256 keys: quick to make, and every TLS 1.2 client takes them.
    const std::vector<std::string> new_key{"-newkey", "ec", "-pkeyopt",
                                           "ec_paramgen_curve:prime256v1", "-nodes"};

    std::vector<std::string> ca{"req", "-x509"};
    ca.insert(ca.end(), new_key.begin(), new_key.end());
    ca.insert(ca.end(),
              {"-keyout", ca_key.string(), "-out", files.ca_cert.string(), "-days", "2", "-subj",
               "/CN=rapidfire test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
               "keyUsage=critical,keyCertSign,cRLSign"});
    openssl(dir, ca);

    std::vector<std::string> csr{"req", "-new"};
    csr.insert(csr.end(), new_key.begin(), new_key.end());
    csr.insert(csr.end(), {"-keyout", files.server_key.string(), "-out", request.string(), "-subj",
                           "/CN=localhost"});
    openssl(dir, csr);

    std::ofstream(extensions) << "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                 "basicConstraints=CA:FALSE\n"
                                 "keyUsage=critical,digitalSignature\n"
                                 "extendedKeyUsage=serverAuth\n";
    openssl(dir, {"x509", "-req", "-in", request.string(), "-CA", files.ca_cert.string(), "-CAkey",
                  ca_key.string(), "-CAcreateserial", "-out", files.server_cert.string(), "-days",
                  "2", "-extfile", extensions.string()});

    openssl(dir, {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out",
                  files.other_key.string()});
    return files;
}

}  // namespace rapidfire::tls_testing
