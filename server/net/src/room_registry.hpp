#pragma once
// Every room by code. Creates rooms (with codes from core::make_room_code), finds them for
// join and resume, forgets them once they close, and counts them for health and metrics.
// One mutex guards the map; nothing slow runs under it.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "metrics.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::net {

class Connection;
class HostedRoom;
class StrandSource;
struct ServerContext;

class RoomRegistry {
  public:
    explicit RoomRegistry(const StrandSource& strands);
    ~RoomRegistry();

    // Creates a room and seats `creator` as its host (room_created follows on the connection),
    // or returns why the engine refused the request.
    std::variant<std::shared_ptr<HostedRoom>, protocol::Error> create(
        const protocol::CreateRoom& request, const std::shared_ptr<Connection>& creator,
        const std::shared_ptr<ServerContext>& context);

    // The room with this code (case-insensitive), or null.
    std::shared_ptr<HostedRoom> find(std::string_view code) const;
    void remove(const HostedRoom& room);
    // Drops every room (at shutdown, so rooms and their timers go before the io_context).
    void clear();

    RoomCounts counts() const;

  private:
    const StrandSource& strands_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<HostedRoom>> rooms_;
};

}  // namespace rapidfire::net
