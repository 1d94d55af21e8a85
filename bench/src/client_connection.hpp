#pragma once
// One WebSocket client connection: connect, opening handshake, a read loop that decodes every
// frame and hands it to its listener, and a write queue with one write in flight. Beast lives
// only in the .cpp, so the roles compile without it.
//
// Threading: a connection belongs to one worker's io_context, which runs on one thread; every
// function must be called on that thread.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/io_context.hpp>

#include "rapidfire/protocol/messages.hpp"
#include "server_address.hpp"

namespace rapidfire::bench {

struct ThreadStats;

// When a message was read: the steady clock for intervals the bench measures itself, the wall
// clock (microseconds since the epoch) to compare with the server's `server_time`.
struct Arrival {
    std::chrono::steady_clock::time_point steady;
    std::int64_t wall_us = 0;
};

class ConnectionListener {
  public:
    virtual ~ConnectionListener() = default;
    virtual void on_message(const protocol::ServerMessage& message, const Arrival& arrival) = 0;
    // The connection is over, for whatever reason; called once. `why` is a short reason for
    // error counts: closed (a close we asked for), closed_by_server, disconnected,
    // connect_failed or handshake_failed.
    virtual void on_closed(std::string_view why) = 0;
};

class ClientConnection {
  public:
    // `listener` and `stats` must outlive the connection's last handler.
    static std::shared_ptr<ClientConnection> create(boost::asio::io_context& io,
                                                    ConnectionListener& listener,
                                                    ThreadStats& stats);
    virtual ~ClientConnection() = default;

    // Connects from `address.sources[slot % size]` (when there are sources) and opens the
    // WebSocket, naming `room` in its URL when given (/ws?room=CODE: behind a proxy, how a
    // join reaches the room's server).
    virtual void open(const ServerAddress& address, std::size_t slot,
                      std::string_view room = {}) = 0;
    // Queues one text frame.
    virtual void send(std::string text) = 0;
    // Sends what is queued, then a close frame; the listener hears on_closed when it is done.
    virtual void close() = 0;
    // Cuts the TCP connection now.
    virtual void abort() = 0;
};

}  // namespace rapidfire::bench
