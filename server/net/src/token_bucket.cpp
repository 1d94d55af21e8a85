#include "token_bucket.hpp"

#include <algorithm>

namespace rapidfire::net {

TokenBucket::TokenBucket(double rate_per_second, double burst)
    : rate_(rate_per_second), burst_(std::max(burst, 1.0)), tokens_(burst_) {}

bool TokenBucket::take(Clock::time_point now) {
    if (rate_ <= 0)
        return true;
    if (last_ != Clock::time_point{}) {
        const std::chrono::duration<double> elapsed = now - last_;
        tokens_ = std::min(burst_, tokens_ + elapsed.count() * rate_);
    }
    last_ = now;
    if (tokens_ < 1)
        return false;
    tokens_ -= 1;
    return true;
}

}  // namespace rapidfire::net
