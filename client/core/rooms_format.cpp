#include "rapidfire/client/rooms_format.hpp"

#include <algorithm>
#include <vector>

#include "rapidfire/protocol/utf8.hpp"

namespace rapidfire::client {

namespace {

// Widths in characters, so that a label with accents lines up like one without.
std::size_t width_of(const std::string& text) {
    return protocol::is_valid_utf8(text) ? protocol::utf8_length(text) : text.size();
}

std::string padded(std::string text, std::size_t width, bool right_aligned) {
    const std::size_t used = width_of(text);
    if (used >= width)
        return text;
    const std::string fill(width - used, ' ');
    return right_aligned ? fill + text : text + fill;
}

}  // namespace

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
    std::vector<std::size_t> widths(header.size(), 0);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], width_of(row[c]));
    }
    // Counts line up on the right, words on the left; the last column is not padded.
    const std::vector<bool> right_aligned{false, false, true, false, false, false};
    std::string table;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += "  ";
            line += c + 1 == row.size() ? row[c] : padded(row[c], widths[c], right_aligned[c]);
        }
        // An empty label leaves spaces behind.
        line.erase(line.find_last_not_of(' ') + 1);
        table += line + "\n";
    }
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
