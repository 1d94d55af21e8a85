#include "test_server.hpp"

#include <cstdlib>

#include <spdlog/spdlog.h>

#include "rapidfire/content/loader.hpp"

namespace rapidfire::test {

net::ServerOptions test_options() {
    net::ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    // RAPIDFIRE_TEST_LOG_LEVEL=info (or debug) shows the server's log while debugging a test.
    const char* level = std::getenv("RAPIDFIRE_TEST_LOG_LEVEL");
    options.log_level = level != nullptr ? level : "warn";
    return options;
}

const std::shared_ptr<const content::Bank>& bundled_bank() {
    static const auto bank =
        std::make_shared<const content::Bank>(content::load_banks({content::bundled_bank_path()}));
    return bank;
}

const std::shared_ptr<const content::StudyGuide>& bundled_guide() {
    static const auto guide = std::make_shared<const content::StudyGuide>(
        content::load_study_guide(content::bundled_guide_path()));
    return guide;
}

const content::BankQuestion& bank_question(const std::string& id) {
    for (const auto& question : bundled_bank()->questions) {
        if (question.id == id)
            return question;
    }
    throw std::runtime_error("no question " + id + " in the bundled bank");
}

TestServer::TestServer(net::ServerOptions options)
    : server_((spdlog::set_level(spdlog::level::from_str(options.log_level)), options),
              bundled_bank(), bundled_guide()) {
    port_ = server_.listen();
    thread_ = std::thread([this] { server_.run(); });
}

TestServer::~TestServer() {
    server_.stop();
    thread_.join();
}

void TestServer::stop() {
    server_.stop();
}

std::unique_ptr<TestClient> TestServer::client(const ClientOptions& options) {
    auto client = std::make_unique<TestClient>(port_, options);
    client->expect<protocol::Welcome>();
    return client;
}

}  // namespace rapidfire::test
