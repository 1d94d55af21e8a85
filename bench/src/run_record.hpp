#pragma once
// What every kind of run (the games, --match) records besides its own figures: how it was set
// up, what is worth a note and what went wrong. Both reports print and write these alike
// (report_text.hpp, report_json.hpp).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bench_options.hpp"
#include "thread_stats.hpp"

namespace rapidfire::bench {

struct RunRecord {
    BenchOptions options;
    std::uint64_t seed = 0;
    std::uint64_t file_limit = 0;  // the open file limit the run had
    int source_addresses = 1;
    int cores = 0;
    std::vector<std::string> notes;  // warnings worth a line in the report

    ErrorCounts errors;
    std::uint64_t error_total = 0;
    bool timed_out = false;

    // Keeps the errors the workers counted, and their total.
    void record_errors(ErrorCounts counted) {
        errors = std::move(counted);
        error_total = 0;
        for (const auto& [kind, count] : errors)
            error_total += count;
    }
};

}  // namespace rapidfire::bench
