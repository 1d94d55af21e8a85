#include "tls_context.hpp"

#include <fstream>
#include <stdexcept>
#include <string>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>

namespace rapidfire::net {

namespace ssl = boost::asio::ssl;

namespace {

void require_readable(const std::filesystem::path& path, const char* what) {
    // OpenSSL's own message for a missing file says little: say it plainly first.
    if (!std::ifstream(path))
        throw std::runtime_error(std::string("cannot read the TLS ") + what + " " + path.string());
}

// The certificate's end of validity, and a warning when it has passed: clients refuse it.
void check_expiry(ssl::context& context, const std::filesystem::path& cert) {
    X509* certificate = ::SSL_CTX_get0_certificate(context.native_handle());
    if (certificate == nullptr)
        return;
    const ASN1_TIME* not_after = ::X509_get0_notAfter(certificate);
    if (::X509_cmp_current_time(not_after) < 0)
        spdlog::warn("the TLS certificate {} has expired: clients will refuse it", cert.string());
}

}  // namespace

std::shared_ptr<ssl::context> make_server_tls(const ServerOptions& options) {
    if (options.tls_cert.empty() && options.tls_key.empty())
        return nullptr;
    if (options.tls_cert.empty() || options.tls_key.empty())
        throw std::runtime_error("--tls-cert and --tls-key go together");
    require_readable(options.tls_cert, "certificate");
    require_readable(options.tls_key, "key");

    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    SSL_CTX* native = context->native_handle();
    ::SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1 | ssl::context::no_compression |
                         ssl::context::single_dh_use);
    ::SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);

    boost::system::error_code ec;
    context->use_certificate_chain_file(options.tls_cert.string(), ec);
    if (ec) {
        throw std::runtime_error("the TLS certificate " + options.tls_cert.string() +
                                 " is not a PEM certificate: " + ec.message());
    }
    context->use_private_key_file(options.tls_key.string(), ssl::context::pem, ec);
    const bool mismatch =
        ec && ec.category() == boost::asio::error::get_ssl_category() &&
        ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == X509_R_KEY_VALUES_MISMATCH;
    if (ec && !mismatch) {
        throw std::runtime_error("the TLS key " + options.tls_key.string() +
                                 " is not a PEM private key: " + ec.message());
    }
    if (mismatch || ::SSL_CTX_check_private_key(native) != 1) {
        ::ERR_clear_error();
        throw std::runtime_error("the TLS key " + options.tls_key.string() +
                                 " does not match the certificate " + options.tls_cert.string());
    }
    check_expiry(*context, options.tls_cert);
    return context;
}

}  // namespace rapidfire::net
