#include "client_connection.hpp"

#include <netinet/in.h>
#include <sys/socket.h>

#include <deque>

#include <boost/asio/post.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "rapidfire/protocol/codec.hpp"
#include "thread_stats.hpp"

namespace rapidfire::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

// Each worker thread runs one io_context and nothing else, so a connection needs no strand;
// the socket carries the io_context's executor by its concrete type, which keeps Beast's
// operations off the type-erased any_io_executor.
using Socket = asio::basic_stream_socket<tcp, asio::io_context::executor_type>;

class WsClientConnection final : public ClientConnection,
                                 public std::enable_shared_from_this<WsClientConnection> {
  public:
    WsClientConnection(asio::io_context& io, ConnectionListener& listener, ThreadStats& stats)
        : ws_(io.get_executor()), listener_(&listener), stats_(&stats) {}

    void open(const ServerAddress& address, std::size_t slot, std::string_view room) override {
        address_ = &address;
        if (!room.empty())
            target_ = address.target + "?room=" + std::string(room);
        auto& socket = beast::get_lowest_layer(ws_);
        if (!address.sources.empty()) {
            if (auto ec = bind_source(address.sources[slot % address.sources.size()])) {
                why_ = "bind_failed (" + ec.message() + ")";
                // Reported from the io_context, never from inside the caller's own call.
                return asio::post(socket.get_executor(), [self = shared_from_this(), ec] {
                    self->finish(ec, self->why_);
                });
            }
        }
        socket.async_connect(address.endpoint, [self = shared_from_this()](beast::error_code ec) {
            self->on_connect(ec);
        });
    }

    void send(std::string text) override {
        if (finished_ || close_requested_)
            return;
        queue_.push_back(std::move(text));
        if (opened_ && !writing_)
            do_write();
    }

    void close() override {
        if (finished_ || close_requested_)
            return;
        close_requested_ = true;
        if (!opened_)
            return abort();
        if (!writing_)
            do_close();
    }

    void abort() override {
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).shutdown(Socket::shutdown_both, ignored);
        beast::get_lowest_layer(ws_).close(ignored);
    }

  private:
    beast::error_code bind_source(const asio::ip::address& source) {
        auto& socket = beast::get_lowest_layer(ws_);
        beast::error_code ec;
        socket.open(address_->endpoint.protocol(), ec);
        if (ec)
            return ec;
#ifdef IP_BIND_ADDRESS_NO_PORT
        // The port is then chosen at connect time for the whole address pair, so ports in use
        // towards other servers stay usable.
        const int on = 1;
        ::setsockopt(socket.native_handle(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof on);
#endif
        socket.bind(tcp::endpoint(source, 0), ec);
        return ec;
    }

    void on_connect(beast::error_code ec) {
        if (ec) {
            why_ = "connect_failed (" + ec.message() + ")";
            return finish(ec, why_);
        }
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).set_option(tcp::no_delay(true), ignored);
        if (close_requested_)
            return abort();
        ws_.text(true);
        ws_.async_handshake(
            address_->host, target_.empty() ? address_->target : target_,
            [self = shared_from_this()](beast::error_code ec) { self->on_handshake(ec); });
    }

    void on_handshake(beast::error_code ec) {
        if (ec) {
            why_ = "handshake_failed (" + ec.message() + ")";
            return finish(ec, why_);
        }
        opened_ = true;
        do_read();
        if (!queue_.empty())
            do_write();
    }

    void do_read() {
        ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->on_read(ec);
        });
    }

    void on_read(beast::error_code ec) {
        if (ec)
            return finish(ec, ec == websocket::error::closed ? "closed_by_server" : "disconnected");
        // Stamped before any decoding, so the bench's own work counts as little as possible.
        const Arrival arrival{std::chrono::steady_clock::now(),
                              std::chrono::duration_cast<std::chrono::microseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count()};
        const auto data = buffer_.cdata();
        ThreadStats::bump(stats_->messages_in);
        ThreadStats::bump(stats_->bytes_in, data.size());
        auto decoded = protocol::decode_server_message(
            std::string_view(static_cast<const char*>(data.data()), data.size()));
        buffer_.consume(buffer_.size());
        if (const auto* message = std::get_if<protocol::ServerMessage>(&decoded)) {
            listener_->on_message(*message, arrival);
        } else {
            stats_->error("undecodable_message");
        }
        if (!finished_)
            do_read();
    }

    void do_write() {
        writing_ = true;
        ws_.async_write(asio::buffer(queue_.front()),
                        [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                            self->on_write(ec, bytes);
                        });
    }

    void on_write(beast::error_code ec, std::size_t bytes) {
        writing_ = false;
        if (ec) {
            // The read loop sees the failure too and reports it.
            queue_.clear();
            return;
        }
        ThreadStats::bump(stats_->messages_out);
        ThreadStats::bump(stats_->bytes_out, bytes);
        queue_.pop_front();
        if (!queue_.empty())
            return do_write();
        if (close_requested_ && !close_sent_)
            do_close();
    }

    void do_close() {
        close_sent_ = true;
        ws_.async_close(websocket::close_code::normal,
                        [self = shared_from_this()](beast::error_code) {
                            // The read loop ends with `closed` once the server answers.
                        });
    }

    void finish(beast::error_code ec, std::string_view why) {
        if (finished_)
            return;
        finished_ = true;
        queue_.clear();
        const bool clean = ec == websocket::error::closed && close_sent_;
        abort();
        listener_->on_closed(clean ? std::string_view("closed") : why);
    }

    websocket::stream<Socket> ws_;
    beast::flat_buffer buffer_;
    std::deque<std::string> queue_;
    ConnectionListener* listener_;
    ThreadStats* stats_;
    const ServerAddress* address_ = nullptr;
    std::string target_;  // the path with the room named; empty: address_->target
    std::string why_;     // why opening failed, with the system's words
    bool opened_ = false;
    bool writing_ = false;
    bool close_requested_ = false;
    bool close_sent_ = false;
    bool finished_ = false;
};

}  // namespace

std::shared_ptr<ClientConnection> ClientConnection::create(asio::io_context& io,
                                                           ConnectionListener& listener,
                                                           ThreadStats& stats) {
    return std::make_shared<WsClientConnection>(io, listener, stats);
}

}  // namespace rapidfire::bench
