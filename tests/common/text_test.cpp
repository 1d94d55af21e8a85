#include <gtest/gtest.h>

#include "rapidfire/common/text.hpp"

namespace rapidfire::common {
namespace {

TEST(AsciiLower, FoldsOnlyAsciiLetters) {
    EXPECT_EQ(ascii_lower("Quiz NIGHT 42!"), "quiz night 42!");
    EXPECT_EQ(ascii_lower(""), "");
    EXPECT_EQ(ascii_lower("@[`{"), "@[`{");  // the neighbours of A-Z and a-z stay
}

TEST(AsciiLower, LeavesUtf8Alone) {
    EXPECT_EQ(ascii_lower("\xC3\x84NGEL"), "\xC3\x84ngel");  // "ÄNGEL": Ä keeps its case
    EXPECT_EQ(ascii_lower("\xCE\xA3IGMA"), "\xCE\xA3igma");  // "ΣIGMA"
}

TEST(FoldNickname, NicknamesDifferingInAsciiCaseClash) {
    EXPECT_EQ(fold_nickname("Ana"), fold_nickname("ANA"));
    EXPECT_EQ(fold_nickname("ana"), fold_nickname("aNa"));
    EXPECT_NE(fold_nickname("Ana"), fold_nickname("Ana "));
}

TEST(FoldNickname, NonAsciiLettersKeepTheirCase) {
    EXPECT_NE(fold_nickname("\xC3\x84ngel"), fold_nickname("\xC3\xA4ngel"));  // Ängel, ängel
    EXPECT_EQ(fold_nickname("\xC3\x84NGEL"), fold_nickname("\xC3\x84ngel"));
}

}  // namespace
TEST(Join, PutsTheSeparatorBetweenItemsOnly) {
    EXPECT_EQ(join({}, ", "), "");
    EXPECT_EQ(join({"a"}, ", "), "a");
    EXPECT_EQ(join({"a", "", "c"}, ","), "a,,c");
}

}  // namespace rapidfire::common
