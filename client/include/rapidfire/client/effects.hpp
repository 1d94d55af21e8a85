#pragma once
// What the client state asks the outside world to do after an event: print, send, save, exit.

#include <iterator>
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

    // Adds what `next` asks for after what this asks for: its lines and messages follow these.
    // Of the fields that hold one value, an exit code already asked for stands (the client exits
    // at the first); the summary and the room to remember are the latest (a summary is the whole
    // text so far).
    void append(Effects next) {
        lines.insert(lines.end(), std::make_move_iterator(next.lines.begin()),
                     std::make_move_iterator(next.lines.end()));
        send.insert(send.end(), std::make_move_iterator(next.send.begin()),
                    std::make_move_iterator(next.send.end()));
        if (!exit_code)
            exit_code = next.exit_code;
        if (next.summary_markdown)
            summary_markdown = std::move(next.summary_markdown);
        if (next.remember)
            remember = std::move(next.remember);
    }
};

}  // namespace rapidfire::client
