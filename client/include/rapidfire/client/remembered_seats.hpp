#pragma once
// The seats this user holds in games still running, so that the same command run again after
// Ctrl-C or a reboot takes the seat back rather than asking for a new one. A private file in
// the state folder (see state_folder.hpp), one line per seat:
//
//     2024-05-01T18:30:00Z ws://quiz.example.org:8080 K7M2QX player 4242 TOKEN Ms Rivera
//
// (when, the server, the room, the role, the process that holds the seat, the resume token,
// then the nickname to the end of the line). A seat is forgotten when its game is over or it is
// given up; a token is only ever sent back to its own server.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/protocol/enums.hpp"

namespace rapidfire::client {

struct RememberedSeat {
    std::string time;    // when the seat was taken, UTC, ISO 8601
    std::string server;  // server_of(url)
    std::string code;    // the room code
    protocol::Role role = protocol::Role::player;
    int pid = 0;           // the client process that holds the seat
    std::string token;     // the resume token
    std::string nickname;  // the seat's nickname
};

// Seats beyond this many are dropped, oldest first: a seat left behind by a crash is kept a
// while, not for ever.
inline constexpr std::size_t max_remembered_seats = 20;

// The "seats" file in the state folder; empty when there is no state folder.
std::filesystem::path remembered_seats_file();

// The seats in the file's text, oldest first; malformed lines are skipped.
std::vector<RememberedSeat> parse_remembered_seats(std::string_view text);
// One line, with its newline.
std::string format_remembered_seat(const RememberedSeat& seat);

// Reads the file; nothing when it does not exist. Throws std::runtime_error when it cannot be
// read.
std::vector<RememberedSeat> read_remembered_seats(const std::filesystem::path& file);
// Keeps `seat` in place of the same seat (same token) or the same role under the same nickname
// in the same room of the same server, and the file at max_remembered_seats lines. Several
// people may share an account (two terminals, one machine): their seats are kept side by side.
// Throws std::runtime_error saying why it could not.
void remember_seat(const std::filesystem::path& file, const RememberedSeat& seat);
// Forgets the seat with `token` in room `code` of `server`. Throws std::runtime_error saying why
// it could not.
void forget_seat(const std::filesystem::path& file, std::string_view server, std::string_view code,
                 std::string_view token);

// The player's seat remembered in room `code` of `server` under `nickname` (compared like the
// server compares nicknames).
std::optional<RememberedSeat> find_player_seat(const std::vector<RememberedSeat>& seats,
                                               std::string_view server, std::string_view code,
                                               std::string_view nickname);
// The host's seat remembered in room `code` of `server`.
std::optional<RememberedSeat> find_host_seat(const std::vector<RememberedSeat>& seats,
                                             std::string_view server, std::string_view code);
// Whether the client that holds `seat` still runs: then the seat is in use, not left behind (a
// second terminal under the same name must not take it over).
bool held_by_running_client(const RememberedSeat& seat);

// The most recent host seat remembered on `server`.
std::optional<RememberedSeat> latest_host_seat(const std::vector<RememberedSeat>& seats,
                                               std::string_view server);

}  // namespace rapidfire::client
