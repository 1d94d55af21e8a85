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

// A sample of the server, nothing when its pid is not known (0) or its /proc cannot be read.
std::optional<ProcessSample> sample_server(int server_pid);

// CPU seconds of the whole machine since boot, from /proc/stat: busy (every state but idle,
// iowait and steal), which with the server's and the bench's own shows how much other
// processes took from a run; and steal, the time the host under this virtual machine gave its
// cores to others, which slows a run without showing in any process.
struct MachineTimes {
    double busy = 0;
    double steal = 0;
};
std::optional<MachineTimes> machine_times();

}  // namespace rapidfire::bench
