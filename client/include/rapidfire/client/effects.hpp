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

// A seat this client holds in a running game: kept so that the same command run again (after
// Ctrl-C, a crash or a reboot) takes it back.
struct SeatToRemember {
    std::string code;
    protocol::Role role = protocol::Role::player;
    std::string resume_token;
    std::string nickname;
};

struct Effects {
    std::vector<OutputLine> lines;
    std::vector<protocol::ClientMessage> send;
    std::optional<int> exit_code;                 // finished: exit with this code
    std::optional<std::string> summary_markdown;  // save this to the --summary file
    std::optional<RoomToRemember> remember;       // keep this host token for history/export
    std::optional<SeatToRemember> seat;           // keep this seat to come back to
    std::optional<SeatToRemember> forget_seat;    // this seat is over: forget it

    // Adds what `next` asks for after what this asks for: its lines and messages follow these.
    // Of the fields that hold one value, an exit code already asked for stands (the client exits
    // at the first); the summary, the room and the seat to remember are the latest (a summary is
    // the whole text so far). The outside world keeps the seat before it forgets one.
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
        if (next.seat)
            seat = std::move(next.seat);
        if (next.forget_seat)
            forget_seat = std::move(next.forget_seat);
    }
};

}  // namespace rapidfire::client
