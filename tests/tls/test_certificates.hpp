#pragma once
// A throwaway certificate authority and a server certificate it signed, made with the openssl
// command line at test time, for TLS tests on loopback. Shared by the server integration tests
// and the end-to-end tests.

#include <filesystem>

namespace rapidfire::tls_testing {

struct TestCertificates {
    std::filesystem::path ca_cert;      // the CA's certificate (PEM): what clients trust
    std::filesystem::path server_cert;  // for 127.0.0.1 and localhost (subjectAltName)
    std::filesystem::path server_key;
    std::filesystem::path other_key;  // a valid key that matches no certificate
};

// Writes the files into `folder` (which must exist). Every openssl run is bounded in time.
// Throws std::runtime_error with openssl's output when a step fails.
TestCertificates make_test_certificates(const std::filesystem::path& folder);

}  // namespace rapidfire::tls_testing
