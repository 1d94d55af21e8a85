#include "other_load_notes.hpp"

#include <algorithm>
#include <cstdio>
#include <thread>

namespace rapidfire::bench {

namespace {

// Share of the machine's CPU that others may take before a run is called disturbed.
constexpr double other_load_limit = 0.05;

}  // namespace

void note_other_load(std::vector<std::string>& notes, const CpuTime& cpu, double seconds,
                     const LoadPhase& phase) {
    if (seconds <= 0)
        return;
    const double capacity = seconds * std::max(1U, std::thread::hardware_concurrency());
    const double limit = std::max(phase.floor_s, other_load_limit * capacity);
    const double others = cpu.machine - cpu.server - cpu.bench;
    char text[200];
    if (others > limit) {
        std::snprintf(text, sizeof text,
                      "other processes used %.*f CPU-seconds %s (%.0f%% of the machine): the "
                      "figures are disturbed",
                      phase.digits, others, phase.during, 100 * others / capacity);
        notes.emplace_back(text);
    }
    if (cpu.steal > limit) {
        std::snprintf(text, sizeof text,
                      "the host took %.*f CPU-seconds from this machine %s (steal, %.0f%% of "
                      "it): the figures are disturbed",
                      phase.digits, cpu.steal, phase.during, 100 * cpu.steal / capacity);
        notes.emplace_back(text);
    }
}

}  // namespace rapidfire::bench
