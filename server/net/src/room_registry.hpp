#pragma once
// Every room by code. Creates rooms through the factory it is given, with codes it makes sure
// are free, finds them for join and resume, and forgets them once they close. One mutex guards
// the map; nothing slow runs under it.

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "rapidfire/core/room.hpp"
#include "rapidfire/protocol/messages.hpp"
#include "review_runs.hpp"

namespace rapidfire::net {

class HostedRoom;

class RoomRegistry {
  public:
    using Created = std::variant<std::shared_ptr<HostedRoom>, protocol::Error>;
    // What a room is made for: a creator's request, a pair the matcher made, or a review run
    // with the runner's cards.
    using RoomOrder = std::variant<protocol::CreateRoom, core::PairSpec, ReviewRun>;
    // Makes a room with `code` for `order`, or says why the engine refused it.
    using RoomFactory = std::function<Created(std::string code, const RoomOrder& order)>;
    // A new random room code; the registry asks again while the code is taken.
    using CodeMaker = std::function<std::string()>;

    RoomRegistry(CodeMaker make_code, RoomFactory make_room);
    ~RoomRegistry();

    // Creates a room for `order`; the caller seats its creator (HostedRoom::seat_creator) or
    // its pair (HostedRoom::seat_pair).
    Created create(const RoomOrder& order);
    // The room with this code (case-insensitive), or null.
    std::shared_ptr<HostedRoom> find(std::string_view code) const;
    void remove(const HostedRoom& room);
    // Drops every room (at shutdown, so rooms and their timers go before the io_context).
    void clear();

  private:
    const CodeMaker make_code_;
    const RoomFactory make_room_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<HostedRoom>> rooms_;
};

}  // namespace rapidfire::net
