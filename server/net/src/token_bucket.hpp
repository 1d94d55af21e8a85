#pragma once
// A token bucket: `rate` tokens a second, holding at most `burst`. Starts full.

#include <chrono>

namespace rapidfire::net {

class TokenBucket {
  public:
    using Clock = std::chrono::steady_clock;

    // A rate of 0 means unlimited.
    TokenBucket(double rate_per_second, double burst);

    // Spends one token if there is one.
    bool take(Clock::time_point now);

  private:
    double rate_;
    double burst_;
    double tokens_;
    Clock::time_point last_{};
};

}  // namespace rapidfire::net
