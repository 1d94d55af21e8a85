#pragma once
// Starts a worker's player connections at a bounded pace: at most `window` players between
// "connecting" and "joined" at once (so a burst does not overflow the server's listen backlog
// and turn into SYN retries), and optionally at most `rate` new connections a second.
//
// Threading: used on its worker's thread only.

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace rapidfire::bench {

class ConnectLauncher {
  public:
    using Start = std::function<void()>;

    ConnectLauncher(boost::asio::io_context& io, int window, double rate_per_second);

    // Queues connections to start; starts as many as the window and the rate allow.
    void launch(std::deque<Start> starts);
    // One started connection has joined or given up: its place in the window is free.
    void settled();
    // Starts nothing more.
    void stop();

  private:
    void pump();

    boost::asio::steady_timer timer_;
    int window_;
    double rate_;
    std::deque<Start> pending_;
    int in_flight_ = 0;
    std::size_t started_ = 0;
    std::chrono::steady_clock::time_point began_{};
    bool timer_armed_ = false;
    bool stopped_ = false;
};

}  // namespace rapidfire::bench
