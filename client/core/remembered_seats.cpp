#include "rapidfire/client/remembered_seats.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <sstream>

#include "rapidfire/client/state_folder.hpp"
#include "rapidfire/common/text.hpp"

namespace rapidfire::client {

namespace fs = std::filesystem;

namespace {

bool is_field_text(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return c > ' ' && c < 0x7F; });
}

std::string join_lines(const std::vector<RememberedSeat>& seats) {
    std::string text;
    for (const auto& seat : seats)
        text += format_remembered_seat(seat);
    return text;
}

}  // namespace

fs::path remembered_seats_file() {
    return state_file("seats");
}

std::vector<RememberedSeat> parse_remembered_seats(std::string_view text) {
    std::vector<RememberedSeat> seats;
    std::istringstream lines{std::string(text)};
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        RememberedSeat seat;
        std::string role;
        if (!(fields >> seat.time >> seat.server >> seat.code >> role >> seat.pid >> seat.token))
            continue;
        fields >> std::ws;
        std::getline(fields, seat.nickname);
        if (role == "host") {
            seat.role = protocol::Role::host;
        } else if (role == "player") {
            seat.role = protocol::Role::player;
        } else {
            continue;
        }
        if (is_field_text(seat.server) && is_field_text(seat.code) && is_field_text(seat.token) &&
            !seat.nickname.empty()) {
            seats.push_back(std::move(seat));
        }
    }
    return seats;
}

std::string format_remembered_seat(const RememberedSeat& seat) {
    return seat.time + " " + seat.server + " " + seat.code + " " +
           (seat.role == protocol::Role::host ? "host" : "player") + " " +
           std::to_string(seat.pid) + " " + seat.token + " " + seat.nickname + "\n";
}

std::vector<RememberedSeat> read_remembered_seats(const fs::path& file) {
    return parse_remembered_seats(read_private_file(file));
}

void remember_seat(const fs::path& file, const RememberedSeat& seat) {
    const StateFileLock lock(file);
    auto seats = read_remembered_seats(file);
    const std::string folded = common::fold_nickname(seat.nickname);
    std::erase_if(seats, [&](const RememberedSeat& s) {
        return s.server == seat.server && s.code == seat.code &&
               (s.token == seat.token ||
                (s.role == seat.role && common::fold_nickname(s.nickname) == folded));
    });
    seats.push_back(seat);
    if (seats.size() > max_remembered_seats)
        seats.erase(seats.begin(), seats.end() - max_remembered_seats);
    replace_private_file(file, join_lines(seats));
}

void forget_seat(const fs::path& file, std::string_view server, std::string_view code,
                 std::string_view token) {
    const StateFileLock lock(file);
    auto seats = read_remembered_seats(file);
    const auto removed = std::erase_if(seats, [&](const RememberedSeat& s) {
        return s.server == server && s.code == code && s.token == token;
    });
    if (removed != 0)
        replace_private_file(file, join_lines(seats));
}

std::optional<RememberedSeat> find_player_seat(const std::vector<RememberedSeat>& seats,
                                               std::string_view server, std::string_view code,
                                               std::string_view nickname) {
    const std::string folded = common::fold_nickname(nickname);
    for (auto it = seats.rbegin(); it != seats.rend(); ++it) {
        if (it->server == server && it->code == code && it->role == protocol::Role::player &&
            common::fold_nickname(it->nickname) == folded) {
            return *it;
        }
    }
    return std::nullopt;
}

std::optional<RememberedSeat> find_host_seat(const std::vector<RememberedSeat>& seats,
                                             std::string_view server, std::string_view code) {
    for (auto it = seats.rbegin(); it != seats.rend(); ++it) {
        if (it->server == server && it->code == code && it->role == protocol::Role::host)
            return *it;
    }
    return std::nullopt;
}

bool held_by_running_client(const RememberedSeat& seat) {
    if (seat.pid <= 0 || seat.pid == ::getpid())
        return false;
    // Signal 0 only asks whether the process exists (EPERM: it does, as another user's).
    return ::kill(seat.pid, 0) == 0 || errno == EPERM;
}

std::optional<RememberedSeat> latest_host_seat(const std::vector<RememberedSeat>& seats,
                                               std::string_view server) {
    for (auto it = seats.rbegin(); it != seats.rend(); ++it) {
        if (it->server == server && it->role == protocol::Role::host)
            return *it;
    }
    return std::nullopt;
}

}  // namespace rapidfire::client
