#pragma once
// The TLS side of wss:// (and https:// for the results API): whom the client trusts. Kept
// opaque so that OpenSSL and Asio's SSL headers stay in the one translation unit that
// connects (websocket_client.cpp).

#include <memory>
#include <string>

namespace rapidfire::client {

struct ClientTls;

// Trusts the system's trust store, or only the CA certificates (PEM) in `ca_file` when it is
// not empty; TLS 1.2 at least; the server's certificate and name are always checked. Throws
// std::runtime_error, saying why, when the trust store or `ca_file` cannot be loaded.
std::shared_ptr<ClientTls> make_client_tls(const std::string& ca_file);

}  // namespace rapidfire::client
