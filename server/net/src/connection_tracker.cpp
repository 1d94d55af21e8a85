#include "connection_tracker.hpp"

namespace rapidfire::net {

void ConnectionTracker::add(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mutex_);
    connections_.emplace(connection->id(), connection);
}

void ConnectionTracker::remove(const Connection& connection) {
    std::lock_guard lock(mutex_);
    connections_.erase(connection.id());
}

std::size_t ConnectionTracker::size() const {
    std::lock_guard lock(mutex_);
    return connections_.size();
}

std::vector<std::shared_ptr<Connection>> ConnectionTracker::snapshot() const {
    std::vector<std::shared_ptr<Connection>> live;
    std::lock_guard lock(mutex_);
    live.reserve(connections_.size());
    for (const auto& [id, weak] : connections_) {
        if (auto connection = weak.lock())
            live.push_back(std::move(connection));
    }
    return live;
}

}  // namespace rapidfire::net
