#pragma once
// Resident memory and CPU time of a process, read from /proc: the server's (by pid, given on
// the command line) and the bench's own.

#include <cstdint>
#include <optional>

namespace rapidfire::bench {

struct ProcessSample {
    std::uint64_t rss_bytes = 0;  // VmRSS
    double cpu_seconds = 0;       // user + system time so far
};

// A sample of process `pid`, or of this process when pid is 0; nothing when /proc cannot be
// read (the process is gone, or this is not Linux).
std::optional<ProcessSample> sample_process(int pid);

// CPU seconds the whole machine has spent busy (every state but idle and iowait) since boot,
// from /proc/stat: with the server's and the bench's own, it shows how much other processes
// took from a run.
std::optional<double> machine_busy_seconds();

}  // namespace rapidfire::bench
