#include "connection_tracker.hpp"

namespace rapidfire::net {

struct AddressLease::Counts {
    std::mutex mutex;
    std::unordered_map<std::string, std::size_t> open;  // only addresses with connections
};

namespace {

// An IPv4 client reaching an IPv6 socket shows up as ::ffff:a.b.c.d; it is the same client.
std::string key_of(const boost::asio::ip::address& address) {
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6())
            .to_string();
    }
    return address.to_string();
}

}  // namespace

AddressLease::AddressLease(std::shared_ptr<Counts> counts, std::string address)
    : counts_(std::move(counts)), address_(std::move(address)) {}

AddressLease::~AddressLease() {
    release();
}

AddressLease& AddressLease::operator=(AddressLease&& other) noexcept {
    if (this != &other) {
        release();
        counts_ = std::move(other.counts_);
        address_ = std::move(other.address_);
    }
    return *this;
}

void AddressLease::release() {
    // Moved out first: when this lease is the last owner (the tracker is gone), the counts and
    // their mutex must outlive the lock below.
    const auto counts = std::move(counts_);
    if (!counts)
        return;
    std::lock_guard lock(counts->mutex);
    const auto it = counts->open.find(address_);
    if (it != counts->open.end() && --it->second == 0)
        counts->open.erase(it);
}

ConnectionTracker::ConnectionTracker() : by_address_(std::make_shared<AddressLease::Counts>()) {}

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

std::optional<AddressLease> ConnectionTracker::admit(const boost::asio::ip::address& address,
                                                     std::size_t limit) {
    if (limit == 0)
        return AddressLease{};
    std::string key = key_of(address);
    std::lock_guard lock(by_address_->mutex);
    auto& open = by_address_->open[key];
    if (open >= limit)
        return std::nullopt;
    ++open;
    return AddressLease(by_address_, std::move(key));
}

std::size_t ConnectionTracker::open_from(const boost::asio::ip::address& address) const {
    std::lock_guard lock(by_address_->mutex);
    const auto it = by_address_->open.find(key_of(address));
    return it == by_address_->open.end() ? 0 : it->second;
}

}  // namespace rapidfire::net
