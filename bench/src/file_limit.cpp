#include "file_limit.hpp"

#include <sys/resource.h>

namespace rapidfire::bench {

FileLimit raise_file_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return {};
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return {limit.rlim_cur, limit.rlim_max};
}

}  // namespace rapidfire::bench
