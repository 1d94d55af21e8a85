#pragma once
// A small synchronous WebSocket/HTTP client for the integration tests. Every call is bounded by
// a timeout, so a test that goes wrong fails instead of hanging. Beast stays out of this header,
// so test files include it cheaply.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::test {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Millis = std::chrono::milliseconds;

inline constexpr Millis default_timeout = 5s;

struct HttpReply {
    int status = 0;
    std::string content_type;
    std::string body;
};

// GET http://127.0.0.1:port/target.
HttpReply http_get(std::uint16_t port, const std::string& target, Millis timeout = default_timeout);
// The same with an Authorization header (empty: none).
HttpReply http_get_authorized(std::uint16_t port, const std::string& target,
                              const std::string& authorization, Millis timeout = default_timeout);

// Connects and reads whatever the server sends until it closes, sending nothing.
std::string read_until_closed(std::uint16_t port, Millis timeout = default_timeout);

struct ClientOptions {
    std::string target = "/ws";
    std::optional<std::string> origin;
    int receive_buffer_bytes = 0;  // 0: the system default
};

// The outcome of an opening handshake that may be refused.
struct Handshake {
    bool upgraded = false;
    int status = 0;  // the HTTP status of the server's answer
};
Handshake try_handshake(std::uint16_t port, const ClientOptions& options);

class ClientStream;  // client_stream.hpp

class TestClient {
  public:
    // Connects and completes the WebSocket handshake; throws when either fails.
    explicit TestClient(std::uint16_t port, const ClientOptions& options = {});
    // A client over a stream already past its WebSocket handshake: the wss tests open theirs
    // over TLS.
    explicit TestClient(std::unique_ptr<ClientStream> stream);
    ~TestClient();
    TestClient(TestClient&&) noexcept;
    TestClient& operator=(TestClient&&) noexcept;

    void send_text(std::string_view text);
    void send_binary(std::string_view data);
    void send(const protocol::ClientMessage& message);

    // The next text message; nullopt on timeout or when the connection has closed.
    std::optional<std::string> next_text(Millis timeout = default_timeout);
    // The next message, decoded; throws on timeout or close.
    protocol::ServerMessage next(Millis timeout = default_timeout);
    // The next message, which must be an M.
    template <class M>
    M expect(Millis timeout = default_timeout);
    // Skips other messages until an M arrives. An unexpected error message throws.
    template <class M>
    M wait_for(Millis timeout = default_timeout);
    // Reads (and discards) until the server closes; the close code, or nullopt on timeout.
    std::optional<int> wait_closed(Millis timeout = default_timeout);

    bool closed() const;
    int close_code() const;
    std::string close_reason() const;

    // Cuts the TCP connection without a close handshake (a dropped network).
    void drop();
    // Cuts the TCP connection with a reset (SO_LINGER 0): the abrupt end of a crashed client.
    void reset();

    // Reads for `duration`, answering the server's pings; what arrives stays queued for next().
    // Keeps a client alive while the test waits on something else.
    void keep_reading(Millis duration);

  private:
    std::unique_ptr<ClientStream> stream_;
};

// A client of the server on 127.0.0.1:port that has read its welcome.
TestClient welcomed_client(std::uint16_t port, const ClientOptions& options = {});

// A bare TCP connection, for bytes no well-behaved client sends: a request written one byte at a
// time, a half-sent handshake, a reset. Every call is bounded in time.
class RawConnection {
  public:
    explicit RawConnection(std::uint16_t port);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // Writes every byte; false when the server has closed or reset the connection.
    bool write(std::string_view bytes);
    // True when the server closes the connection within the timeout; what it sent before is
    // kept in received().
    bool wait_closed(Millis timeout);
    const std::string& received() const;
    // Ends the connection with a FIN, or with a reset (SO_LINGER 0).
    void close();
    void reset();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Thrown when a message does not arrive or is not the one expected.
class UnexpectedMessage : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::string describe(const protocol::ServerMessage& message);

template <class M>
M TestClient::expect(Millis timeout) {
    auto message = next(timeout);
    if (auto* m = std::get_if<M>(&message))
        return std::move(*m);
    throw UnexpectedMessage("expected " + std::string(M::type) + ", got " + describe(message));
}

template <class M>
M TestClient::wait_for(Millis timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now());
        if (left <= Millis::zero()) {
            throw UnexpectedMessage("timed out waiting for " + std::string(M::type));
        }
        auto message = next(left);
        if (auto* m = std::get_if<M>(&message))
            return std::move(*m);
        if constexpr (!std::is_same_v<M, protocol::Error>) {
            if (std::holds_alternative<protocol::Error>(message)) {
                throw UnexpectedMessage("waiting for " + std::string(M::type) + ", got " +
                                        describe(message));
            }
        }
    }
}

}  // namespace rapidfire::test
