#pragma once
// Bounded waits on an io_context. The test clients run their handlers on the test's own thread,
// one at a time, and every wait has a deadline: a test that goes wrong fails instead of hanging.

#include <chrono>

#include <boost/asio/io_context.hpp>

namespace rapidfire::test {

// Runs handlers one at a time until `done()` or the deadline. False when it timed out (or
// nothing was left to run).
template <class Done>
bool pump(boost::asio::io_context& io, Done done, std::chrono::steady_clock::time_point deadline) {
    while (!done()) {
        if (io.stopped())
            io.restart();
        if (io.run_one_until(deadline) == 0)
            return done();
    }
    return true;
}

// Lets every handler still pending run to completion (after a socket was closed).
inline void drain(boost::asio::io_context& io) {
    io.restart();
    io.run_for(std::chrono::seconds(1));
}

}  // namespace rapidfire::test
