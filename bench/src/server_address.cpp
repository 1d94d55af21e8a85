#include "server_address.hpp"

#include "source_addresses.hpp"

namespace rapidfire::bench {

ServerAddress server_address(const WsUrl& url, const BenchOptions& options, long long connections) {
    ServerAddress address;
    address.endpoint = {boost::asio::ip::make_address(url.address), url.port};
    address.host = url.host.find(':') == std::string::npos ? url.host : "[" + url.host + "]";
    if (url.port != 80)
        address.host += ":" + std::to_string(url.port);
    address.target = url.target;
    address.sources = source_addresses(options, address.endpoint, connections);
    return address;
}

}  // namespace rapidfire::bench
