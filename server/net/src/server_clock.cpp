#include "server_clock.hpp"

namespace rapidfire::net {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

ServerClock::ServerClock()
    : steady_base_(std::chrono::steady_clock::now()),
      epoch_base_(duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                      .count()) {}

protocol::Millis ServerClock::now() const {
    return epoch_base_ +
           duration_cast<milliseconds>(std::chrono::steady_clock::now() - steady_base_).count();
}

std::chrono::steady_clock::time_point ServerClock::to_steady(protocol::Millis at) const {
    return steady_base_ + milliseconds(at - epoch_base_);
}

std::chrono::seconds ServerClock::uptime() const {
    return duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - steady_base_);
}

}  // namespace rapidfire::net
