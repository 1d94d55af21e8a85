// The room's line in the list of open rooms, which the shell reads after every call.

#include "rapidfire/core/room.hpp"
#include "room_state.hpp"

namespace rapidfire::core {

std::optional<RoomListing> Room::listing() const {
    const State& s = *state_;
    // Only a room a stranger could join now: public, before its game (or back in the lobby
    // after a rematch), open and with a free seat. A host whose connection dropped may never
    // come back to start the game, so the room waits unlisted until they do.
    const Member* host = s.find(s.host_id);
    if (!s.settings.public_ || s.game.phase != protocol::RoomPhase::lobby || s.locked ||
        s.active_players >= s.settings.capacity || host == nullptr || !host->active ||
        !host->connected) {
        return std::nullopt;
    }
    RoomListing listing;
    listing.code = s.code;
    listing.kind = s.settings.kind;
    listing.label = s.settings.label;
    listing.topics = s.settings.topics;
    listing.players = s.active_players;
    listing.capacity = s.settings.capacity;
    listing.host = host->nickname;
    listing.password = !s.settings.password.empty();
    return listing;
}

}  // namespace rapidfire::core
