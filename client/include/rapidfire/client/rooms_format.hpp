#pragma once
// What `rooms` prints: the server's list of open rooms (room_list) as a table.

#include <string>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

// An aligned table with a header row: code, kind, players ("3/20"), host, a '*' where a
// password is needed, and the label last; then how to join, and how many more rooms there are
// when the list holds only the first of them. A line saying so when no room is open.
std::string rooms_table(const protocol::RoomList& list);

}  // namespace rapidfire::client
