#pragma once
// One unit of --max-connections, held for as long as a TCP connection is open: taken when it is
// accepted, handed from the HTTP session to the WebSocket session on upgrade, given back when
// the last owner is destroyed. It carries the connection's --max-connections-per-ip lease too.

#include <memory>

#include "connection_tracker.hpp"
#include "metrics.hpp"

namespace rapidfire::net {

class ConnectionSlot {
  public:
    explicit ConnectionSlot(std::shared_ptr<Metrics> metrics, AddressLease lease = {})
        : metrics_(std::move(metrics)), lease_(std::move(lease)) {
        metrics_->connection_opened();
    }
    ~ConnectionSlot() {
        if (metrics_)
            metrics_->connection_closed();
    }
    ConnectionSlot(ConnectionSlot&&) noexcept = default;
    ConnectionSlot& operator=(ConnectionSlot&&) = delete;
    ConnectionSlot(const ConnectionSlot&) = delete;
    ConnectionSlot& operator=(const ConnectionSlot&) = delete;

  private:
    std::shared_ptr<Metrics> metrics_;
    AddressLease lease_;
};

}  // namespace rapidfire::net
