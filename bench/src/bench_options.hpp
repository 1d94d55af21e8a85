#pragma once
// The bench's command line.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace rapidfire::bench {

struct BenchOptions {
    std::string url = "ws://127.0.0.1:8080/ws";
    int rooms = 1;
    int players = 50;  // per room
    int questions = 3;
    int seconds = 20;  // per question
    int reveal_seconds = 1;
    bool show_leaderboard = true;
    int think_ms = 1000;      // each answer comes after a random delay in [0, think_ms]
    int start_spread_ms = 0;  // each host starts after a random delay in [0, start_spread_ms]
    int threads = 1;
    double connect_rate = 0;   // new connections a second; 0 = as fast as the window allows
    int connect_window = 512;  // players connecting or joining at once
    int source_addresses = 0;  // 127.0.0.1 .. 127.0.0.N to connect from; 0: one per 500 clients
    int server_pid = 0;        // 0: no /proc figures for the server
    std::string json_path;
    int timeout_seconds = 300;
    std::uint64_t seed = 0;  // 0: a random seed
    // --floor: no server; a minimal sender's fan-out to rooms x players connections.
    bool floor = false;
    std::size_t floor_bytes = 960;  // about a question of the bundled bank, framed
    // --match N: no rooms; N peers ask the matching queue for partners at once (match_run.hpp).
    int match = 0;
    // --record N: no server; the record's cost of a game's end for N players (record_run.hpp),
    // on SQLite in a scratch folder, or on the PostgreSQL database `database` names.
    int record = 0;
    std::string database;
};

struct ParsedOptions {
    std::optional<BenchOptions> options;  // absent: exit with exit_code
    int exit_code = 0;
};

ParsedOptions parse_bench_options(int argc, const char* const* argv, std::ostream& out,
                                  std::ostream& err);

}  // namespace rapidfire::bench
