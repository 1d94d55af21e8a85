#pragma once
// The server's TLS settings from --tls-cert and --tls-key: TLS 1.2 at least, no compression,
// no renegotiation.

#include <memory>

#include "rapidfire/net/server_options.hpp"

namespace boost::asio::ssl {
class context;
}

namespace rapidfire::net {

// nullptr when neither --tls-cert nor --tls-key is set. Throws std::runtime_error naming the
// file and the problem when one is missing, unreadable, not PEM, or the key does not match the
// certificate.
std::shared_ptr<boost::asio::ssl::context> make_server_tls(const ServerOptions& options);

}  // namespace rapidfire::net
