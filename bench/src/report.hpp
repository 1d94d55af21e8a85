#pragma once
// What one bench run measured, printed as a table and written as JSON.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "latency_samples.hpp"
#include "run_record.hpp"

namespace rapidfire::bench {

// Server (or bench) process figures from /proc.
struct ProcessFigures {
    std::uint64_t rss_idle = 0;       // before any connection
    std::uint64_t rss_lobby = 0;      // every player joined, nothing happening
    std::uint64_t rss_play_peak = 0;  // the highest sample while the games ran
    double cpu_fill_s = 0;            // CPU seconds while the rooms filled
    double cpu_play_s = 0;            // CPU seconds while the games ran
};

// Messages and bytes counted by the bench over one phase, with the phase's length.
struct Traffic {
    double seconds = 0;
    std::uint64_t to_server = 0;
    std::uint64_t from_server = 0;
    std::uint64_t bytes_to_server = 0;
    std::uint64_t bytes_from_server = 0;
};

struct BenchResults : RunRecord {
    int rooms_created = 0;
    int players_expected = 0;  // players of the rooms that were created
    int players_open = 0;
    int players_joined = 0;
    int players_finished = 0;
    int rooms_over = 0;

    double create_s = 0;      // all rooms created
    double open_s = 0;        // first player connect to the last welcome
    double fill_s = 0;        // first player connect to the last joined
    double rooms_full_s = 0;  // first player connect to every host's roster showing all
    double play_s = 0;        // start sent to the last final_result
    Traffic fill_traffic;
    Traffic play_traffic;

    std::uint64_t answers_sent = 0;
    std::uint64_t answers_accepted = 0;
    LatencySummary connect;
    LatencySummary join;
    LatencySummary fanout;
    std::vector<LatencySummary> fanout_by_question;
    LatencySummary ack;

    std::optional<ProcessFigures> server;
    ProcessFigures bench;
    // CPU seconds the whole machine was busy, for what other processes took from the run.
    double machine_cpu_fill_s = 0;
    double machine_cpu_play_s = 0;
    // CPU seconds the host under the virtual machine took from it (steal).
    double steal_fill_s = 0;
    double steal_play_s = 0;

    // Every player finished and nothing went wrong.
    bool clean() const {
        return !timed_out && error_total == 0 && players_finished == players_expected &&
               rooms_created == options.rooms;
    }
};

void print_report(std::ostream& out, const BenchResults& results);
// The results as one JSON object; false when the file cannot be written.
bool write_json(const std::string& path, const BenchResults& results);

}  // namespace rapidfire::bench
