#pragma once
// What the command line asked for: plain data, filled by parse_command_line().

#include <string>
#include <vector>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

inline constexpr const char* default_url = "ws://127.0.0.1:8080/ws";

enum class Command { host, join, solo, tips, faq, checklist, bank };

struct GlobalOptions {
    std::string url = default_url;
    bool json = false;         // print every frame received, one JSON line each
    std::string summary_file;  // interview: save the summary as Markdown here
    bool no_color = false;
};

struct Options {
    GlobalOptions global;
    Command command = Command::tips;
    protocol::CreateRoom create;           // host and solo
    protocol::Join join;                   // join
    std::vector<std::string> bank_topics;  // bank: only these topics
};

// Commands that play over the network (the others print the bundled study material).
constexpr bool plays_online(Command command) {
    return command == Command::host || command == Command::join || command == Command::solo;
}

}  // namespace rapidfire::client
