#pragma once
// The open-file limit: every connection is a descriptor, so the bench raises its soft limit to
// the hard limit before it opens any.

#include <cstdint>

namespace rapidfire::bench {

struct FileLimit {
    std::uint64_t soft = 0;
    std::uint64_t hard = 0;
};

// Raises the soft RLIMIT_NOFILE to the hard limit; returns the limits in force afterwards.
FileLimit raise_file_limit();

}  // namespace rapidfire::bench
