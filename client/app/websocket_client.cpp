// The only translation unit that includes Beast: the WebSocket connection and the HTTP GET of the
// results commands share the connection code here (resolve, connect, and for wss:// the TLS
// handshake with the server's certificate and name checked).

#include "websocket_client.hpp"

#include <chrono>
#include <deque>
#include <fstream>
#include <stdexcept>
#include <type_traits>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "http_client.hpp"

namespace rapidfire::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

struct ClientTls {
    ssl::context context{ssl::context::tls_client};
};

std::shared_ptr<ClientTls> make_client_tls(const std::string& ca_file) {
    auto tls = std::make_shared<ClientTls>();
    auto& context = tls->context;
    ::SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_compression);
    beast::error_code ec;
    if (ca_file.empty()) {
        context.set_default_verify_paths(ec);
        if (ec)
            throw std::runtime_error("cannot load the system's trust store: " + ec.message());
    } else {
        // OpenSSL's own message for a missing file is cryptic: say it plainly.
        if (!std::ifstream(ca_file))
            throw std::runtime_error("cannot read the CA file " + ca_file);
        context.load_verify_file(ca_file, ec);
        if (ec) {
            throw std::runtime_error("the CA file " + ca_file +
                                     " holds no PEM certificate: " + ec.message());
        }
    }
    context.set_verify_mode(ssl::verify_peer);
    return tls;
}

namespace {

constexpr auto connect_timeout = std::chrono::seconds(5);

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream>
constexpr bool is_tls = std::is_same_v<Stream, TlsStream>;

// "HOST:PORT" for the Host header, brackets around an IPv6 literal.
std::string host_header(const WsUrl& url) {
    const bool v6 = url.host.find(':') != std::string::npos;
    return (v6 ? "[" + url.host + "]" : url.host) + ":" + url.port;
}

// The certificate must be for `host` (a name, or an IP address in its subjectAltName); a name
// is also sent as SNI (an address never is, RFC 6066).
std::string expect_server_name(TlsStream& stream, const std::string& host) {
    SSL* native = stream.native_handle();
    beast::error_code not_address;
    asio::ip::make_address(host, not_address);
    if (not_address) {
        if (::SSL_set_tlsext_host_name(native, host.c_str()) != 1 ||
            ::SSL_set1_host(native, host.c_str()) != 1) {
            return "cannot check the server's name " + host;
        }
    } else if (::X509_VERIFY_PARAM_set1_ip_asc(::SSL_get0_param(native), host.c_str()) != 1) {
        return "cannot check the server's address " + host;
    }
    return {};
}

// Why a TLS handshake failed, with the certificate check's own reason when that was it.
std::string tls_failure(TlsStream& stream, const beast::error_code& ec) {
    const long verify = ::SSL_get_verify_result(stream.native_handle());
    if (verify != X509_V_OK)
        return std::string("the server's certificate was refused: ") +
               ::X509_verify_cert_error_string(verify);
    return ec.message();
}

// Resolves the URL's host, connects `stream` and, for TLS, completes the handshake. Calls
// `done` once with an empty string on success, or with why it failed. `owner` keeps whatever
// holds the stream and the resolver alive until then.
template <class Stream, class Done>
void async_open(Stream& stream, tcp::resolver& resolver, const WsUrl& url,
                std::shared_ptr<void> owner, Done done) {
    resolver.async_resolve(
        url.host, url.port,
        [&stream, url, owner, done](beast::error_code ec, tcp::resolver::results_type results) {
            if (ec)
                return done("cannot resolve " + url.host + ": " + ec.message());
            auto& tcp_layer = beast::get_lowest_layer(stream);
            tcp_layer.expires_after(connect_timeout);
            tcp_layer.async_connect(
                results, [&stream, url, owner, done](beast::error_code ec, const tcp::endpoint&) {
                    if (ec)
                        return done(ec.message());
                    if constexpr (is_tls<Stream>) {
                        if (auto problem = expect_server_name(stream, url.host); !problem.empty())
                            return done(problem);
                        beast::get_lowest_layer(stream).expires_after(connect_timeout);
                        stream.async_handshake(
                            ssl::stream_base::client, [&stream, owner, done](beast::error_code ec) {
                                if (ec) {
                                    return done("TLS handshake failed: " + tls_failure(stream, ec));
                                }
                                beast::get_lowest_layer(stream).expires_never();
                                done(std::string());
                            });
                    } else {
                        beast::get_lowest_layer(stream).expires_never();
                        done(std::string());
                    }
                });
        });
}

template <class Stream>
class BeastClient final : public WebSocketClient,
                          public std::enable_shared_from_this<BeastClient<Stream>> {
  public:
    BeastClient(asio::io_context& io, WsUrl url, std::shared_ptr<ClientTls>,
                Handlers handlers) requires(!is_tls<Stream>)
        : resolver_(io), ws_(io), url_(std::move(url)), handlers_(std::move(handlers)) {}

    BeastClient(asio::io_context& io, WsUrl url, std::shared_ptr<ClientTls> tls,
                Handlers handlers) requires(is_tls<Stream>)
        : tls_(std::move(tls)),
          resolver_(io),
          ws_(io, tls_->context),
          url_(std::move(url)),
          handlers_(std::move(handlers)) {}

    void start() {
        auto self = this->shared_from_this();
        async_open(ws_.next_layer(), resolver_, url_, self,
                   [self](const std::string& failure) { self->on_open(failure); });
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
    void on_open(const std::string& failure) {
        if (!failure.empty())
            return end(failure);
        if (closing_)
            return end("closed");
        // The client sends no pings of its own; it answers the server's.
        websocket::stream_base::timeout timeout{};
        timeout.handshake_timeout = connect_timeout;
        timeout.idle_timeout = websocket::stream_base::none();
        timeout.keep_alive_pings = false;
        ws_.set_option(timeout);
        ws_.text(true);
        ws_.async_handshake(
            host_header(url_), url_.target,
            [self = this->shared_from_this()](beast::error_code ec) { self->on_handshake(ec); });
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
        ws_.async_read(buffer_, [self = this->shared_from_this()](
                                    beast::error_code ec, std::size_t) { self->on_read(ec); });
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
        ws_.async_write(asio::buffer(queue_.front()),
                        [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                            self->on_write(ec);
                        });
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
        ws_.async_close(
            websocket::close_code::normal,
            [self = this->shared_from_this()](beast::error_code) { self->end("closed"); });
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

    std::shared_ptr<ClientTls> tls_;  // outlives the stream that uses its context
    tcp::resolver resolver_;
    websocket::stream<Stream> ws_;
    beast::flat_buffer buffer_;
    std::deque<std::string> queue_;
    WsUrl url_;
    Handlers handlers_;
    bool open_ = false;
    bool writing_ = false;
    bool closing_ = false;
    bool ended_ = false;
};

// Results can be large (a big room's every answer), but not unbounded.
constexpr std::uint64_t max_reply_bytes = 64ull * 1024 * 1024;

template <class Stream>
HttpOutcome get_over(asio::io_context& io, Stream& stream, const WsUrl& url,
                     const std::string& target, const std::string& bearer_token,
                     std::chrono::milliseconds timeout) {
    tcp::resolver resolver(io);
    http::request<http::empty_body> request(http::verb::get, target, 11);
    request.set(http::field::host, host_header(url));
    request.set(http::field::user_agent, "rapidfire-client");
    if (!bearer_token.empty())
        request.set(http::field::authorization, "Bearer " + bearer_token);
    request.keep_alive(false);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(max_reply_bytes);
    HttpOutcome outcome;
    bool done = false;
    auto fail = [&](std::string why) {
        outcome.error = std::move(why);
        done = true;
    };

    async_open(stream, resolver, url, nullptr, [&](const std::string& failure) {
        if (!failure.empty())
            return fail(failure);
        beast::get_lowest_layer(stream).expires_after(timeout);
        http::async_write(stream, request, [&](beast::error_code ec, std::size_t) {
            if (ec)
                return fail("cannot send the request: " + ec.message());
            http::async_read(stream, buffer, parser, [&](beast::error_code ec, std::size_t) {
                if (ec)
                    return fail("no answer: " + ec.message());
                auto& response = parser.get();
                outcome.reply = HttpReply{static_cast<int>(response.result_int()),
                                          std::string(response[http::field::content_type]),
                                          std::move(response.body())};
                done = true;
            });
        });
    });
    // Resolving has no deadline of its own: bound the whole exchange here.
    io.run_for(timeout + 2 * connect_timeout);
    if (!done) {
        // Let the handlers that refer to the locals above run (aborted) before they go.
        resolver.cancel();
        beast::error_code ignored;
        beast::get_lowest_layer(stream).socket().close(ignored);
        io.restart();
        io.run_for(std::chrono::seconds(1));
        outcome.reply.reset();
        outcome.error = "no answer within " +
                        std::to_string((timeout + 2 * connect_timeout).count() / 1000) + " s";
    }
    return outcome;
}

}  // namespace

std::shared_ptr<WebSocketClient> WebSocketClient::connect(asio::io_context& io, const WsUrl& url,
                                                          std::shared_ptr<ClientTls> tls,
                                                          Handlers handlers) {
    if (url.tls) {
        auto client =
            std::make_shared<BeastClient<TlsStream>>(io, url, std::move(tls), std::move(handlers));
        client->start();
        return client;
    }
    auto client =
        std::make_shared<BeastClient<PlainStream>>(io, url, std::move(tls), std::move(handlers));
    client->start();
    return client;
}

HttpOutcome http_get(const WsUrl& url, const std::string& target, const std::string& bearer_token,
                     const std::shared_ptr<ClientTls>& tls, std::chrono::milliseconds timeout) {
    asio::io_context io;
    if (url.tls) {
        if (!tls)
            return {std::nullopt, "https needs TLS settings"};
        TlsStream stream(io, tls->context);
        return get_over(io, stream, url, target, bearer_token, timeout);
    }
    PlainStream stream(io);
    return get_over(io, stream, url, target, bearer_token, timeout);
}

}  // namespace rapidfire::client
