#pragma once
// The host's list of players, kept from the server's rosters: a `full` roster starts it anew,
// the others bring who joined or changed and who was removed (PROTOCOL.md, `roster`).

#include <vector>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

// Applies one roster to `list`: removed players go, changed ones are replaced where they stand,
// new ones are added at the end (the order of joining).
void apply_roster(std::vector<protocol::PlayerInfo>& list, const protocol::Roster& roster);

}  // namespace rapidfire::client
