#pragma once
// The time the engine sees: milliseconds since the Unix epoch, read once from the wall clock at
// start and advanced by steady_clock, so a wall-clock step never moves a game timer.

#include <chrono>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::net {

class ServerClock {
  public:
    ServerClock();

    protocol::Millis now() const;
    // The steady_clock instant of a time given in engine milliseconds (for timers).
    std::chrono::steady_clock::time_point to_steady(protocol::Millis at) const;
    // Whole seconds since the server started.
    std::chrono::seconds uptime() const;

  private:
    std::chrono::steady_clock::time_point steady_base_;
    protocol::Millis epoch_base_;
};

}  // namespace rapidfire::net
