#pragma once
// The permission bits of a file, for tests of what must stay private.

#include <sys/stat.h>

#include <filesystem>

namespace rapidfire::test {

inline unsigned mode_of(const std::filesystem::path& path) {
    struct stat info {};
    ::stat(path.c_str(), &info);
    return info.st_mode & 0777;
}

}  // namespace rapidfire::test
