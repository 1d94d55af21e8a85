#pragma once
// One client thread: its io_context, the connections on it (through their roles), its
// counters, its random numbers and its connection pacing. Everything here is touched on the
// worker's thread only, except the atomics in ThreadStats and RunProgress.

#include <cstdint>
#include <random>

#include <boost/asio/io_context.hpp>

#include "bench_options.hpp"
#include "client_connection.hpp"
#include "connect_launcher.hpp"
#include "run_progress.hpp"
#include "thread_stats.hpp"

namespace rapidfire::bench {

struct Worker {
    Worker(const BenchOptions& options, const ServerAddress& address, RunProgress& progress,
           std::uint64_t seed)
        : options(options),
          address(address),
          progress(progress),
          random(seed),
          launcher(io, options.connect_window,
                   options.connect_rate / static_cast<double>(options.threads)) {}

    const BenchOptions& options;
    const ServerAddress& address;
    RunProgress& progress;
    boost::asio::io_context io{1};  // one thread runs it
    ThreadStats stats;
    std::mt19937_64 random;
    ConnectLauncher launcher;
    bool stopping = false;  // the run is over: connections ending now are not errors
};

}  // namespace rapidfire::bench
