#pragma once
// The live WebSocket connections, so a shutdown can reach every one of them.

#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "connection.hpp"

namespace rapidfire::net {

class ConnectionTracker {
  public:
    void add(const std::shared_ptr<Connection>& connection);
    void remove(const Connection& connection);

    std::size_t size() const;
    std::vector<std::shared_ptr<Connection>> snapshot() const;

  private:
    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> connections_;
};

}  // namespace rapidfire::net
