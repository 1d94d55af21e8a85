#pragma once
// The per-process limit on open files bounds how many clients the server can hold.

#include <cstdint>

namespace rapidfire::net {

struct FileLimit {
    std::uint64_t soft = 0;  // after raising
    std::uint64_t hard = 0;
    bool raised = false;
};

// Raises the soft RLIMIT_NOFILE to the hard limit.
FileLimit raise_file_limit();

}  // namespace rapidfire::net
