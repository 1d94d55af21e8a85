#pragma once
// When to try reconnecting: 0.2 s, doubling up to 2 s between tries, for as long as the server
// keeps a dropped seat.

#include <optional>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

using protocol::Millis;

class Backoff {
  public:
    explicit Backoff(Millis give_up_after_ms = 120'000, Millis first_ms = 200,
                     Millis max_ms = 2'000)
        : give_up_after_(give_up_after_ms), first_(first_ms), max_(max_ms) {}

    // The connection dropped at `now`: starts counting.
    void start(Millis now);
    // The delay before the next try, or nothing when it is too late to resume.
    std::optional<Millis> next(Millis now);
    void reset() { started_.reset(); }

  private:
    Millis give_up_after_;
    Millis first_;
    Millis max_;
    std::optional<Millis> started_;
    Millis delay_ = 0;
};

}  // namespace rapidfire::client
