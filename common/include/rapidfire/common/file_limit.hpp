#pragma once
// The per-process limit on open files: every connection is a descriptor, so it bounds how many
// clients the server can hold and how many the bench can open.

#include <cstdint>

namespace rapidfire::common {

struct FileLimit {
    std::uint64_t soft = 0;  // in force afterwards
    std::uint64_t hard = 0;
    bool raised = false;  // the soft limit was raised
};

// Raises the soft RLIMIT_NOFILE to the hard limit; returns the limits in force afterwards (all
// zero when they cannot be read).
FileLimit raise_file_limit();

}  // namespace rapidfire::common
