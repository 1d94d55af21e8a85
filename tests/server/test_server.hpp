#pragma once
// The real server, run inside the test process on 127.0.0.1 with a free port, plus the bundled
// content it plays with.

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/net/server.hpp"
#include "test_client.hpp"

namespace rapidfire::test {

// Options for a test server: loopback, a free port, signals left to the test runner.
// RAPIDFIRE_TEST_THREADS=N runs every test server on N I/O threads (for the TSan run).
net::ServerOptions test_options();

const std::shared_ptr<const content::Bank>& bundled_bank();
const std::shared_ptr<const content::StudyGuide>& bundled_guide();
// The bundled bank's question with this id; throws when there is none.
const content::BankQuestion& bank_question(const std::string& id);

// Captures everything the server logs (every logger level at `level`) while it lives, so a test
// can read what an operator would see. Create it before the TestServer and read text() after
// the server has stopped, or at any time: the sink takes a lock.
class LogCapture {
  public:
    explicit LogCapture(const std::string& level = "trace");
    // Puts the previous default logger back.
    ~LogCapture();
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    std::string text() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The value of an unlabelled metric on /metrics (a counter or a gauge); throws when absent.
double metric_value(std::uint16_t port, const std::string& name);

class TestServer {
  public:
    explicit TestServer(net::ServerOptions options = test_options());
    // Stops the server gracefully and waits for it.
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    std::uint16_t port() const { return port_; }
    // Starts a graceful shutdown without waiting for it (the destructor waits).
    void stop();
    // A connected client that has read its welcome.
    std::unique_ptr<TestClient> client(const ClientOptions& options = {});

  private:
    net::Server server_;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

}  // namespace rapidfire::test
