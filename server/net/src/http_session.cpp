#include "http_session.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "api_routes.hpp"
#include "server_context.hpp"
#include "websocket_session.hpp"

namespace rapidfire::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

constexpr std::size_t max_header_bytes = 8 * 1024;
constexpr std::size_t max_body_bytes = 16 * 1024;

std::string_view path_of(beast::string_view target) {
    const std::string_view t(target.data(), target.size());
    return t.substr(0, t.find('?'));
}

std::string describe(const asio::ip::tcp::socket& socket) {
    beast::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    if (ec)
        return "unknown peer";
    return fmt::format("{}:{}", endpoint.address().to_string(), endpoint.port());
}

}  // namespace

HttpSession::HttpSession(asio::ip::tcp::socket&& socket, ConnectionSlot slot,
                         std::shared_ptr<ServerContext> context)
    : stream_(std::move(socket)),
      slot_(std::move(slot)),
      context_(std::move(context)),
      remote_(describe(stream_.socket())) {}

void HttpSession::run() {
    spdlog::debug("{}: accepted", remote_);
    do_read();
}

void HttpSession::do_read() {
    parser_.emplace();
    parser_->header_limit(max_header_bytes);
    parser_->body_limit(max_body_bytes);
    // A slow or silent client gets the handshake timeout to send its request.
    stream_.expires_after(context_->options.handshake_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream)
        return close();
    if (ec) {
        spdlog::debug("{}: HTTP read failed: {}", remote_, ec.message());
        return close();
    }
    Request request = parser_->release();
    if (websocket::is_upgrade(request) && path_of(request.target()) == "/ws") {
        const auto& allowed = context_->options.allowed_origins;
        const auto origin = request.find(http::field::origin);
        // Browsers always send Origin; other clients need none and are let through.
        const bool origin_ok = allowed.empty() || origin == request.end() ||
                               std::find(allowed.begin(), allowed.end(),
                                         std::string_view(origin->value().data(),
                                                          origin->value().size())) != allowed.end();
        if (origin_ok)
            return upgrade(std::move(request));
        spdlog::warn("{}: WebSocket refused: origin '{}' is not allowed", remote_,
                     std::string_view(origin->value().data(), origin->value().size()));
    }
    response_ = std::make_shared<Response>(respond(request));
    const bool keep_alive = response_->keep_alive();
    http::async_write(
        stream_, *response_,
        beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), keep_alive));
}

void HttpSession::upgrade(Request request) {
    // The slot moves with the connection, so it is still counted once.
    auto session = std::make_shared<WebSocketSession>(std::move(stream_), std::move(*slot_),
                                                      context_, remote_);
    slot_.reset();
    session->run(std::move(request));
}

HttpSession::Response HttpSession::respond(const Request& request) const {
    Response response;
    response.version(request.version());
    response.keep_alive(request.keep_alive());
    response.set(http::field::server, "rapidfire/" RAPIDFIRE_VERSION);
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
        const auto rooms = context_->rooms.counts();
        return reply(http::status::ok, "application/json",
                     fmt::format(R"({{"status":"{}","uptime_s":{},"rooms":{},"players":{},)"
                                 R"("connections":{}}})",
                                 context_->stopping.load() ? "stopping" : "ok",
                                 context_->clock.uptime().count(), rooms.rooms, rooms.players,
                                 context_->metrics->open_connections()));
    }
    if (path == "/metrics" && is_get) {
        return reply(
            http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
            context_->metrics->exposition(context_->rooms.counts(), context_->clock.uptime()));
    }
    const auto authorization = request.find(http::field::authorization);
    const ApiRequest api{
        std::string_view(request.method_string().data(), request.method_string().size()),
        std::string_view(request.target().data(), request.target().size()),
        authorization == request.end()
            ? std::string_view{}
            : std::string_view(authorization->value().data(), authorization->value().size())};
    if (auto answer = answer_api(api, *context_)) {
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

void HttpSession::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    response_.reset();
    if (ec) {
        spdlog::debug("{}: HTTP write failed: {}", remote_, ec.message());
        return close();
    }
    if (!keep_alive || context_->stopping.load())
        return close();
    do_read();
}

void HttpSession::close() {
    beast::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
}

}  // namespace rapidfire::net
