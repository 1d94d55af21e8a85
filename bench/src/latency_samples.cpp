#include "latency_samples.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rapidfire::bench {

namespace {

double to_ms(std::int64_t micros) {
    return static_cast<double>(micros) / 1000.0;
}

}  // namespace

void LatencySamples::merge(const LatencySamples& other) {
    samples_.insert(samples_.end(), other.samples_.begin(), other.samples_.end());
}

LatencySummary LatencySamples::summarize() {
    LatencySummary summary;
    summary.count = samples_.size();
    if (samples_.empty())
        return summary;
    std::sort(samples_.begin(), samples_.end());
    const auto rank = [&](double p) {
        const auto index =
            static_cast<std::size_t>(std::ceil(p * static_cast<double>(samples_.size())));
        return to_ms(samples_[std::clamp<std::size_t>(index, 1, samples_.size()) - 1]);
    };
    summary.p50_ms = rank(0.50);
    summary.p90_ms = rank(0.90);
    summary.p99_ms = rank(0.99);
    summary.max_ms = to_ms(samples_.back());
    const double total = std::accumulate(samples_.begin(), samples_.end(), 0.0,
                                         [](double sum, std::int64_t v) { return sum + to_ms(v); });
    summary.mean_ms = total / static_cast<double>(samples_.size());
    return summary;
}

}  // namespace rapidfire::bench
