#include <gtest/gtest.h>

#include <sys/resource.h>

#include "rapidfire/common/file_limit.hpp"

namespace rapidfire::common {
namespace {

TEST(FileLimit, SoftLimitIsRaisedToTheHardLimit) {
    const FileLimit limit = raise_file_limit();
    EXPECT_GT(limit.soft, 0u);
    EXPECT_LE(limit.soft, limit.hard);
    rlimit now{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &now), 0);
    EXPECT_EQ(limit.soft, now.rlim_cur);
    EXPECT_EQ(limit.hard, now.rlim_max);
    if (limit.raised) {
        EXPECT_EQ(limit.soft, limit.hard);
    }
}

TEST(FileLimit, RaisingAgainChangesNothing) {
    raise_file_limit();
    const FileLimit again = raise_file_limit();
    EXPECT_FALSE(again.raised);
}

}  // namespace
}  // namespace rapidfire::common
