#include <gtest/gtest.h>

#include "rapidfire/client/countdown.hpp"

namespace rapidfire::client {
namespace {

TEST(Countdown, RemainingUsesTheServerClockOffset) {
    Countdown c;
    c.sync(10'000, 4'000);  // the server is 6 s ahead
    c.start(30'000, 20'000, 20'000, false);
    EXPECT_EQ(c.remaining(4'000), 20'000);
    EXPECT_EQ(c.remaining(14'000), 10'000);
    EXPECT_EQ(c.remaining(40'000), 0);
}

TEST(Countdown, PauseFreezesAndContinueMovesTheDeadline) {
    Countdown c;
    c.sync(0, 0);
    c.start(20'000, 20'000, 20'000, false);
    c.pause(15'000);
    EXPECT_EQ(c.remaining(100'000), 15'000);
    c.resume(115'000, 15'000);
    EXPECT_EQ(c.remaining(105'000), 10'000);
}

TEST(Countdown, TheBarShrinksWithTheTimeLeft) {
    Countdown c;
    c.sync(0, 0);
    c.start(10'000, 10'000, 10'000, false);
    const Style plain(false);
    EXPECT_EQ(c.bar(0, plain, 10), "[##########] 10.0s");
    EXPECT_EQ(c.bar(5'000, plain, 10), "[#####-----] 5.0s");
    EXPECT_EQ(c.bar(9'950, plain, 10), "[#---------] 0.0s");
    EXPECT_EQ(c.bar(12'000, plain, 10), "[----------] 0.0s");
    const Style color(true);
    EXPECT_NE(c.bar(1'000, color, 10).find("\x1b[32m"), std::string::npos);  // green early
    EXPECT_NE(c.bar(9'000, color, 10).find("\x1b[31m"), std::string::npos);  // red late
}

TEST(Countdown, FormatSeconds) {
    EXPECT_EQ(format_seconds(0), "0.0s");
    EXPECT_EQ(format_seconds(1'234), "1.2s");
    EXPECT_EQ(format_seconds(65'990), "65.9s");
}

}  // namespace
}  // namespace rapidfire::client
