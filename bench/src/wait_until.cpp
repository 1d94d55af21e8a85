#include "wait_until.hpp"

#include <thread>

namespace rapidfire::bench {

bool wait_until(const std::function<bool()>& done, std::chrono::steady_clock::time_point until,
                const std::function<void()>& tick) {
    while (!done()) {
        if (std::chrono::steady_clock::now() >= until)
            return false;
        if (tick)
            tick();
        std::this_thread::sleep_for(poll_interval);
    }
    return true;
}

}  // namespace rapidfire::bench
