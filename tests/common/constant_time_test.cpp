#include <gtest/gtest.h>

#include <string>

#include "rapidfire/common/constant_time.hpp"

namespace rapidfire::common {
namespace {

TEST(ConstantTimeEqual, SameBytesAreEqual) {
    EXPECT_TRUE(constant_time_equal("", ""));
    EXPECT_TRUE(constant_time_equal("ABCD.k3y", "ABCD.k3y"));
    const std::string with_nul("a\0b", 3);
    EXPECT_TRUE(constant_time_equal(with_nul, std::string("a\0b", 3)));
}

TEST(ConstantTimeEqual, AnyDifferenceIsUnequal) {
    EXPECT_FALSE(constant_time_equal("secret", "secreT"));
    EXPECT_FALSE(constant_time_equal("secret", "Secret"));
    EXPECT_FALSE(constant_time_equal("\xff", "\x7f"));  // bytes above 0x7F compare as bytes
}

TEST(ConstantTimeEqual, DifferentLengthsAreUnequal) {
    EXPECT_FALSE(constant_time_equal("", "x"));
    EXPECT_FALSE(constant_time_equal("secret", "secret2"));
    EXPECT_FALSE(constant_time_equal("secret2", "secret"));
    // A prefix padded with NUL bytes is still not the same secret.
    EXPECT_FALSE(constant_time_equal(std::string("ab\0", 3), "ab"));
}

}  // namespace
}  // namespace rapidfire::common
