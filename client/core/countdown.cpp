#include "rapidfire/client/countdown.hpp"

#include <algorithm>
#include <cstdio>

namespace rapidfire::client {

void Countdown::start(Millis deadline, Millis limit_ms, Millis remaining_ms, bool paused) {
    deadline_ = deadline;
    limit_ = std::max<Millis>({1, limit_ms, remaining_ms});
    paused_ = paused;
    paused_remaining_ = remaining_ms;
}

void Countdown::pause(Millis remaining_ms) {
    paused_ = true;
    paused_remaining_ = remaining_ms;
}

void Countdown::resume(Millis deadline, Millis remaining_ms) {
    paused_ = false;
    deadline_ = deadline;
    limit_ = std::max(limit_, remaining_ms);
}

void Countdown::extend(Millis deadline, Millis remaining_ms) {
    deadline_ = deadline;
    paused_remaining_ = remaining_ms;
    limit_ = std::max(limit_, remaining_ms);
}

Millis Countdown::remaining(Millis local_now) const {
    if (paused_)
        return std::max<Millis>(0, paused_remaining_);
    return std::max<Millis>(0, deadline_ - (local_now + offset_));
}

std::string Countdown::bar(Millis local_now, const Style& style, int width) const {
    const Millis left = remaining(local_now);
    const int filled =
        static_cast<int>(std::clamp<Millis>((left * width + limit_ - 1) / limit_, 0, width));
    std::string cells(static_cast<std::size_t>(filled), '#');
    const std::string empty(static_cast<std::size_t>(width - filled), '-');
    const double share = static_cast<double>(left) / static_cast<double>(limit_);
    if (share > 0.5) {
        cells = style.green(cells);
    } else if (share > 0.2) {
        cells = style.yellow(cells);
    } else {
        cells = style.red(cells);
    }
    std::string text = "[" + cells + style.dim(empty) + "] " + format_seconds(left);
    if (paused_)
        text += " " + style.yellow("paused");
    return text;
}

std::string format_seconds(Millis ms) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld.%llds", static_cast<long long>(ms / 1000),
                  static_cast<long long>((ms % 1000) / 100));
    return buffer;
}

}  // namespace rapidfire::client
