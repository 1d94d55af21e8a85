#pragma once
// How the main thread waits on the workers: it polls their progress, which costs them nothing,
// every few milliseconds.

#include <chrono>
#include <functional>

namespace rapidfire::bench {

inline constexpr auto poll_interval = std::chrono::milliseconds(5);

// Polls `done` until it holds (true) or `until` passes (false); `tick` runs at every poll.
bool wait_until(const std::function<bool()>& done, std::chrono::steady_clock::time_point until,
                const std::function<void()>& tick = {});

}  // namespace rapidfire::bench
