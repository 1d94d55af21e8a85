#pragma once
// Hands out the strands that connections and rooms run on.
//
// With one I/O thread (the default) every connection and room shares one strand: the thread
// serializes their handlers anyway, and a room's hand-over to its connections, a dispatch, then
// runs at once instead of costing a post per recipient. With more threads each connection and room
// gets a strand of its own, so they can run in parallel; a dispatch is then a post unless the
// target strand is idle.

#include <optional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>

#include "connection_stream.hpp"

namespace rapidfire::net {

class StrandSource {
  public:
    StrandSource(boost::asio::io_context& io, int threads) : io_(io) {
        if (threads <= 1)
            shared_.emplace(boost::asio::make_strand(io));
    }

    ConnectionStrand next() const { return shared_ ? *shared_ : boost::asio::make_strand(io_); }

  private:
    boost::asio::io_context& io_;
    std::optional<ConnectionStrand> shared_;
};

}  // namespace rapidfire::net
