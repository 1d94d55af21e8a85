#pragma once
// What the command line asked for: plain data, filled by parse_command_line().

#include <cstdint>
#include <string>
#include <vector>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

inline constexpr const char* default_url = "ws://127.0.0.1:8080/ws";

enum class Command {
    host,
    join,
    solo,
    tips,
    faq,
    checklist,
    bank,
    history,
    export_results,
    leaderboard,
    rooms,
    match,
    progress
};

struct GlobalOptions {
    std::string url = default_url;
    bool json = false;         // print every frame received, one JSON line each (history: games)
    std::string summary_file;  // interview: save the summary as Markdown here
    bool no_color = false;
    std::string ca_file;  // wss://: trust this CA (PEM) instead of the system's trust store
};

enum class ExportFormat { csv, json, md };

// history and export: the record of games over the server's HTTP API.
struct ResultsOptions {
    std::string token;      // a host (or admin) token; empty: the remembered host tokens
    int limit = 20;         // history: games listed at most
    std::int64_t game = 0;  // export: the game's id
    ExportFormat format = ExportFormat::csv;
    std::string output;  // export: write here rather than to stdout
};

struct Options {
    GlobalOptions global;
    Command command = Command::tips;
    protocol::CreateRoom create;           // host and solo
    protocol::Join join;                   // join
    std::vector<std::string> bank_topics;  // bank: only these topics
    bool bank_list_topics = false;         // bank --topics: list the topics instead
    ResultsOptions results;                // history, export; leaderboard: limit
    // leaderboard: the solo configuration whose board is shown, as solo would send it (left out:
    // the server's solo defaults).
    protocol::RoundSettings leaderboard;
    protocol::ListRooms rooms;  // rooms: the filters
    protocol::MatchJoin match;  // match: what partner to look for
    bool stay = false;          // host, join: stay in the room after the game, for a rematch
    std::string resume_code;    // host --resume: take back the host seat of this room
};

// Commands that play a game over the WebSocket.
constexpr bool plays_online(Command command) {
    return command == Command::host || command == Command::join || command == Command::solo ||
           command == Command::match;
}

// Commands that read the record of games from the server over HTTP(S).
constexpr bool reads_results(Command command) {
    return command == Command::history || command == Command::export_results ||
           command == Command::leaderboard || command == Command::progress;
}

}  // namespace rapidfire::client
