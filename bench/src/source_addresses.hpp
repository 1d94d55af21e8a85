#pragma once
// The loopback addresses the bench connects from: spreading its clients over several keeps
// them under a server's per-address connection limit and the ports of one address pair.

#include <vector>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "bench_options.hpp"

namespace rapidfire::bench {

// 127.0.0.1 .. 127.0.0.N for `connections` clients of an IPv4 loopback server
// (--source-addresses, or one address per 500 clients); none (the system picks) otherwise or
// when one address does.
std::vector<boost::asio::ip::address> source_addresses(const BenchOptions& options,
                                                       const boost::asio::ip::tcp::endpoint& server,
                                                       long long connections);

}  // namespace rapidfire::bench
