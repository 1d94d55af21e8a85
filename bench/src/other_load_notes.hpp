#pragma once
// On a machine shared with builds, or a virtual machine whose host is busy, a run's latencies
// say little: these notes say so in the report.

#include <string>
#include <vector>

#include "cpu_time.hpp"

namespace rapidfire::bench {

// A phase of a run, as its notes name it and count its CPU.
struct LoadPhase {
    const char* during = "";  // ends "... used N CPU-seconds <during>": "while filling"
    int digits = 1;           // of the CPU-seconds shown
    // CPU-seconds below which nothing is noted: /proc counts in 10 ms ticks, so a short
    // phase's few ticks are noise.
    double floor_s = 0;
};

// Notes when processes other than the server and the bench, or the host (steal), took more
// than 5% of the machine over the phase's `seconds` of `cpu`. Needs the server's figures in
// `cpu`: without them the server would count among the others.
void note_other_load(std::vector<std::string>& notes, const CpuTime& cpu, double seconds,
                     const LoadPhase& phase);

}  // namespace rapidfire::bench
