#pragma once
// What the engine asks the network shell to send. The shell encodes each message once and hands
// the same buffer to every member of the audience.

#include <cstdint>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core {

// A seat in a room: the host or a player. Stable for the life of the room.
using MemberId = std::int64_t;

struct Audience {
    enum class Kind {
        member,    // one member (`member` names it)
        host,      // the host
        players,   // every player who is not the host (the host gets its own version)
        everyone,  // host and players
    };
    Kind kind = Kind::everyone;
    MemberId member = 0;

    static Audience to(MemberId id) { return {Kind::member, id}; }
    static Audience host() { return {Kind::host, 0}; }
    static Audience players() { return {Kind::players, 0}; }
    static Audience everyone() { return {Kind::everyone, 0}; }
};

struct Outgoing {
    Audience audience;
    protocol::ServerMessage message;
    // After this message the member's connection no longer belongs to the room (kicked, left).
    bool unbind = false;
};

}  // namespace rapidfire::core
