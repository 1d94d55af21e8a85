#pragma once
// What the client state asks the outside world to do after an event: print, send, save, exit.

#include <optional>
#include <string>
#include <vector>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

struct OutputLine {
    bool error = false;  // stderr rather than stdout
    std::string text;
};

// A room this client created: its host token opens the game's results later.
struct RoomToRemember {
    std::string code;
    std::string host_token;
};

struct Effects {
    std::vector<OutputLine> lines;
    std::vector<protocol::ClientMessage> send;
    std::optional<int> exit_code;                 // finished: exit with this code
    std::optional<std::string> summary_markdown;  // save this to the --summary file
    std::optional<RoomToRemember> remember;       // keep this host token for history/export
};

}  // namespace rapidfire::client
