// rapidfire-client: host, join or play solo on a rapidfire server from a terminal or a script,
// list its open rooms, read the record of past games (history, export), or read the bundled
// study material offline.

#include <iostream>

#include "client_app.hpp"
#include "rapidfire/client/command_line.hpp"
#include "rapidfire/client/identity.hpp"
#include "rapidfire/client/study_material.hpp"
#include "rapidfire/content/loader.hpp"
#include "results_commands.hpp"
#include "rooms_command.hpp"
#include "terminal.hpp"

namespace {

using namespace rapidfire;

// At a terminal the text is wrapped at its width; piped, each paragraph stays one line.
int print_study_material(const client::Options& options) {
    const int width = client::terminal::stdout_is_terminal() ? client::terminal::columns() : 0;
    try {
        if (options.command == client::Command::bank) {
            const auto bank = content::load_bank(content::bundled_bank_path());
            if (options.bank_list_topics) {
                std::cout << client::format_bank_topics(bank);
                return 0;
            }
            if (const auto error = client::unknown_bank_topic(bank, options.bank_topics)) {
                std::cerr << "rapidfire-client: " << *error << "\n";
                return 1;
            }
            std::cout << client::format_bank(bank, options.bank_topics, width);
            return 0;
        }
        const auto guide = content::load_study_guide(content::bundled_guide_path());
        switch (options.command) {
            case client::Command::tips:
                std::cout << client::format_tips(guide, width);
                break;
            case client::Command::faq:
                std::cout << client::format_faq(guide, width);
                break;
            default:
                std::cout << client::format_checklist(guide, width);
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
    if (options.command == client::Command::rooms)
        return client::run_rooms_command(options);
    if (!client::plays_online(options.command))
        return print_study_material(options);
    // Personal bests (and later progress) belong to the secret kept in the state folder, not
    // to the nickname. Without it the game is the same, with no personal best.
    client::Options playing = options;
    try {
        const std::string identity = client::load_or_create_identity(client::identity_file());
        playing.create.identity = identity;
        playing.join.identity = identity;
        playing.match.identity = identity;
    } catch (const std::exception& e) {
        std::cerr << "rapidfire-client: warning: no identity, so no personal best: " << e.what()
                  << "\n";
    }
    return client::run_online(playing);
}
