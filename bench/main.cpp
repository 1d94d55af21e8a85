// rapidfire-bench: plays whole quiz games against a running rapidfire server over loopback
// WebSockets and reports fill times, latencies, message rates, errors and the server's memory
// and CPU. Exits 0 only when every player finished and nothing went wrong. With --floor it
// measures instead what a minimal sender achieves to as many connections (floor_run.hpp);
// with --match N, how fast the matching queue pairs N peers who ask at once (match_run.hpp).

#include <iostream>
#include <random>
#include <thread>

#include "bench_options.hpp"
#include "bench_run.hpp"
#include "floor_run.hpp"
#include "match_run.hpp"
#include "rapidfire/common/file_limit.hpp"
#include "record_run.hpp"
#include "report.hpp"
#include "ws_url.hpp"

int main(int argc, char** argv) {
    using namespace rapidfire::bench;
    const auto parsed = parse_bench_options(argc, argv, std::cout, std::cerr);
    if (!parsed.options)
        return parsed.exit_code;
    const BenchOptions& options = *parsed.options;

    auto url = parse_ws_url(options.url);
    if (const auto* problem = std::get_if<std::string>(&url)) {
        std::cerr << "rapidfire-bench: --url: " << *problem << "\n";
        return 2;
    }

    // Every player and host (or peer) is a descriptor, plus a few for the process itself.
    const std::uint64_t needed =
        (options.match != 0
             ? static_cast<std::uint64_t>(options.match)
             : static_cast<std::uint64_t>(options.rooms) * options.players + options.rooms) +
        16;
    const auto files = rapidfire::common::raise_file_limit(needed);
    std::cerr << "open file limit raised to " << files.soft << " (hard " << files.hard
              << (files.hard_raised ? ", raised" : "") << ")\n";
    if (files.soft < needed) {
        std::cerr << "rapidfire-bench: " << needed << " descriptors are needed but the limit is "
                  << files.soft << "; raise the hard limit (ulimit -Hn) or run fewer players\n";
        return 2;
    }

    if (options.floor) {
        const auto floor = run_floor(options);
        print_floor(std::cout, floor);
        if (!options.json_path.empty() && !write_floor_json(options.json_path, floor)) {
            std::cerr << "rapidfire-bench: cannot write " << options.json_path << "\n";
            return 1;
        }
        return floor.clean() ? 0 : 1;
    }

    const std::uint64_t seed = options.seed != 0 ? options.seed : std::random_device{}();
    if (options.record != 0) {
        BenchOptions seeded = options;
        seeded.seed = seed;
        try {
            const auto record = run_record(seeded);
            print_record(std::cout, record);
            return record.clean() ? 0 : 1;
        } catch (const std::exception& e) {
            std::cerr << "rapidfire-bench: --record: " << e.what() << "\n";
            return 1;
        }
    }
    if (options.match != 0) {
        auto match = run_match(options, std::get<WsUrl>(url), seed);
        match.file_limit = files.soft;
        match.cores = static_cast<int>(std::thread::hardware_concurrency());
        print_match(std::cout, match);
        if (!options.json_path.empty() && !write_match_json(options.json_path, match)) {
            std::cerr << "rapidfire-bench: cannot write " << options.json_path << "\n";
            return 1;
        }
        return match.clean() ? 0 : 1;
    }

    auto results = run_bench(options, std::get<WsUrl>(url), seed);
    results.file_limit = files.soft;
    results.cores = static_cast<int>(std::thread::hardware_concurrency());
    print_report(std::cout, results);
    if (!options.json_path.empty() && !write_json(options.json_path, results)) {
        std::cerr << "rapidfire-bench: cannot write " << options.json_path << "\n";
        return 1;
    }
    return results.clean() ? 0 : 1;
}
