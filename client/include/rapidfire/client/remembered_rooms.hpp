#pragma once
// The host tokens of the rooms created from this account, so `history` and `export` work
// without --token. A private file (mode 0600), one line per room:
//
//     2024-05-01T18:30:00Z K7M2QX TOKEN wss://quiz.example.org:443
//
// The server the room was on is kept too: a token is only ever sent back to its own server.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rapidfire::client {

struct RememberedRoom {
    std::string time;    // when the room was created, UTC, ISO 8601
    std::string code;    // the room code
    std::string token;   // the host token
    std::string server;  // server_of(url)
};

// Lines beyond this many are dropped, oldest first.
inline constexpr std::size_t max_remembered_rooms = 200;

// $XDG_STATE_HOME/rapidfire/hosted, else $HOME/.local/state/rapidfire/hosted; empty when
// neither variable is set (to an absolute path).
std::filesystem::path remembered_rooms_file();

// The rooms in the file's text, oldest first; malformed lines are skipped.
std::vector<RememberedRoom> parse_remembered_rooms(std::string_view text);
// One line, with its newline.
std::string format_remembered_room(const RememberedRoom& room);
// The current time as remembered: "2024-05-01T18:30:00Z".
std::string utc_timestamp();

// Reads the file; nothing when it does not exist. Throws std::runtime_error when it cannot be
// read.
std::vector<RememberedRoom> read_remembered_rooms(const std::filesystem::path& file);
// Appends `room`, creating the folder (0700) and the file (0600) when needed, and keeps the file
// at max_remembered_rooms lines. Throws std::runtime_error saying why it could not.
void remember_room(const std::filesystem::path& file, const RememberedRoom& room);

// The distinct tokens remembered for `server`, the most recent first, at most `max`.
std::vector<std::string> tokens_for_server(const std::vector<RememberedRoom>& rooms,
                                           const std::string& server, std::size_t max);

}  // namespace rapidfire::client
