#include "test_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "client_stream.hpp"
#include "http_exchange.hpp"
#include "io_pump.hpp"
#include "rapidfire/protocol/codec.hpp"

namespace rapidfire::test {

namespace http = beast::http;
using asio::ip::tcp;

namespace {

tcp::endpoint loopback(std::uint16_t port) {
    return {asio::ip::make_address("127.0.0.1"), port};
}

void connect(asio::io_context& io, tcp::socket& socket, std::uint16_t port, Millis timeout) {
    bool done = false;
    beast::error_code result;
    socket.async_connect(loopback(port), [&](beast::error_code ec) {
        done = true;
        result = ec;
    });
    if (!pump(
            io, [&] { return done; }, Clock::now() + timeout)) {
        beast::error_code ignored;
        socket.close(ignored);
        drain(io);
        throw std::runtime_error("connect timed out");
    }
    if (result)
        throw beast::system_error(result);
}

}  // namespace

HttpReply http_get(std::uint16_t port, const std::string& target, Millis timeout) {
    return http_get_authorized(port, target, "", timeout);
}

HttpReply http_get_authorized(std::uint16_t port, const std::string& target,
                              const std::string& authorization, Millis timeout) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    connect(io, stream.socket(), port, timeout);
    return get_over(io, stream, target, authorization, timeout);
}

std::string read_until_closed(std::uint16_t port, Millis timeout) {
    asio::io_context io;
    tcp::socket socket(io);
    connect(io, socket, port, timeout);
    std::string received;
    std::array<char, 4096> chunk{};
    bool done = false;
    std::function<void()> read_more = [&] {
        socket.async_read_some(asio::buffer(chunk), [&](beast::error_code ec, std::size_t n) {
            received.append(chunk.data(), n);
            if (ec) {
                done = true;
            } else {
                read_more();
            }
        });
    };
    read_more();
    if (!pump(
            io, [&] { return done; }, Clock::now() + timeout)) {
        beast::error_code ignored;
        socket.close(ignored);
        drain(io);
        throw std::runtime_error("the server did not close the connection");
    }
    return received;
}

Handshake try_handshake(std::uint16_t port, const ClientOptions& options) {
    asio::io_context io;
    websocket::stream<beast::tcp_stream> ws(io);
    connect(io, beast::get_lowest_layer(ws).socket(), port, default_timeout);
    beast::get_lowest_layer(ws).expires_after(default_timeout);
    if (options.origin) {
        ws.set_option(websocket::stream_base::decorator(
            [origin = *options.origin](websocket::request_type& request) {
                request.set(http::field::origin, origin);
            }));
    }
    websocket::response_type response;
    bool done = false;
    beast::error_code result;
    ws.async_handshake(response, "127.0.0.1", options.target, [&](beast::error_code ec) {
        done = true;
        result = ec;
    });
    pump(
        io, [&] { return done; }, Clock::now() + default_timeout + 1s);
    if (!done)
        throw std::runtime_error("handshake timed out");
    Handshake handshake{!result, static_cast<int>(response.result_int())};
    beast::error_code ignored;
    beast::get_lowest_layer(ws).socket().close(ignored);
    drain(io);
    return handshake;
}

namespace {

using PlainStream = WebSocketStream<websocket::stream<beast::tcp_stream>>;

std::unique_ptr<PlainStream> open_plain(std::uint16_t port, const ClientOptions& options) {
    auto stream = std::make_unique<PlainStream>();
    if (options.receive_buffer_bytes > 0) {
        stream->socket().open(tcp::v4());
        stream->socket().set_option(
            asio::socket_base::receive_buffer_size(options.receive_buffer_bytes));
    }
    connect(stream->io, stream->socket(), port, default_timeout);
    if (options.origin) {
        stream->ws.set_option(websocket::stream_base::decorator(
            [origin = *options.origin](websocket::request_type& request) {
                request.set(http::field::origin, origin);
            }));
    }
    stream->handshake(options.target);
    return stream;
}

}  // namespace

TestClient::TestClient(std::uint16_t port, const ClientOptions& options)
    : TestClient(open_plain(port, options)) {}

TestClient::TestClient(std::unique_ptr<ClientStream> stream) : stream_(std::move(stream)) {}

TestClient::~TestClient() = default;
TestClient::TestClient(TestClient&&) noexcept = default;
TestClient& TestClient::operator=(TestClient&&) noexcept = default;

TestClient welcomed_client(std::uint16_t port, const ClientOptions& options) {
    TestClient client(port, options);
    client.expect<protocol::Welcome>();
    return client;
}

void TestClient::send_text(std::string_view text) {
    stream_->write(text, false);
}
void TestClient::send_binary(std::string_view data) {
    stream_->write(data, true);
}
void TestClient::send(const protocol::ClientMessage& message) {
    send_text(protocol::encode(message));
}

std::optional<std::string> TestClient::next_text(Millis timeout) {
    if (stream_->inbox.empty()) {
        stream_->start_read();
        pump(
            stream_->io, [&] { return !stream_->inbox.empty() || stream_->closed; },
            Clock::now() + timeout);
    }
    if (stream_->inbox.empty())
        return std::nullopt;
    std::string text = std::move(stream_->inbox.front());
    stream_->inbox.pop_front();
    return text;
}

protocol::ServerMessage TestClient::next(Millis timeout) {
    auto text = next_text(timeout);
    if (!text) {
        if (stream_->closed) {
            throw UnexpectedMessage("connection closed (" + stream_->close_error.message() +
                                    ", close code " + std::to_string(close_code()) + " " +
                                    close_reason() + ")");
        }
        throw UnexpectedMessage("no message within " + std::to_string(timeout.count()) + " ms");
    }
    auto decoded = protocol::decode_server_message(*text);
    if (auto* error = std::get_if<protocol::DecodeError>(&decoded)) {
        throw UnexpectedMessage("undecodable server message " + *text + ": " + error->message);
    }
    return std::get<protocol::ServerMessage>(std::move(decoded));
}

std::optional<int> TestClient::wait_closed(Millis timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!stream_->closed) {
        stream_->inbox.clear();
        stream_->start_read();
        if (!pump(
                stream_->io, [&] { return !stream_->inbox.empty() || stream_->closed; },
                deadline)) {
            return std::nullopt;
        }
    }
    return close_code();
}

bool TestClient::closed() const {
    return stream_->closed;
}
int TestClient::close_code() const {
    return static_cast<int>(stream_->reason().code);
}
std::string TestClient::close_reason() const {
    return std::string(stream_->reason().reason.c_str());
}

void TestClient::drop() {
    beast::error_code ignored;
    stream_->socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_->socket().close(ignored);
    drain(stream_->io);
    stream_->closed = true;
}

void TestClient::reset() {
    auto& socket = stream_->socket();
    beast::error_code ignored;
    socket.set_option(asio::socket_base::linger(true, 0), ignored);
    socket.close(ignored);
    drain(stream_->io);
    stream_->closed = true;
}

void TestClient::keep_reading(Millis duration) {
    const auto deadline = Clock::now() + duration;
    while (!stream_->closed && Clock::now() < deadline) {
        stream_->start_read();
        if (stream_->io.stopped())
            stream_->io.restart();
        stream_->io.run_one_until(deadline);
    }
}

struct RawConnection::Impl {
    asio::io_context io;
    tcp::socket socket{io};
    std::array<char, 4096> chunk{};
    std::string received;
    bool reading = false;
    bool closed = false;

    ~Impl() {
        beast::error_code ignored;
        socket.close(ignored);
        drain(io);
    }

    // One read at a time; the handler touches members only, so it may outlive a timed-out wait.
    void start_read() {
        if (reading || closed)
            return;
        reading = true;
        socket.async_read_some(asio::buffer(chunk), [this](beast::error_code ec, std::size_t n) {
            reading = false;
            received.append(chunk.data(), n);
            if (ec)
                closed = true;
        });
    }
};

RawConnection::RawConnection(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
    connect(impl_->io, impl_->socket, port, default_timeout);
}

RawConnection::~RawConnection() = default;

bool RawConnection::write(std::string_view bytes) {
    if (impl_->closed)
        return false;
    bool done = false;
    beast::error_code result;
    asio::async_write(impl_->socket, asio::buffer(bytes.data(), bytes.size()),
                      [&](beast::error_code ec, std::size_t) {
                          done = true;
                          result = ec;
                      });
    if (!pump(
            impl_->io, [&] { return done; }, Clock::now() + default_timeout)) {
        // The handler refers to locals: let it run (aborted) before they go.
        beast::error_code ignored;
        impl_->socket.close(ignored);
        pump(
            impl_->io, [&] { return done; }, Clock::now() + 1s);
        impl_->closed = true;
        return false;
    }
    if (result)
        impl_->closed = true;
    return !result;
}

bool RawConnection::wait_closed(Millis timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!impl_->closed) {
        impl_->start_read();
        if (!pump(
                impl_->io, [&] { return !impl_->reading || impl_->closed; }, deadline)) {
            return impl_->closed;
        }
    }
    return true;
}

const std::string& RawConnection::received() const {
    return impl_->received;
}

void RawConnection::close() {
    beast::error_code ignored;
    impl_->socket.shutdown(tcp::socket::shutdown_send, ignored);
    impl_->socket.close(ignored);
    drain(impl_->io);
    impl_->closed = true;
}

void RawConnection::reset() {
    beast::error_code ignored;
    impl_->socket.set_option(asio::socket_base::linger(true, 0), ignored);
    impl_->socket.close(ignored);
    drain(impl_->io);
    impl_->closed = true;
}

std::string describe(const protocol::ServerMessage& message) {
    std::string text = protocol::encode(message);
    if (text.size() > 300)
        text = text.substr(0, 300) + "...";
    return text;
}

}  // namespace rapidfire::test
