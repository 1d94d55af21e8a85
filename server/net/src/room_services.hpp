#pragma once
// What a hosted room needs from the server, and nothing more: the clock, the counters, the
// record of games, the list of open rooms, and whom to tell when it closes.

#include <functional>

#include "metrics.hpp"
#include "rapidfire/store/store_writer.hpp"
#include "server_clock.hpp"

namespace rapidfire::net {

class HostedRoom;
class OpenRooms;

struct RoomServices {
    const ServerClock& clock;
    Metrics& metrics;
    // The record's writer; null when the server keeps no record. Rooms hand it their journals
    // and ask it for what the record says (personal bests) after the commit.
    store::StoreWriter* record = nullptr;
    // The list of open rooms: a public room publishes its line there while it waits in its
    // lobby. Null: nothing is listed.
    OpenRooms* open_rooms = nullptr;
    // Called on the room's strand once the room has closed: the registry forgets it.
    std::function<void(const HostedRoom&)> closed;
};

}  // namespace rapidfire::net
