#include "test_server.hpp"

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include <spdlog/sinks/base_sink.h>
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
    if (const char* threads = std::getenv("RAPIDFIRE_TEST_THREADS"); threads != nullptr)
        options.threads = std::max(1, std::atoi(threads));
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

namespace {

// Keeps every formatted log line in one string.
class StringSink final : public spdlog::sinks::base_sink<std::mutex> {
  public:
    std::string text() {
        std::lock_guard lock(mutex_);
        return text_;
    }

  protected:
    void sink_it_(const spdlog::details::log_msg& message) override {
        spdlog::memory_buf_t formatted;
        formatter_->format(message, formatted);
        text_.append(formatted.data(), formatted.size());
    }
    void flush_() override {}

  private:
    std::string text_;
};

}  // namespace

struct LogCapture::Impl {
    std::shared_ptr<spdlog::logger> previous = spdlog::default_logger();
    std::shared_ptr<StringSink> sink = std::make_shared<StringSink>();
};

LogCapture::LogCapture(const std::string& level) : impl_(std::make_unique<Impl>()) {
    auto logger = std::make_shared<spdlog::logger>("rapidfire-test-capture", impl_->sink);
    logger->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(std::move(logger));
}

LogCapture::~LogCapture() {
    spdlog::set_default_logger(impl_->previous);
}

std::string LogCapture::text() const {
    return impl_->sink->text();
}

double metric_value(std::uint16_t port, const std::string& name) {
    const auto body = http_get(port, "/metrics").body;
    const auto at = body.find("\n" + name + " ");
    if (at == std::string::npos)
        throw std::runtime_error("no metric " + name);
    return std::stod(body.substr(at + name.size() + 2));
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
    return std::make_unique<TestClient>(welcomed_client(port_, options));
}

}  // namespace rapidfire::test
