#pragma once
// `rapidfire-bench --match N`: N peers connect (all welcomed first), then all send match_join
// at once, confirm the partner proposed and close at match_found. Measures how long the
// matching queue takes to pair a burst, per peer and in all, and what it costs the server.
// The peer mix always pairs (match_plan.hpp), so a clean run pairs every peer.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "bench_options.hpp"
#include "latency_samples.hpp"
#include "run_record.hpp"
#include "ws_url.hpp"

namespace rapidfire::bench {

// A process's figures from /proc around the burst.
struct MatchProcessFigures {
    std::uint64_t rss_idle = 0;       // before any connection
    std::uint64_t rss_connected = 0;  // every peer welcomed, before the burst
    std::uint64_t rss_peak = 0;       // the highest sample from the burst to the last pairing
    double cpu_open_s = 0;            // CPU seconds while the peers connected
    double cpu_burst_s = 0;           // CPU seconds over the burst window (MatchResults)
};

struct MatchResults : RunRecord {
    int peers = 0;
    int interviewers = 0;  // of the plan: the sided pool's halves and the open pool
    int candidates = 0;
    int either = 0;
    int welcomed = 0;
    double open_s = 0;  // the first connect to the last welcome
    LatencySummary connect;

    int joins_sent = 0;
    double burst_spread_s = 0;  // the first match_join sent to the last
    int paired = 0;             // got match_found
    int rooms = 0;              // distinct room codes in the match_found received
    double burst_to_last_found_s = 0;
    LatencySummary join_to_proposed;  // match_join sent to the first match_proposed
    LatencySummary join_to_found;     // match_join sent to match_found
    std::uint64_t statuses = 0;       // match_status received
    std::uint64_t proposals = 0;      // match_proposed received
    std::uint64_t messages_from_server = 0;
    std::uint64_t messages_to_server = 0;

    bool stalled = false;  // nothing came from the server for a long while with peers waiting

    std::optional<MatchProcessFigures> server;
    MatchProcessFigures bench;
    // The burst window: the first match_join to the last peer paired or out (or the wait's end).
    double burst_window_s = 0;
    double machine_cpu_burst_s = 0;  // every process, the server and the bench included
    double steal_burst_s = 0;

    int unpaired() const { return peers - paired; }
    // Every peer was paired and nothing went wrong.
    bool clean() const { return !timed_out && !stalled && error_total == 0 && paired == peers; }
};

MatchResults run_match(const BenchOptions& options, const WsUrl& url, std::uint64_t seed);

void print_match(std::ostream& out, const MatchResults& results);
// The results as one JSON object; false when the file cannot be written.
bool write_match_json(const std::string& path, const MatchResults& results);

}  // namespace rapidfire::bench
