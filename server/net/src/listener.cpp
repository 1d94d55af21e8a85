#include "listener.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/socket_base.hpp>
#include <boost/asio/write.hpp>

#include "http_session.hpp"
#include "server_context.hpp"

namespace rapidfire::net {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

std::string refusal_response(std::string_view message) {
    const std::string body =
        fmt::format(R"({{"type":"error","code":"server_full","message":"{}"}})", message);
    return fmt::format(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        "Retry-After: 5\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{}",
        body.size(), body);
}

// Sent to a connection over --max-connections; a WebSocket client sees its handshake fail.
const std::string& server_full_response() {
    static const std::string response = refusal_response("the server is full");
    return response;
}

// Sent to a connection over --max-connections-per-ip: the same refusal, saying why.
const std::string& address_full_response() {
    static const std::string response = refusal_response("too many connections from your address");
    return response;
}

constexpr auto accept_backoff = std::chrono::milliseconds(100);

}  // namespace

Listener::Listener(asio::io_context& io, const tcp::endpoint& endpoint,
                   std::shared_ptr<ServerContext> context)
    : strand_(asio::make_strand(io)),
      acceptor_(strand_),
      backoff_(strand_),
      context_(std::move(context)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
}

void Listener::run() {
    asio::post(strand_, [self = shared_from_this()] { self->do_accept(); });
}

void Listener::stop() {
    asio::post(strand_, [self = shared_from_this()] {
        self->stopped_ = true;
        self->backoff_.cancel();
        boost::system::error_code ignored;
        self->acceptor_.close(ignored);
    });
}

void Listener::do_accept() {
    if (stopped_)
        return;
    // Each connection runs on a strand (strand_source.hpp): its handlers never run concurrently.
    acceptor_.async_accept(
        context_->strands.next(),
        [self = shared_from_this()](boost::system::error_code ec, ConnectionSocket socket) {
            self->on_accept(ec, std::move(socket));
        });
}

void Listener::on_accept(boost::system::error_code ec, ConnectionSocket socket) {
    if (stopped_ || ec == asio::error::operation_aborted)
        return;
    if (ec) {
        // Typically EMFILE: out of descriptors. Wait for connections to close.
        spdlog::warn("accept failed: {}; retrying in {} ms", ec.message(), accept_backoff.count());
        backoff_.expires_after(accept_backoff);
        backoff_.async_wait([self = shared_from_this()](boost::system::error_code wait_ec) {
            if (!wait_ec)
                self->do_accept();
        });
        return;
    }
    boost::system::error_code no_peer;  // a peer already gone counts as 0.0.0.0, briefly
    const auto peer = socket.remote_endpoint(no_peer).address();
    if (static_cast<std::size_t>(context_->metrics->open_connections()) >=
        context_->options.max_connections) {
        refuse(std::move(socket));
    } else if (auto lease =
                   context_->connections.admit(peer, context_->options.max_connections_per_ip);
               !lease) {
        refuse(std::move(socket), peer);
    } else {
        boost::system::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        serve_connection(std::move(socket), ConnectionSlot(context_->metrics, std::move(*lease)),
                         context_);
    }
    do_accept();
}

void Listener::refuse(ConnectionSocket socket, std::optional<asio::ip::address> crowded) {
    context_->metrics->connection_refused();
    // One warning per burst of refusals is enough; the metric counts them all.
    const auto now = std::chrono::steady_clock::now();
    if (now - last_refusal_warning_ > std::chrono::seconds(10)) {
        last_refusal_warning_ = now;
        if (crowded) {
            spdlog::warn("refusing connections from {}: {} open (--max-connections-per-ip {})",
                         crowded->to_string(), context_->connections.open_from(*crowded),
                         context_->options.max_connections_per_ip);
        } else {
            spdlog::warn("refusing connections: {} open (--max-connections {})",
                         context_->metrics->open_connections(), context_->options.max_connections);
        }
    }
    boost::system::error_code ignored;
    // On a TLS port the 503 would need a TLS handshake first, the very work a full server
    // spares itself, and plain text would only look like a broken handshake to the client: the
    // connection is closed without a response.
    if (!context_->tls) {
        // Best effort and never blocking: a fresh socket's send buffer takes this at once.
        socket.non_blocking(true, ignored);
        socket.write_some(asio::buffer(crowded ? address_full_response() : server_full_response()),
                          ignored);
    }
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
}

}  // namespace rapidfire::net
