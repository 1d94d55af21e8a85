#include "rapidfire/client/state_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rapidfire::client {

namespace fs = std::filesystem;

std::string errno_text() {
    return std::strerror(errno);
}

fs::path state_file(std::string_view name) {
    // XDG: a relative $XDG_STATE_HOME is invalid and is ignored.
    if (const char* state = std::getenv("XDG_STATE_HOME"); state != nullptr && state[0] == '/')
        return fs::path(state) / "rapidfire" / name;
    if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/')
        return fs::path(home) / ".local" / "state" / "rapidfire" / name;
    return {};
}

void make_private_folder(const fs::path& file) {
    if (file.empty())
        throw std::runtime_error("neither XDG_STATE_HOME nor HOME is set");
    const fs::path folder = file.parent_path();
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw std::runtime_error("cannot create " + folder.string() + ": " + ec.message());
    ::chmod(folder.c_str(), 0700);
}

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

std::string read_private_file(const fs::path& file) {
    std::error_code ec;
    if (file.empty() || !fs::exists(file, ec))
        return {};
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

StateFileLock::StateFileLock(const fs::path& file) {
    make_private_folder(file);
    const fs::path lock = file.string() + ".lock";
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0)
        throw std::runtime_error("cannot open " + lock.string() + ": " + errno_text());
    while (::flock(fd_, LOCK_EX) != 0) {
        if (errno != EINTR) {
            const std::string why = errno_text();
            ::close(fd_);
            throw std::runtime_error("cannot lock " + lock.string() + ": " + why);
        }
    }
}

StateFileLock::~StateFileLock() {
    ::close(fd_);  // releases the lock
}

void replace_private_file(const fs::path& file, std::string_view text) {
    make_private_folder(file);
    // One temporary file per process: two clients rewriting at once do not share one.
    const fs::path temporary = file.string() + "." + std::to_string(::getpid()) + ".tmp";
    const int fd =
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot write " + temporary.string() + ": " + errno_text());
    const bool written = ::fchmod(fd, 0600) == 0 && write_all(fd, text);
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), file.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot write " + file.string() + ": " + why);
    }
}

}  // namespace rapidfire::client
