// The only translation unit that includes Beast.

#include "websocket_client.hpp"

#include <chrono>
#include <deque>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace rapidfire::client {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

constexpr auto connect_timeout = std::chrono::seconds(5);

class BeastClient final : public WebSocketClient, public std::enable_shared_from_this<BeastClient> {
  public:
    BeastClient(asio::io_context& io, WsUrl url, Handlers handlers)
        : resolver_(io), ws_(io), url_(std::move(url)), handlers_(std::move(handlers)) {}

    void start() {
        resolver_.async_resolve(
            url_.host, url_.port,
            [self = shared_from_this()](beast::error_code ec, tcp::resolver::results_type results) {
                self->on_resolve(ec, std::move(results));
            });
    }

    void send(std::string frame) override {
        if (ended_ || closing_)
            return;
        queue_.push_back(std::move(frame));
        if (open_ && !writing_)
            write_next();
    }

    void close() override {
        if (ended_ || closing_)
            return;
        closing_ = true;
        if (!open_)
            return end("closed");
        if (writing_)
            return;  // the close follows the write in flight
        start_close();
    }

    void detach() override {
        handlers_ = {};
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).socket().close(ignored);
    }

  private:
    void on_resolve(beast::error_code ec, tcp::resolver::results_type results) {
        if (ec)
            return end("cannot resolve " + url_.host + ": " + ec.message());
        beast::get_lowest_layer(ws_).expires_after(connect_timeout);
        beast::get_lowest_layer(ws_).async_connect(
            results, [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
                self->on_connect(ec);
            });
    }

    void on_connect(beast::error_code ec) {
        if (ec)
            return end(ec.message());
        if (closing_)
            return end("closed");
        beast::get_lowest_layer(ws_).expires_never();
        // The client sends no pings of its own; it answers the server's.
        websocket::stream_base::timeout timeout{};
        timeout.handshake_timeout = connect_timeout;
        timeout.idle_timeout = websocket::stream_base::none();
        timeout.keep_alive_pings = false;
        ws_.set_option(timeout);
        ws_.text(true);
        const bool v6 = url_.host.find(':') != std::string::npos;
        const std::string host = (v6 ? "[" + url_.host + "]" : url_.host) + ":" + url_.port;
        ws_.async_handshake(host, url_.target, [self = shared_from_this()](beast::error_code ec) {
            self->on_handshake(ec);
        });
    }

    void on_handshake(beast::error_code ec) {
        if (ec)
            return end("WebSocket handshake failed: " + ec.message());
        open_ = true;
        if (handlers_.opened)
            handlers_.opened();
        read_next();
        if (closing_) {
            start_close();
        } else if (!queue_.empty() && !writing_) {
            write_next();
        }
    }

    void read_next() {
        ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->on_read(ec);
        });
    }

    void on_read(beast::error_code ec) {
        if (ec) {
            if (ec == websocket::error::closed) {
                const auto reason = ws_.reason();
                return end("closed by the server (code " + std::to_string(reason.code) +
                           (reason.reason.empty()
                                ? ""
                                : ": " + std::string(reason.reason.data(), reason.reason.size())) +
                           ")");
            }
            return end(ec.message());
        }
        std::string frame = beast::buffers_to_string(buffer_.data());
        buffer_.consume(buffer_.size());
        if (handlers_.frame)
            handlers_.frame(std::move(frame));
        if (!ended_)
            read_next();
    }

    void write_next() {
        writing_ = true;
        ws_.async_write(
            asio::buffer(queue_.front()),
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_write(ec); });
    }

    void on_write(beast::error_code ec) {
        writing_ = false;
        if (ec)
            return end(ec.message());
        queue_.pop_front();
        if (closing_)
            return start_close();
        if (!queue_.empty())
            write_next();
    }

    void start_close() {
        ws_.async_close(websocket::close_code::normal,
                        [self = shared_from_this()](beast::error_code) { self->end("closed"); });
    }

    void end(const std::string& why) {
        if (ended_)
            return;
        ended_ = true;
        open_ = false;
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).socket().close(ignored);
        auto closed = std::move(handlers_.closed);
        handlers_ = {};
        if (closed)
            closed(why);
    }

    tcp::resolver resolver_;
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
    std::deque<std::string> queue_;
    WsUrl url_;
    Handlers handlers_;
    bool open_ = false;
    bool writing_ = false;
    bool closing_ = false;
    bool ended_ = false;
};

}  // namespace

std::shared_ptr<WebSocketClient> WebSocketClient::connect(asio::io_context& io, const WsUrl& url,
                                                          Handlers handlers) {
    auto client = std::make_shared<BeastClient>(io, url, std::move(handlers));
    client->start();
    return client;
}

}  // namespace rapidfire::client
