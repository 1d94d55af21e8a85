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

// Past the hard limit: raised where the process may (CAP_SYS_RESOURCE), else left alone; the
// soft limit is the hard one either way.
TEST(FileLimit, AskingForMoreThanTheHardLimitRaisesItOnlyWherePermitted) {
    rlimit before{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &before), 0);
    if (before.rlim_max == RLIM_INFINITY)
        GTEST_SKIP() << "no hard limit to raise";
    const FileLimit limit = raise_file_limit(before.rlim_max + 1);
    rlimit now{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &now), 0);
    EXPECT_EQ(limit.hard, now.rlim_max);
    EXPECT_EQ(limit.soft, now.rlim_cur);
    EXPECT_EQ(limit.soft, limit.hard);
    if (limit.hard_raised) {
        EXPECT_EQ(limit.hard, before.rlim_max + 1);
    } else {
        EXPECT_EQ(limit.hard, before.rlim_max);
    }
}

}  // namespace
}  // namespace rapidfire::common
