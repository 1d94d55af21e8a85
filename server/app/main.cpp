// rapidfire-server: loads the question bank and study guide, then serves the game until
// SIGINT or SIGTERM; or, with --check-bank FILE, only loads that bank and says what it read.

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "rapidfire/common/file_limit.hpp"
#include "rapidfire/content/loader.hpp"
#include "rapidfire/net/server.hpp"
#include "rapidfire/server/check_bank.hpp"
#include "rapidfire/server/command_line.hpp"

namespace {

using namespace rapidfire;

// Logs go to stderr: stdout carries only the "listening on" line that scripts and tests read.
void set_up_logging(const std::string& level) {
    auto logger = spdlog::stderr_color_mt("rapidfire");
    spdlog::set_default_logger(logger);
    spdlog::set_level(spdlog::level::from_str(level));
    spdlog::flush_on(spdlog::level::warn);
}

}  // namespace

int main(int argc, char** argv) {
    auto command_line = server::parse_command_line(argc, argv, std::cout, std::cerr);
    if (!command_line.check_bank.empty())
        return server::check_bank(command_line.check_bank, std::cout, std::cerr);
    if (!command_line.options)
        return command_line.exit_code;
    net::ServerOptions options = std::move(*command_line.options);
    set_up_logging(options.log_level);
    // From the environment, not the command line, which every user of the machine can read.
    if (const char* admin = std::getenv("RAPIDFIRE_ADMIN_TOKEN"); admin != nullptr) {
        options.admin_token = admin;
    }

    // With --max-connections past the hard limit, the hard limit too, where the process may.
    const auto files =
        common::raise_file_limit(options.max_connections == 0 ? 0 : options.max_connections + 32);
    // A few descriptors go to the listener, logs and the content files.
    const std::uint64_t room = files.soft > 32 ? files.soft - 32 : 0;
    spdlog::info("open file limit {} (hard {}): room for about {} connections", files.soft,
                 files.hard, room);
    if (options.max_connections == 0) {
        options.max_connections = static_cast<std::size_t>(room);
    } else if (room < options.max_connections) {
        spdlog::warn("--max-connections {} is above what the file limit allows ({})",
                     options.max_connections, room);
    }

    std::shared_ptr<const content::Bank> bank;
    std::shared_ptr<const content::StudyGuide> guide;
    try {
        auto bank_paths = options.banks;
        if (bank_paths.empty())
            bank_paths.push_back(content::bundled_bank_path());
        const auto guide_path =
            options.guide.empty() ? content::bundled_guide_path() : options.guide;
        bank = std::make_shared<const content::Bank>(content::load_banks(bank_paths));
        guide = std::make_shared<const content::StudyGuide>(content::load_study_guide(guide_path));
        spdlog::info("loaded {} question(s) from {} bank file(s), {} interview tip(s)",
                     bank->questions.size(), bank_paths.size(), guide->tips.size());
    } catch (const std::exception& e) {
        spdlog::error("cannot load content: {}", e.what());
        return 1;
    }

    try {
        net::Server server(options, bank, guide);
        const auto port = server.listen();
        const bool v6 = options.host.find(':') != std::string::npos;
        std::printf("listening on %s%s%s:%u\n", v6 ? "[" : "", options.host.c_str(), v6 ? "]" : "",
                    static_cast<unsigned>(port));
        std::fflush(stdout);
        server.run();
    } catch (const std::exception& e) {
        spdlog::error("server failed: {}", e.what());
        return 1;
    }
    spdlog::shutdown();
    return 0;
}
