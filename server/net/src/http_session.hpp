#pragma once
// One HTTP connection: answers /healthz and /metrics, and hands a WebSocket upgrade at /ws to a
// WebSocketSession. Everything else is 404.

#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "connection_slot.hpp"

namespace rapidfire::net {

struct ServerContext;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(boost::asio::ip::tcp::socket&& socket, ConnectionSlot slot,
                std::shared_ptr<ServerContext> context);

    void run();

  private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void upgrade(Request request);
    Response respond(const Request& request) const;
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    void close();

    boost::beast::tcp_stream stream_;
    std::optional<ConnectionSlot> slot_;
    std::shared_ptr<ServerContext> context_;
    std::string remote_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::shared_ptr<Response> response_;  // alive until its write completes
};

}  // namespace rapidfire::net
