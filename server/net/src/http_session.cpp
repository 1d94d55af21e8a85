#include "http_session.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <type_traits>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/detect_ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "api_routes.hpp"
#include "room_registry.hpp"
#include "server_context.hpp"
#include "url_query.hpp"
#include "web_files.hpp"
#include "web_routes.hpp"
#include "websocket_session.hpp"

namespace rapidfire::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
// A file from the web client's cache, sent without a copy.
using FileResponse = http::response<http::span_body<const char>>;

template <class Stream>
constexpr bool is_tls = std::is_same_v<Stream, TlsStream>;

constexpr std::size_t max_header_bytes = 8 * 1024;
constexpr std::size_t max_body_bytes = 16 * 1024;

std::string_view path_of(beast::string_view target) {
    const std::string_view t(target.data(), target.size());
    return t.substr(0, t.find('?'));
}

// Whether a WebSocket request names (?room=CODE) a room this server holds.
bool names_a_room_here(std::string_view target, const RoomRegistry& rooms) {
    const auto query_at = target.find('?');
    if (query_at == std::string_view::npos)
        return false;
    const auto code = query_value(target.substr(query_at + 1), "room");
    return code && rooms.find(*code) != nullptr;
}

std::string describe(const ConnectionSocket& socket) {
    beast::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    if (ec)
        return "unknown peer";
    return fmt::format("{}:{}", endpoint.address().to_string(), endpoint.port());
}

std::string_view header(const Request& request, http::field field) {
    const auto it = request.find(field);
    return it == request.end() ? std::string_view{}
                               : std::string_view(it->value().data(), it->value().size());
}

bool is_get(const Request& request) {
    return request.method() == http::verb::get || request.method() == http::verb::head;
}

// What every answer carries.
template <class Body>
void set_common(http::response<Body>& response, const Request& request) {
    response.version(request.version());
    response.keep_alive(request.keep_alive());
    response.set(http::field::server, "rapidfire/" RAPIDFIRE_VERSION);
    response.set("Content-Security-Policy", beast::string_view(content_security_policy.data(),
                                                               content_security_policy.size()));
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy",
                 beast::string_view(referrer_policy.data(), referrer_policy.size()));
}

// The answer to a request that is not a WebSocket upgrade (or an upgrade refused).
Response respond(const Request& request, ServerContext& context) {
    Response response;
    set_common(response, request);
    response.set(http::field::cache_control, "no-store");
    auto reply = [&](http::status status, std::string_view type, std::string body) {
        response.result(status);
        response.set(http::field::content_type, type);
        response.body() = std::move(body);
        response.prepare_payload();
        if (request.method() == http::verb::head)
            response.body().clear();
        return response;
    };
    const std::string_view path = path_of(request.target());
    const bool is_get = request.method() == http::verb::get || request.method() == http::verb::head;

    if (path == "/healthz" && is_get) {
        // Anything but 200 takes the server out of a proxy's rotation for new rooms.
        const auto rooms = context.metrics->room_counts();
        const char* status = context.stopping.load()   ? "stopping"
                             : context.draining.load() ? "draining"
                                                       : "ok";
        return reply(
            std::string_view(status) == "ok" ? http::status::ok : http::status::service_unavailable,
            "application/json",
            fmt::format(R"({{"status":"{}","uptime_s":{},"rooms":{},"players":{},)"
                        R"("connections":{}}})",
                        status, context.clock.uptime().count(), rooms.rooms, rooms.players,
                        context.metrics->open_connections()));
    }
    if (path == "/metrics" && is_get) {
        return reply(http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
                     context.metrics->exposition(context.clock.uptime()));
    }
    const auto authorization = request.find(http::field::authorization);
    const ApiRequest api{
        std::string_view(request.method_string().data(), request.method_string().size()),
        std::string_view(request.target().data(), request.target().size()),
        authorization == request.end()
            ? std::string_view{}
            : std::string_view(authorization->value().data(), authorization->value().size())};
    const ApiContext record{context.store.get(), context.bank_title,  context.options.admin_token,
                            context.bank.get(),  &context.open_rooms, context.clock.now()};
    if (auto answer = answer_api(api, record)) {
        if (!answer->attachment.empty()) {
            response.set(http::field::content_disposition,
                         "attachment; filename=\"" + answer->attachment + "\"");
        }
        return reply(static_cast<http::status>(answer->status), answer->content_type,
                     std::move(answer->body));
    }
    if (path == "/ws" && websocket::is_upgrade(request)) {
        return reply(http::status::forbidden, "application/json",
                     R"({"error":"origin not allowed"})");
    }
    if (path == "/ws") {
        response.set(http::field::upgrade, "websocket");
        return reply(http::status::upgrade_required, "application/json",
                     R"({"error":"connect with a WebSocket"})");
    }
    if (path == "/healthz" || path == "/metrics") {
        response.set(http::field::allow, "GET, HEAD");
        return reply(http::status::method_not_allowed, "application/json",
                     R"({"error":"method not allowed"})");
    }
    return reply(http::status::not_found, "application/json", R"({"error":"not found"})");
}

// A refusal after which the connection closes: a JSON error and the headers every answer has.
Response closing_refusal(const Request& request, http::status status, std::string body) {
    Response response;
    response.version(request.version());
    response.keep_alive(false);
    response.result(status);
    response.set(http::field::server, "rapidfire/" RAPIDFIRE_VERSION);
    response.set(http::field::cache_control, "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.set(http::field::content_type, "application/json");
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

// A new WebSocket while the server drains (a proxy sends no one new here by then; a client
// that connects directly learns why).
Response draining_refusal(const Request& request) {
    auto response =
        closing_refusal(request, http::status::service_unavailable,
                        R"({"error":"this server is shutting down: it takes no new connections"})");
    response.set(http::field::retry_after, "5");
    return response;
}

// Plain HTTP on a port that speaks TLS: every request gets this, then the connection closes.
Response tls_required(const Request& request) {
    return closing_refusal(request, http::status::bad_request,
                           R"({"error":"this port speaks TLS: use https:// or wss://"})");
}

// One HTTP connection, plain or over TLS. For TLS it completes the handshake first, with the
// bytes the detection already read.
template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
  public:
    // `buffer`: bytes already read from the connection. `plain_on_tls_port`: answer every
    // request with 400 (use https:// or wss://) and close.
    HttpSession(Stream&& stream, ConnectionSlot slot, std::shared_ptr<ServerContext> context,
                std::string remote, beast::flat_buffer buffer, bool plain_on_tls_port)
        : stream_(std::move(stream)),
          slot_(std::move(slot)),
          context_(std::move(context)),
          remote_(std::move(remote)),
          buffer_(std::move(buffer)),
          plain_on_tls_port_(plain_on_tls_port) {}

    void run() {
        if constexpr (is_tls<Stream>) {
            // The handshake gets the same time as an HTTP request.
            beast::get_lowest_layer(stream_).expires_after(context_->options.handshake_timeout);
            stream_.async_handshake(
                asio::ssl::stream_base::server, buffer_.data(),
                beast::bind_front_handler(&HttpSession::on_handshake, this->shared_from_this()));
        } else {
            do_read();
        }
    }

  private:
    void on_handshake(beast::error_code ec, std::size_t used) {
        if (ec) {
            spdlog::debug("{}: TLS handshake failed: {}", remote_, ec.message());
            return close_now();
        }
        buffer_.consume(used);
        do_read();
    }

    void do_read() {
        parser_.emplace();
        parser_->header_limit(max_header_bytes);
        parser_->body_limit(max_body_bytes);
        // A slow or silent client gets the handshake timeout to send its request.
        beast::get_lowest_layer(stream_).expires_after(context_->options.handshake_timeout);
        http::async_read(
            stream_, buffer_, *parser_,
            beast::bind_front_handler(&HttpSession::on_read, this->shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream)
            return close();
        if (ec) {
            spdlog::debug("{}: HTTP read failed: {}", remote_, ec.message());
            return close_now();
        }
        Request request = parser_->release();
        if (plain_on_tls_port_) {
            spdlog::debug("{}: plain HTTP on the TLS port; answered 400", remote_);
            return reply(tls_required(request));
        }
        const auto path = path_of(request.target());
        if (websocket::is_upgrade(request) && path == "/ws") {
            // Draining, the server keeps the players of its rooms and takes nobody new.
            if (context_->draining.load() &&
                !names_a_room_here(
                    std::string_view(request.target().data(), request.target().size()),
                    context_->rooms)) {
                return reply(draining_refusal(request));
            }
            const auto origin = request.find(http::field::origin);
            // Browsers always send Origin; other clients need none and are let through.
            if (origin == request.end() ||
                origin_allowed(header(request, http::field::origin),
                               header(request, http::field::host), is_tls<Stream>,
                               context_->options.allowed_origins, context_->public_url)) {
                return upgrade(std::move(request));
            }
            spdlog::warn("{}: WebSocket refused: origin '{}' is not allowed", remote_,
                         header(request, http::field::origin));
        } else if (is_get(request) && is_web_path(path)) {
            return reply_web(request);
        } else if (context_->store && reads_record(path)) {
            return reply_from_record(std::move(request));
        }
        reply(respond(request, *context_));
    }

    // The record may be a database across the network: its queries run on threads of their
    // own, never on the I/O thread the rooms share, and the answer comes back to this session.
    void reply_from_record(Request request) {
        asio::post(context_->record_queries, [self = this->shared_from_this(),
                                              request = std::move(request)] {
            auto response = respond(request, *self->context_);
            auto& stream = self->stream_;
            asio::post(stream.get_executor(), [self, response = std::move(response)]() mutable {
                self->reply(std::move(response));
            });
        });
    }

    // The browser client's files, the QR code and the join link (web_routes.hpp).
    void reply_web(const Request& request) {
        const WebContext web{context_->web.get(), &context_->public_url};
        const WebRequest asked{std::string_view(request.target().data(), request.target().size()),
                               header(request, http::field::host),
                               header(request, http::field::if_none_match), is_tls<Stream>};
        WebResponse answer = answer_web(asked, web);
        const bool head = request.method() == http::verb::head;
        auto fill = [&](auto& response) {
            set_common(response, request);
            response.result(static_cast<http::status>(answer.status));
            response.set(http::field::cache_control, answer.cache_control);
            if (!answer.etag.empty())
                response.set(http::field::etag, answer.etag);
            if (answer.status != 304)
                response.set(http::field::content_type, answer.content_type);
        };
        if (answer.file) {
            const auto& bytes = answer.file->bytes;
            FileResponse response;
            fill(response);
            response.content_length(bytes.size());
            if (!head)
                response.body() =
                    http::span_body<const char>::value_type(bytes.data(), bytes.size());
            return reply(std::move(response), answer.file);
        }
        Response response;
        fill(response);
        if (answer.status != 304) {
            response.body() = std::move(answer.body);
            response.prepare_payload();
            if (head)
                response.body().clear();
        }
        reply(std::move(response));
    }

    // `keep` stays alive until the write completes (the cached file a span points into).
    template <class Body>
    void reply(http::response<Body> response, std::shared_ptr<const void> keep = nullptr) {
        auto message = std::make_shared<http::response<Body>>(std::move(response));
        const bool keep_alive = message->keep_alive();
        auto& written = *message;
        http::async_write(
            stream_, written,
            [self = this->shared_from_this(), message = std::move(message), keep = std::move(keep),
             keep_alive](beast::error_code ec, std::size_t bytes) {
                self->on_write(keep_alive, ec, bytes);
            });
    }

    void upgrade(Request request) {
        // The slot moves with the connection, so it is still counted once.
        start_websocket_session(std::move(stream_), std::move(*slot_), context_, remote_,
                                std::move(request));
        slot_.reset();
    }

    void on_write(bool keep_alive, beast::error_code ec, std::size_t) {
        if (ec) {
            spdlog::debug("{}: HTTP write failed: {}", remote_, ec.message());
            return close_now();
        }
        if (!keep_alive || context_->stopping.load())
            return close();
        do_read();
    }

    // The end of a healthy connection: over TLS, close_notify first (bounded by the handshake
    // timeout, for a peer that never answers it).
    void close() {
        if constexpr (is_tls<Stream>) {
            beast::get_lowest_layer(stream_).expires_after(context_->options.handshake_timeout);
            stream_.async_shutdown(
                [self = this->shared_from_this()](beast::error_code) { self->close_now(); });
        } else {
            close_now();
        }
    }

    void close_now() {
        beast::error_code ignored;
        auto& socket = beast::get_lowest_layer(stream_).socket();
        socket.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
        socket.close(ignored);
    }

    Stream stream_;
    std::optional<ConnectionSlot> slot_;
    std::shared_ptr<ServerContext> context_;
    std::string remote_;
    beast::flat_buffer buffer_;
    bool plain_on_tls_port_;
    std::optional<http::request_parser<http::string_body>> parser_;
};

// With TLS configured: reads the first bytes of a connection to tell a TLS handshake from
// plain HTTP, then hands the connection (and those bytes) to the right session.
class TlsDetector : public std::enable_shared_from_this<TlsDetector> {
  public:
    TlsDetector(ConnectionSocket&& socket, ConnectionSlot slot,
                std::shared_ptr<ServerContext> context)
        : stream_(std::move(socket)),
          slot_(std::move(slot)),
          context_(std::move(context)),
          remote_(describe(stream_.socket())) {}

    void run() {
        stream_.expires_after(context_->options.handshake_timeout);
        beast::async_detect_ssl(
            stream_, buffer_,
            beast::bind_front_handler(&TlsDetector::on_detect, shared_from_this()));
    }

  private:
    void on_detect(beast::error_code ec, bool tls) {
        if (ec) {
            spdlog::debug("{}: closed before its first request: {}", remote_, ec.message());
            beast::error_code ignored;
            stream_.socket().close(ignored);
            return;
        }
        if (tls) {
            std::make_shared<HttpSession<TlsStream>>(TlsStream(std::move(stream_), *context_->tls),
                                                     std::move(*slot_), context_,
                                                     std::move(remote_), std::move(buffer_), false)
                ->run();
        } else {
            std::make_shared<HttpSession<PlainStream>>(std::move(stream_), std::move(*slot_),
                                                       context_, std::move(remote_),
                                                       std::move(buffer_), true)
                ->run();
        }
        slot_.reset();
    }

    PlainStream stream_;
    std::optional<ConnectionSlot> slot_;
    std::shared_ptr<ServerContext> context_;
    std::string remote_;
    beast::flat_buffer buffer_;
};

}  // namespace

void serve_connection(ConnectionSocket&& socket, ConnectionSlot slot,
                      std::shared_ptr<ServerContext> context) {
    spdlog::debug("{}: accepted", describe(socket));
    if (context->tls) {
        std::make_shared<TlsDetector>(std::move(socket), std::move(slot), std::move(context))
            ->run();
        return;
    }
    std::string remote = describe(socket);
    std::make_shared<HttpSession<PlainStream>>(PlainStream(std::move(socket)), std::move(slot),
                                               std::move(context), std::move(remote),
                                               beast::flat_buffer(), false)
        ->run();
}

}  // namespace rapidfire::net
