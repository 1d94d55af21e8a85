#include "source_addresses.hpp"

#include <algorithm>

namespace rapidfire::bench {

namespace {

// Clients per source address when --source-addresses is 0: half of the server's default
// per-address limit (1000).
constexpr long long clients_per_source_address = 500;

}  // namespace

std::vector<boost::asio::ip::address> source_addresses(const BenchOptions& options,
                                                       const boost::asio::ip::tcp::endpoint& server,
                                                       long long connections) {
    if (!server.address().is_v4())
        return {};
    const long long wanted =
        options.source_addresses != 0
            ? options.source_addresses
            : (connections + clients_per_source_address - 1) / clients_per_source_address;
    const int count = static_cast<int>(std::clamp<long long>(wanted, 1, 250));
    if (count == 1)
        return {};
    std::vector<boost::asio::ip::address> sources;
    for (int n = 1; n <= count; ++n)
        sources.emplace_back(boost::asio::ip::address_v4((127U << 24) | static_cast<unsigned>(n)));
    return sources;
}

}  // namespace rapidfire::bench
