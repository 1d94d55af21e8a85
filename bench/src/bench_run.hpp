#pragma once
// One whole bench run: create the rooms, fill them, play every game to the end, close, and
// gather the figures. Bounded by --timeout whatever happens.

#include <cstdint>

#include "bench_options.hpp"
#include "report.hpp"
#include "ws_url.hpp"

namespace rapidfire::bench {

BenchResults run_bench(const BenchOptions& options, const WsUrl& url, std::uint64_t seed);

}  // namespace rapidfire::bench
