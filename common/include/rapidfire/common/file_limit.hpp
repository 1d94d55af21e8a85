#pragma once
// The per-process limit on open files: every connection is a descriptor, so it bounds how many
// clients the server can hold and how many the bench can open.

#include <cstdint>

namespace rapidfire::common {

struct FileLimit {
    std::uint64_t soft = 0;  // in force afterwards
    std::uint64_t hard = 0;
    bool raised = false;       // the soft limit was raised
    bool hard_raised = false;  // the hard limit was raised
};

// Raises the soft RLIMIT_NOFILE to the hard limit; returns the limits in force afterwards (all
// zero when they cannot be read). When `wanted` descriptors are more than the hard limit, it
// first tries to raise the hard limit to `wanted` (at most the kernel's fs.nr_open): only a
// process with CAP_SYS_RESOURCE may, and for any other the hard limit stays as it was.
FileLimit raise_file_limit(std::uint64_t wanted = 0);

}  // namespace rapidfire::common
