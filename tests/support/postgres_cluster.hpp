#pragma once
// A private PostgreSQL cluster for a test: initdb in a fresh temporary folder, the server on
// 127.0.0.1 and a free port with its socket in that folder, stopped and removed with the
// object. As root (PostgreSQL refuses to run as root) everything runs as the `postgres` user;
// otherwise as the current user. Loopback connections are trusted, except for roles made with
// create_password_role, which must give their password. A cluster may also be kept running for
// other test processes to share (keep, stop_kept).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rapidfire::test {

class PostgresCluster {
  public:
    // Creates and starts the cluster; throws std::runtime_error (with its log) if it cannot.
    PostgresCluster();
    // The cluster another process kept running in `folder`: used, never stopped or removed.
    explicit PostgresCluster(const std::filesystem::path& kept_folder);
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    // postgresql://user@127.0.0.1:port/database, without a password.
    std::string url(const std::string& database, const std::string& user = superuser) const;
    void create_database(const std::string& name, const std::string& owner = superuser);
    // A role that logs in over TCP with this password only (scram-sha-256).
    void create_password_role(const std::string& name, const std::string& password);
    // Runs SQL as the superuser in `database`; throws std::runtime_error on an error.
    void execute(const std::string& database, const std::string& sql);

    // Stops the server (fast: connections are cut) and starts it again on the same port and
    // data, for tests of a database that goes away.
    void stop();
    void start();

    // Leaves the cluster running and its folder in place when this object goes, for other
    // processes to use until stop_kept(folder()).
    void keep() { owned_ = false; }
    static void stop_kept(const std::filesystem::path& folder);

    std::uint16_t port() const { return port_; }
    const std::filesystem::path& folder() const { return folder_; }

    static constexpr const char* superuser = "postgres";

  private:
    // Runs a PostgreSQL program from the server's bin folder as the cluster's owner, its output
    // appended to the commands' log; false if it failed.
    bool run(const std::string& program, const std::vector<std::string>& args);
    std::string logs() const;
    void create();
    void configure(std::uint16_t port);

    std::filesystem::path folder_;
    std::filesystem::path data_;
    std::uint16_t port_ = 0;
    bool running_ = false;
    bool owned_ = true;  // stopped and removed with this object
};

}  // namespace rapidfire::test
