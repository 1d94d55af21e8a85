#include "rapidfire/client/remembered_rooms.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rapidfire::client {

namespace fs = std::filesystem;

namespace {

std::string errno_text() {
    return std::strerror(errno);
}

bool is_token_text(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return c > ' ' && c < 0x7F; });
}

// Writes all of `text` to `fd`; false (errno set) when it could not.
bool write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const auto n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Rewrites the file with its newest max_remembered_rooms lines: through a private temporary
// file renamed over it, so a reader never sees half a file.
void prune(const fs::path& file, const std::vector<RememberedRoom>& rooms) {
    const fs::path temporary = file.string() + ".tmp";
    const int fd =
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot write " + temporary.string() + ": " + errno_text());
    std::string text;
    for (std::size_t i = rooms.size() - max_remembered_rooms; i < rooms.size(); ++i)
        text += format_remembered_room(rooms[i]);
    const bool written = write_all(fd, text);
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), file.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot write " + file.string() + ": " + why);
    }
}

}  // namespace

fs::path remembered_rooms_file() {
    // XDG: a relative $XDG_STATE_HOME is invalid and is ignored.
    if (const char* state = std::getenv("XDG_STATE_HOME"); state != nullptr && state[0] == '/')
        return fs::path(state) / "rapidfire" / "hosted";
    if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/')
        return fs::path(home) / ".local" / "state" / "rapidfire" / "hosted";
    return {};
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
    std::error_code ec;
    if (!fs::exists(file, ec))
        return {};
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    return parse_remembered_rooms(text.str());
}

void remember_room(const fs::path& file, const RememberedRoom& room) {
    if (file.empty())
        throw std::runtime_error("neither XDG_STATE_HOME nor HOME is set");
    const fs::path folder = file.parent_path();
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw std::runtime_error("cannot create " + folder.string() + ": " + ec.message());
    // The tokens open the games' results: the folder and the file are the user's alone.
    ::chmod(folder.c_str(), 0700);
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
    if (rooms.size() > max_remembered_rooms)
        prune(file, rooms);
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
