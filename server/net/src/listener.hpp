#pragma once
// Accepts TCP connections, each on its own strand, and serves each (serve_connection). Refuses
// connections past --max-connections (or --max-connections-per-ip from one address) with a
// 503, and backs off when the process runs out of file descriptors instead of spinning.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "connection_stream.hpp"

namespace rapidfire::net {

struct ServerContext;

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    // Binds and listens; throws boost::system::system_error when that fails.
    Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
             std::shared_ptr<ServerContext> context);

    std::uint16_t port() const { return port_; }
    void run();
    // Stops accepting (from any thread).
    void stop();

  private:
    void do_accept();
    void on_accept(boost::system::error_code ec, ConnectionSocket socket);
    // Answers 503 server_full and closes; `crowded`: the address over --max-connections-per-ip.
    void refuse(ConnectionSocket socket,
                std::optional<boost::asio::ip::address> crowded = std::nullopt);

    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer backoff_;
    std::shared_ptr<ServerContext> context_;
    std::uint16_t port_ = 0;
    bool stopped_ = false;
    std::chrono::steady_clock::time_point last_refusal_warning_{};
};

}  // namespace rapidfire::net
