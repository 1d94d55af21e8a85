#include "rapidfire/common/file_limit.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <fstream>

namespace rapidfire::common {

namespace {

// The most descriptors the kernel lets any process have (0 when it cannot be read).
std::uint64_t kernel_ceiling() {
    std::ifstream file("/proc/sys/fs/nr_open");
    std::uint64_t ceiling = 0;
    file >> ceiling;
    return file ? ceiling : 0;
}

}  // namespace

FileLimit raise_file_limit(std::uint64_t wanted) {
    FileLimit result;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return result;
    if (limit.rlim_max != RLIM_INFINITY && wanted > limit.rlim_max) {
        const std::uint64_t ceiling = kernel_ceiling();
        const std::uint64_t target = ceiling != 0 ? std::min(wanted, ceiling) : wanted;
        if (target > limit.rlim_max) {
            const rlimit raised{static_cast<rlim_t>(target), static_cast<rlim_t>(target)};
            if (setrlimit(RLIMIT_NOFILE, &raised) == 0) {
                result.hard_raised = true;
                result.raised = raised.rlim_cur > limit.rlim_cur;
                limit = raised;
            }
        }
    }
    result.soft = limit.rlim_cur;
    result.hard = limit.rlim_max;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) {
            result.soft = raised.rlim_cur;
            result.raised = true;
        }
    }
    return result;
}

}  // namespace rapidfire::common
