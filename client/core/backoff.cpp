#include "rapidfire/client/backoff.hpp"

#include <algorithm>

namespace rapidfire::client {

void Backoff::start(Millis now) {
    started_ = now;
    delay_ = 0;
}

std::optional<Millis> Backoff::next(Millis now) {
    if (!started_)
        start(now);
    delay_ = delay_ == 0 ? first_ : std::min(delay_ * 2, max_);
    if (now + delay_ > *started_ + give_up_after_)
        return std::nullopt;
    return delay_;
}

}  // namespace rapidfire::client
