#include "connect_launcher.hpp"

#include <algorithm>

namespace rapidfire::bench {

ConnectLauncher::ConnectLauncher(boost::asio::io_context& io, int window, double rate_per_second)
    : timer_(io), window_(window), rate_(rate_per_second) {}

void ConnectLauncher::launch(std::deque<Start> starts) {
    began_ = std::chrono::steady_clock::now();
    pending_ = std::move(starts);
    pump();
}

void ConnectLauncher::settled() {
    if (in_flight_ > 0)
        --in_flight_;
    pump();
}

void ConnectLauncher::stop() {
    stopped_ = true;
    pending_.clear();
    timer_.cancel();
}

void ConnectLauncher::pump() {
    using namespace std::chrono;
    while (!stopped_ && !pending_.empty() && in_flight_ < window_) {
        if (rate_ > 0) {
            // Connections the rate allows by now, counting the first one at time zero.
            const double elapsed = duration<double>(steady_clock::now() - began_).count();
            const auto allowed = static_cast<std::size_t>(elapsed * rate_) + 1;
            if (started_ >= allowed) {
                if (!timer_armed_) {
                    timer_armed_ = true;
                    const auto wait =
                        duration<double>((static_cast<double>(started_) / rate_) - elapsed);
                    timer_.expires_after(std::max(duration_cast<steady_clock::duration>(wait),
                                                  steady_clock::duration(milliseconds(1))));
                    timer_.async_wait([this](boost::system::error_code ec) {
                        timer_armed_ = false;
                        if (!ec)
                            pump();
                    });
                }
                return;
            }
        }
        auto start = std::move(pending_.front());
        pending_.pop_front();
        ++in_flight_;
        ++started_;
        start();
    }
}

}  // namespace rapidfire::bench
