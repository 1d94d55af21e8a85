#pragma once
// Latency samples in microseconds, kept whole (a few per player and question fit easily) and
// sorted once at the end for exact percentiles.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rapidfire::bench {

struct LatencySummary {
    std::size_t count = 0;
    double p50_ms = 0;
    double p90_ms = 0;
    double p99_ms = 0;
    double max_ms = 0;
    double mean_ms = 0;
};

class LatencySamples {
  public:
    void add(std::int64_t micros) { samples_.push_back(micros); }
    void merge(const LatencySamples& other);
    std::size_t size() const { return samples_.size(); }

    // Nearest-rank percentiles; sorts the samples.
    LatencySummary summarize();

  private:
    std::vector<std::int64_t> samples_;
};

}  // namespace rapidfire::bench
