#include "tls_client.hpp"

#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "client_stream.hpp"
#include "http_exchange.hpp"
#include "io_pump.hpp"
#include "scratch_dir.hpp"
#include "test_server.hpp"

namespace rapidfire::test {

namespace ssl = asio::ssl;
using asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

namespace {

ssl::context client_context(const std::filesystem::path& ca) {
    ssl::context context(ssl::context::tls_client);
    context.load_verify_file(ca.string());
    context.set_verify_mode(ssl::verify_peer);
    return context;
}

// Connects to 127.0.0.1:port and completes a TLS handshake that checks the certificate is the
// CA's and names 127.0.0.1. Throws when either fails or takes too long.
void open_tls(asio::io_context& io, TlsStream& stream, std::uint16_t port) {
    ::X509_VERIFY_PARAM_set1_ip_asc(::SSL_get0_param(stream.native_handle()), "127.0.0.1");
    beast::error_code result;
    bool done = false;
    auto& tcp_layer = beast::get_lowest_layer(stream);
    tcp_layer.expires_after(default_timeout);
    tcp_layer.async_connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), [&](beast::error_code ec) {
            if (ec) {
                result = ec;
                done = true;
                return;
            }
            stream.async_handshake(ssl::stream_base::client, [&](beast::error_code ec2) {
                result = ec2;
                done = true;
            });
        });
    if (!pump(
            io, [&] { return done; }, Clock::now() + default_timeout + 1s))
        throw std::runtime_error("TLS connect timed out");
    if (result)
        throw beast::system_error(result);
    tcp_layer.expires_never();
}

}  // namespace

struct TestTls::Impl {
    ScratchDir dir{"tls"};
    tls_testing::TestCertificates certificates = tls_testing::make_test_certificates(dir.path());
    // Shared by every client it makes.
    ssl::context context = client_context(certificates.ca_cert);
};

TestTls::TestTls() : impl_(std::make_unique<Impl>()) {}
TestTls::~TestTls() = default;

net::ServerOptions TestTls::server_options() const {
    auto options = test_options();
    options.tls_cert = impl_->certificates.server_cert;
    options.tls_key = impl_->certificates.server_key;
    return options;
}

std::unique_ptr<TestClient> TestTls::wss_client(std::uint16_t port) const {
    auto stream = std::make_unique<WebSocketStream<websocket::stream<TlsStream>>>(impl_->context);
    open_tls(stream->io, stream->ws.next_layer(), port);
    stream->handshake("/ws");
    auto client = std::make_unique<TestClient>(std::move(stream));
    client->expect<protocol::Welcome>();
    return client;
}

HttpReply TestTls::https_get(std::uint16_t port, const std::string& target,
                             const std::string& authorization) const {
    asio::io_context io;
    TlsStream stream(io, impl_->context);
    open_tls(io, stream, port);
    return get_over(io, stream, target, authorization, default_timeout);
}

const tls_testing::TestCertificates& TestTls::certificates() const {
    return impl_->certificates;
}

const std::filesystem::path& TestTls::folder() const {
    return impl_->dir.path();
}

}  // namespace rapidfire::test
