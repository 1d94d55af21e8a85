#pragma once
// Where a run's clients connect: the server named by --url, and the loopback addresses they
// connect from.

#include <string>
#include <vector>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "bench_options.hpp"
#include "ws_url.hpp"

namespace rapidfire::bench {

struct ServerAddress {
    boost::asio::ip::tcp::endpoint endpoint;
    std::string host;    // for the Host header
    std::string target;  // the WebSocket path, "/ws"
    // Loopback addresses to connect from, taken in turn; empty: the system picks. Spreading the
    // clients over several addresses keeps them under a server's per-address connection limit.
    std::vector<boost::asio::ip::address> sources;
};

// The server at `url`, with the source addresses (source_addresses.hpp) for `connections`
// clients.
ServerAddress server_address(const WsUrl& url, const BenchOptions& options, long long connections);

}  // namespace rapidfire::bench
