#pragma once
// The live WebSocket connections, so a shutdown can reach every one of them; and the open TCP
// connections per client address, for --max-connections-per-ip.

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "connection.hpp"

namespace rapidfire::net {

// One TCP connection's place in its address's count, held for as long as the connection is
// open (it travels in the ConnectionSlot) and given back when destroyed. An empty lease (no
// per-address limit) counts nothing.
class AddressLease {
  public:
    AddressLease() = default;
    ~AddressLease();
    AddressLease(AddressLease&& other) noexcept = default;
    AddressLease& operator=(AddressLease&& other) noexcept;
    AddressLease(const AddressLease&) = delete;
    AddressLease& operator=(const AddressLease&) = delete;

  private:
    friend class ConnectionTracker;
    struct Counts;
    AddressLease(std::shared_ptr<Counts> counts, std::string address);
    void release();

    // Shared, so a lease outlives the tracker safely (a session may outlive the context).
    std::shared_ptr<Counts> counts_;
    std::string address_;
};

class ConnectionTracker {
  public:
    ConnectionTracker();

    void add(const std::shared_ptr<Connection>& connection);
    void remove(const Connection& connection);

    std::size_t size() const;
    std::vector<std::shared_ptr<Connection>> snapshot() const;

    // Counts one more open connection from `address`, or refuses (nullopt) when `limit`
    // connections from it are already open. A limit of 0 admits everyone and counts nothing.
    std::optional<AddressLease> admit(const boost::asio::ip::address& address, std::size_t limit);
    // Connections open from `address` (while a limit is set).
    std::size_t open_from(const boost::asio::ip::address& address) const;

  private:
    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> connections_;
    std::shared_ptr<AddressLease::Counts> by_address_;
};

}  // namespace rapidfire::net
