#include "rapidfire/common/file_limit.hpp"

#include <sys/resource.h>

namespace rapidfire::common {

FileLimit raise_file_limit() {
    FileLimit result;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return result;
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
