#pragma once
// One HTTP GET over a stream already open: plain TCP for http_get, TLS in the https tests.
// Brings in Beast; test files that only make requests include test_client.hpp.

#include <stdexcept>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "io_pump.hpp"
#include "test_client.hpp"

namespace rapidfire::test {

// GET `target` with an Authorization header (empty: none), the connection closed after.
// Throws on an error or when no answer comes within the timeout.
template <class Stream>
HttpReply get_over(boost::asio::io_context& io, Stream& stream, const std::string& target,
                   const std::string& authorization, Millis timeout) {
    namespace beast = boost::beast;
    namespace http = beast::http;
    beast::get_lowest_layer(stream).expires_after(timeout);
    http::request<http::empty_body> request(http::verb::get, target, 11);
    request.set(http::field::host, "127.0.0.1");
    if (!authorization.empty())
        request.set(http::field::authorization, authorization);
    request.keep_alive(false);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    bool done = false;
    beast::error_code result;
    http::async_write(stream, request, [&](beast::error_code ec, std::size_t) {
        if (ec) {
            done = true;
            result = ec;
            return;
        }
        http::async_read(stream, buffer, response, [&](beast::error_code ec2, std::size_t) {
            done = true;
            result = ec2;
        });
    });
    if (!pump(
            io, [&] { return done; }, Clock::now() + timeout + std::chrono::seconds(1)))
        throw std::runtime_error("GET " + target + " timed out");
    if (result)
        throw beast::system_error(result);
    return {static_cast<int>(response.result_int()),
            std::string(response[http::field::content_type]), response.body()};
}

}  // namespace rapidfire::test
