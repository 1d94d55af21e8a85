#pragma once
// `rapidfire-bench --floor`: the fan-out a minimal sender achieves on this machine, now, to the
// same number of connections read by the same reader code as in real games. Rapidfire's
// fan-out is then a ratio to it, which holds across machines and days where a figure alone
// does not.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "bench_options.hpp"
#include "latency_samples.hpp"
#include "thread_stats.hpp"

namespace rapidfire::bench {

struct FloorResults {
    int connections = 0;
    int opened = 0;
    int rounds = 0;
    std::size_t frame_bytes = 0;
    double open_s = 0;
    LatencySummary fanout;  // the sender's stamp to each connection's read, as in real games
    std::vector<LatencySummary> fanout_by_round;
    double sender_cpu_s = 0;  // the sender's CPU over the fan-outs
    double sender_us_per_message = 0;
    double steal_s = 0;  // CPU the host under the virtual machine took over the fan-outs
    ErrorCounts errors;
    std::uint64_t error_total = 0;

    bool clean() const { return error_total == 0 && opened == connections; }
};

// Forks the sender, so call it before any thread starts. Connections: --rooms x --players;
// rounds: --questions; frame size: --floor-bytes.
FloorResults run_floor(const BenchOptions& options);

void print_floor(std::ostream& out, const FloorResults& results);
bool write_floor_json(const std::string& path, const FloorResults& results);

}  // namespace rapidfire::bench
