#include "rapidfire/client/identity.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "rapidfire/client/state_folder.hpp"
#include "rapidfire/protocol/limits.hpp"

namespace rapidfire::client {

namespace fs = std::filesystem;

namespace {

std::string base64url(const unsigned char* bytes, std::size_t size) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | bytes[i];
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(alphabet[(buffer >> bits) & 0x3F]);
        }
    }
    if (bits > 0)
        out.push_back(alphabet[(buffer << (6 - bits)) & 0x3F]);
    return out;
}

// The secret in an existing file, checked.
std::string read_identity(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    std::string secret;
    std::getline(in, secret);
    if (!protocol::is_valid_identity(secret))
        throw std::runtime_error(file.string() +
                                 " does not hold an identity; move it away to "
                                 "start a new one (earlier bests stay with it)");
    return secret;
}

}  // namespace

fs::path identity_file() {
    return state_file("identity");
}

std::string new_identity_secret() {
    unsigned char bytes[32];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        const auto n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw std::runtime_error("no random bytes for an identity: " + errno_text());
        }
        got += static_cast<std::size_t>(n);
    }
    return base64url(bytes, sizeof bytes);
}

std::string load_or_create_identity(const fs::path& file) {
    std::error_code ec;
    if (!file.empty() && fs::exists(file, ec))
        return read_identity(file);
    // The secret is the user's alone: the folder and the file too.
    make_private_folder(file);
    // Written whole to a private temporary file, then linked into place: link() fails when
    // another client got there first, and then its secret is the one.
    const fs::path temporary = file.string() + "." + std::to_string(::getpid()) + ".tmp";
    const int fd =
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot write " + temporary.string() + ": " + errno_text());
    const std::string secret = new_identity_secret();
    const bool written =
        ::fchmod(fd, 0600) == 0 && write_all(fd, secret + "\n") && ::fsync(fd) == 0;
    const std::string why = errno_text();
    ::close(fd);
    if (!written) {
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot write " + temporary.string() + ": " + why);
    }
    const int linked = ::link(temporary.c_str(), file.c_str());
    const int link_errno = errno;
    ::unlink(temporary.c_str());
    if (linked == 0)
        return secret;
    if (link_errno == EEXIST)
        return read_identity(file);
    throw std::runtime_error("cannot create " + file.string() + ": " + std::strerror(link_errno));
}

}  // namespace rapidfire::client
