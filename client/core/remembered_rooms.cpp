#include "rapidfire/client/remembered_rooms.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <sstream>
#include <stdexcept>

#include "rapidfire/client/state_folder.hpp"

namespace rapidfire::client {

namespace fs = std::filesystem;

namespace {

bool is_token_text(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return c > ' ' && c < 0x7F; });
}

}  // namespace

fs::path remembered_rooms_file() {
    return state_file("hosted");
}

std::vector<RememberedRoom> parse_remembered_rooms(std::string_view text) {
    std::vector<RememberedRoom> rooms;
    std::istringstream lines{std::string(text)};
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        RememberedRoom room;
        std::string extra;
        if (!(fields >> room.time >> room.code >> room.token >> room.server) || (fields >> extra))
            continue;
        if (is_token_text(room.token))
            rooms.push_back(std::move(room));
    }
    return rooms;
}

std::string format_remembered_room(const RememberedRoom& room) {
    return room.time + " " + room.code + " " + room.token + " " + room.server + "\n";
}

std::string utc_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::vector<RememberedRoom> read_remembered_rooms(const fs::path& file) {
    return parse_remembered_rooms(read_private_file(file));
}

void remember_room(const fs::path& file, const RememberedRoom& room) {
    // The tokens open the games' results: the folder and the file are the user's alone.
    const StateFileLock lock(file);
    const int fd =
        ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot open " + file.string() + ": " + errno_text());
    const bool written = ::fchmod(fd, 0600) == 0 && write_all(fd, format_remembered_room(room));
    const std::string why = errno_text();
    ::close(fd);
    if (!written)
        throw std::runtime_error("cannot write " + file.string() + ": " + why);
    const auto rooms = read_remembered_rooms(file);
    if (rooms.size() > max_remembered_rooms) {
        // The newest lines, rewritten whole.
        std::string text;
        for (std::size_t i = rooms.size() - max_remembered_rooms; i < rooms.size(); ++i)
            text += format_remembered_room(rooms[i]);
        replace_private_file(file, text);
    }
}

std::vector<std::string> tokens_for_server(const std::vector<RememberedRoom>& rooms,
                                           const std::string& server, std::size_t max) {
    std::vector<std::string> tokens;
    for (auto it = rooms.rbegin(); it != rooms.rend() && tokens.size() < max; ++it) {
        if (it->server != server)
            continue;
        if (std::find(tokens.begin(), tokens.end(), it->token) == tokens.end())
            tokens.push_back(it->token);
    }
    return tokens;
}

}  // namespace rapidfire::client
