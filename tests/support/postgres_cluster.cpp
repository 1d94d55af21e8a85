#include "postgres_cluster.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#include <libpq-fe.h>

extern char** environ;

namespace rapidfire::test {

namespace {

// Debian's PostgreSQL 15; $RAPIDFIRE_POSTGRES_BIN points elsewhere.
std::filesystem::path bin_folder() {
    const char* custom = std::getenv("RAPIDFIRE_POSTGRES_BIN");
    return custom != nullptr && custom[0] != '\0' ? custom : "/usr/lib/postgresql/15/bin";
}

bool running_as_root() {
    return ::geteuid() == 0;
}

// A port nobody listens on at this moment.
std::uint16_t free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0)
            ::close(fd);
        throw std::runtime_error("no free port on 127.0.0.1");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string quoted_identifier(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string quoted_literal(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + "'";
}

std::filesystem::path new_folder() {
    std::random_device random;
    auto folder = std::filesystem::temp_directory_path() /
                  ("rapidfire-postgres-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(folder);
    return folder;
}

// The group whose members must give a password over TCP (see pg_hba.conf below).
constexpr const char* password_group = "password_login";

}  // namespace

PostgresCluster::PostgresCluster() : folder_(new_folder()), data_(folder_ / "data") {
    try {
        create();
    } catch (...) {
        // No destructor runs for a constructor that throws.
        std::error_code ignored;
        if (running_)
            run("pg_ctl", {"stop", "-D", data_.string(), "-m", "fast", "-w", "-t", "30"});
        std::filesystem::remove_all(folder_, ignored);
        throw;
    }
}

PostgresCluster::PostgresCluster(const std::filesystem::path& kept_folder)
    : folder_(kept_folder), data_(folder_ / "data"), running_(true), owned_(false) {
    std::ifstream port(folder_ / "port");
    if (!(port >> port_))
        throw std::runtime_error("no PostgreSQL cluster kept in " + folder_.string());
}

PostgresCluster::~PostgresCluster() {
    if (!owned_)
        return;
    if (running_)
        run("pg_ctl", {"stop", "-D", data_.string(), "-m", "fast", "-w", "-t", "30"});
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

void PostgresCluster::stop_kept(const std::filesystem::path& folder) {
    PostgresCluster kept(folder);
    kept.owned_ = true;  // stopped and removed as it goes
}

void PostgresCluster::create() {
    if (running_as_root()) {
        const passwd* owner = ::getpwnam("postgres");
        if (owner == nullptr)
            throw std::runtime_error(
                "no 'postgres' user to run PostgreSQL as (install postgresql)");
        if (::chown(folder_.c_str(), owner->pw_uid, owner->pw_gid) != 0)
            throw std::runtime_error("cannot give " + folder_.string() + " to postgres");
    }
    if (!run("initdb", {"-D", data_.string(), "-U", superuser, "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"})) {
        throw std::runtime_error("initdb failed:\n" + logs());
    }
    {
        // Loopback only; the socket in our folder, not the system's; no durability to pay for.
        std::ofstream conf(data_ / "postgresql.conf", std::ios::app);
        conf << "listen_addresses = '127.0.0.1'\n"
             << "unix_socket_directories = '" << folder_.string() << "'\n"
             << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
             << "shared_buffers = 32MB\nmax_connections = 50\n";
        std::ofstream hba(data_ / "pg_hba.conf", std::ios::trunc);
        hba << "local all all trust\n"
            << "host all +" << password_group << " 127.0.0.1/32 scram-sha-256\n"
            << "host all all 127.0.0.1/32 trust\n";
    }
    // Another process may take the free port before the server binds it: try another.
    for (int attempt = 0; !running_; ++attempt) {
        configure(free_port());
        try {
            start();
        } catch (const std::runtime_error&) {
            if (attempt == 2)
                throw;
        }
    }
    execute("postgres", std::string("CREATE ROLE ") + password_group + " NOLOGIN");
}

void PostgresCluster::configure(std::uint16_t port) {
    port_ = port;
    // The last setting in the file wins.
    std::ofstream conf(data_ / "postgresql.conf", std::ios::app);
    conf << "port = " << port << "\n";
    std::ofstream(folder_ / "port", std::ios::trunc) << port << "\n";
}

void PostgresCluster::start() {
    if (!run("pg_ctl", {"start", "-D", data_.string(), "-l", (folder_ / "server.log").string(),
                        "-w", "-t", "30"})) {
        throw std::runtime_error("PostgreSQL did not start:\n" + logs());
    }
    running_ = true;
}

void PostgresCluster::stop() {
    if (!run("pg_ctl", {"stop", "-D", data_.string(), "-m", "fast", "-w", "-t", "30"}))
        throw std::runtime_error("PostgreSQL did not stop:\n" + logs());
    running_ = false;
}

std::string PostgresCluster::url(const std::string& database, const std::string& user) const {
    return "postgresql://" + user + "@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

void PostgresCluster::create_database(const std::string& name, const std::string& owner) {
    execute("postgres",
            "CREATE DATABASE " + quoted_identifier(name) + " OWNER " + quoted_identifier(owner));
}

void PostgresCluster::create_password_role(const std::string& name, const std::string& password) {
    execute("postgres", "CREATE ROLE " + quoted_identifier(name) + " LOGIN PASSWORD " +
                            quoted_literal(password) + " IN ROLE " + password_group);
}

void PostgresCluster::execute(const std::string& database, const std::string& sql) {
    const std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url(database).c_str()),
                                                            &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK)
        throw std::runtime_error("cannot connect to the test cluster: " +
                                 std::string(PQerrorMessage(conn.get())));
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()),
                                                               &PQclear);
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw std::runtime_error(sql + ": " + PQresultErrorMessage(result.get()));
}

bool PostgresCluster::run(const std::string& program, const std::vector<std::string>& args) {
    std::vector<std::string> command;
    if (running_as_root())
        command = {"/usr/sbin/runuser", "-u", "postgres", "--"};
    command.push_back((bin_folder() / program).string());
    command.insert(command.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : command)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    // The program runs in the cluster's folder (the postgres user may not enter ours), its
    // output goes to the commands' log, and it inherits no other descriptor: a server that
    // outlives the call must not hold the test's output open.
    const std::string log = (folder_ / "commands.log").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addchdir_np(&actions, folder_.c_str());
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return false;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return false;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string PostgresCluster::logs() const {
    return read_file(folder_ / "commands.log") + read_file(folder_ / "server.log");
}

}  // namespace rapidfire::test
