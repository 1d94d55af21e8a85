#include <gtest/gtest.h>

#include "rapidfire/client/backoff.hpp"

namespace rapidfire::client {
namespace {

TEST(Backoff, DoublesFromAFifthOfASecondToTwoSeconds) {
    Backoff b(120'000);
    b.start(0);
    std::vector<Millis> delays;
    for (int i = 0; i < 7; ++i)
        delays.push_back(*b.next(0));
    EXPECT_EQ(delays, (std::vector<Millis>{200, 400, 800, 1600, 2000, 2000, 2000}));
}

TEST(Backoff, GivesUpAfterTheGrace) {
    Backoff b(5'000);
    b.start(1'000);
    EXPECT_TRUE(b.next(1'000));
    EXPECT_TRUE(b.next(5'500));  // 5.9 s: inside the grace
    EXPECT_FALSE(b.next(5'900));
    b.reset();
    b.start(10'000);
    EXPECT_EQ(b.next(10'000), 200);
}

}  // namespace
}  // namespace rapidfire::client
