// rapidfire-client: host, join or play solo on a rapidfire server from a terminal or a script,
// read the record of past games (history, export), or read the bundled study material offline.

#include <iostream>

#include "client_app.hpp"
#include "rapidfire/client/command_line.hpp"
#include "rapidfire/client/study_material.hpp"
#include "rapidfire/content/loader.hpp"
#include "results_commands.hpp"

namespace {

using namespace rapidfire;

int print_study_material(const client::Options& options) {
    try {
        if (options.command == client::Command::bank) {
            std::cout << client::format_bank(content::load_bank(content::bundled_bank_path()),
                                             options.bank_topics);
            return 0;
        }
        const auto guide = content::load_study_guide(content::bundled_guide_path());
        switch (options.command) {
            case client::Command::tips:
                std::cout << client::format_tips(guide);
                break;
            case client::Command::faq:
                std::cout << client::format_faq(guide);
                break;
            default:
                std::cout << client::format_checklist(guide);
                break;
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "rapidfire-client: cannot read the study material: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    const auto command_line = client::parse_command_line(argc, argv, std::cout, std::cerr);
    if (!command_line.options)
        return command_line.exit_code;
    const client::Options& options = *command_line.options;
    if (client::reads_results(options.command))
        return client::run_results_command(options);
    if (!client::plays_online(options.command))
        return print_study_material(options);
    return client::run_online(options);
}
