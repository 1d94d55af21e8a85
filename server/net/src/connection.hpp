#pragma once
// A client connection as rooms and the server see it. The WebSocket session implements it;
// keeping this interface free of Beast lets rooms and the registry compile without it.
//
// Threading: every function may be called from any thread. Implementations dispatch the work
// to the connection's strand: it runs at once when the caller is on that strand already (one
// I/O thread: every connection and room share one, see strand_source.hpp), else it is queued
// there. Either way calls made in order from one strand arrive in that order.

#include <atomic>
#include <cstdint>
#include <memory>

#include "frame.hpp"
#include "rapidfire/core/outgoing.hpp"

namespace rapidfire::net {

class HostedRoom;

class Connection {
  public:
    Connection() : id_(next_id_.fetch_add(1, std::memory_order_relaxed)) {}
    virtual ~Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Unique for the life of the process; rooms use it to tell two tabs on one seat apart.
    std::uint64_t id() const { return id_; }

    // Queues frames to send, in order.
    virtual void deliver(FrameBatch frames) = 0;
    // The room gave this connection the seat `member` (after create, join or resume).
    virtual void seated(std::shared_ptr<HostedRoom> room, core::MemberId member) = 0;
    // The connection no longer holds `member` in `room` (kicked, left, seat taken over by a
    // resume elsewhere, room closed). Ignored if the connection has moved on.
    virtual void unseated(const HostedRoom* room, core::MemberId member) = 0;
    // A create, join or resume was refused; `error` says why.
    virtual void seat_refused(Frame error) = 0;
    // The connection's place in the matching queue ended without a room (refused, left,
    // declined, no show); the frames saying so were delivered first.
    virtual void left_queue() = 0;
    // The server is stopping: close with 1012 "service restart" once queued frames are sent.
    virtual void shut_down() = 0;

  private:
    static inline std::atomic<std::uint64_t> next_id_{1};
    std::uint64_t id_;
};

}  // namespace rapidfire::net
