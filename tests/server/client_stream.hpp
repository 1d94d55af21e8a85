#pragma once
// The connection under a TestClient. The read loop and the bounded writes are the same whatever
// lies under the WebSocket: plain TCP for TestClient's own constructor, TLS in the wss tests.
// This header brings in Beast; test files that only drive clients include test_client.hpp.

#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "io_pump.hpp"
#include "test_client.hpp"

namespace rapidfire::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

// What TestClient needs of its connection, without knowing the stream type.
class ClientStream {
  public:
    virtual ~ClientStream() = default;

    // Starts one read unless one is running: a message goes to `inbox`, an error sets `closed`.
    virtual void start_read() = 0;
    // Writes one message; throws on an error or a timeout.
    virtual void write(std::string_view data, bool binary) = 0;
    // Why the server closed, once it has.
    virtual const websocket::close_reason& reason() const = 0;
    // The TCP socket at the bottom, to cut the connection.
    virtual asio::ip::tcp::socket& socket() = 0;

    asio::io_context io;  // run only by the test's thread, in bounded waits
    std::deque<std::string> inbox;
    bool closed = false;
    beast::error_code close_error;
};

// A ClientStream over a Beast WebSocket stream: websocket::stream<beast::tcp_stream>, or the same
// over an ssl_stream.
template <class Ws>
class WebSocketStream final : public ClientStream {
  public:
    // The arguments after the io_context go to the stream (a TLS stream takes its context).
    template <class... Args>
    explicit WebSocketStream(Args&&... args) : ws(io, std::forward<Args>(args)...) {}

    ~WebSocketStream() override {
        // Pending handlers refer to this object: let them run (aborted) before it goes.
        beast::error_code ignored;
        socket().close(ignored);
        drain(io);
    }

    // The WebSocket handshake, over a connection already open.
    void handshake(const std::string& target) {
        bool done = false;
        beast::error_code result;
        ws.async_handshake("127.0.0.1", target, [&](beast::error_code ec) {
            done = true;
            result = ec;
        });
        finish([&] { return done; }, "WebSocket handshake timed out");
        if (result)
            throw beast::system_error(result);
        // Answers the server's pings while reading; no idle limit of its own.
        ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    }

    void start_read() override {
        if (reading_ || closed)
            return;
        reading_ = true;
        ws.async_read(buffer_, [this](beast::error_code ec, std::size_t) {
            reading_ = false;
            if (ec) {
                closed = true;
                close_error = ec;
                return;
            }
            inbox.push_back(beast::buffers_to_string(buffer_.data()));
            buffer_.consume(buffer_.size());
        });
    }

    void write(std::string_view data, bool binary) override {
        if (closed)
            throw std::runtime_error("write on a closed connection");
        auto copy = std::make_shared<std::string>(data);
        bool done = false;
        beast::error_code result;
        ws.binary(binary);
        ws.async_write(asio::buffer(*copy),
                       [&done, &result, copy](beast::error_code ec, std::size_t) {
                           done = true;
                           result = ec;
                       });
        finish([&] { return done; }, "write timed out");
        if (result)
            throw beast::system_error(result);
    }

    const websocket::close_reason& reason() const override { return ws.reason(); }
    asio::ip::tcp::socket& socket() override { return beast::get_lowest_layer(ws).socket(); }

    Ws ws;

  private:
    // Runs handlers until `done()`. On a timeout, cuts the connection and throws `timed_out`
    // once the handler, which refers to the caller's locals, has run (aborted).
    template <class Done>
    void finish(Done done, const char* timed_out) {
        if (pump(io, done, Clock::now() + default_timeout))
            return;
        beast::error_code ignored;
        socket().close(ignored);
        pump(io, done, Clock::now() + std::chrono::seconds(1));
        closed = true;
        throw std::runtime_error(timed_out);
    }

    beast::flat_buffer buffer_;
    bool reading_ = false;
};

}  // namespace rapidfire::test
