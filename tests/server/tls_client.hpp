#pragma once
// TLS for the tests: a throwaway CA and a server certificate for 127.0.0.1 (made with the openssl
// command line, in a scratch folder), the server options that use them, and wss:// and https://
// clients that check the server's certificate against the CA like any client would. Beast stays
// out of this header.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "rapidfire/net/server_options.hpp"
#include "test_certificates.hpp"
#include "test_client.hpp"

namespace rapidfire::test {

class TestTls {
  public:
    // Makes the certificates; throws when openssl fails.
    TestTls();
    // Removes the certificates. Declare it before the clients it makes, so it outlives them.
    ~TestTls();
    TestTls(const TestTls&) = delete;
    TestTls& operator=(const TestTls&) = delete;

    // test_options() with the server certificate and key: the server speaks https and wss.
    net::ServerOptions server_options() const;
    // A wss:// client of 127.0.0.1:port that has read its welcome.
    std::unique_ptr<TestClient> wss_client(std::uint16_t port) const;
    // GET https://127.0.0.1:port/target with an Authorization header (empty: none).
    HttpReply https_get(std::uint16_t port, const std::string& target,
                        const std::string& authorization = {}) const;

    const tls_testing::TestCertificates& certificates() const;
    // The scratch folder the certificates are in.
    const std::filesystem::path& folder() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rapidfire::test
