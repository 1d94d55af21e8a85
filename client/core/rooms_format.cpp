#include "rapidfire/client/rooms_format.hpp"

#include <algorithm>
#include <vector>

#include "rapidfire/client/text_table.hpp"

namespace rapidfire::client {

std::string rooms_table(const protocol::RoomList& list) {
    if (list.rooms.empty())
        return "no open rooms\n";
    const std::vector<std::string> header{"code", "kind", "players", "host", "password", "label"};
    std::vector<std::vector<std::string>> rows{header};
    for (const auto& room : list.rooms) {
        rows.push_back({room.code, protocol::name_of(room.kind),
                        std::to_string(room.players) + "/" + std::to_string(room.capacity),
                        room.host, room.password ? "*" : "", room.label});
    }
    // Counts line up on the right, words on the left.
    std::string table = text_table(rows, {false, false, true, false, false, false});
    const int shown = static_cast<int>(list.rooms.size());
    if (list.total > shown) {
        table += std::to_string(shown) + " of " + std::to_string(list.total) +
                 " open rooms shown (those with the most players)\n";
    }
    table += "join one with: rapidfire-client join CODE --name NAME";
    if (std::any_of(list.rooms.begin(), list.rooms.end(),
                    [](const auto& room) { return room.password; })) {
        table += " (* --password P)";
    }
    return table + "\n";
}

}  // namespace rapidfire::client
