#include "rapidfire/core/scoring.hpp"

#include <gtest/gtest.h>

namespace rapidfire::core {
namespace {

using protocol::SelfGrade;
using protocol::Verdict;

TEST(Scoring, FullPointsWithinHalfASecond) {
    EXPECT_EQ(speed_points(0, 20'000), 1000);
    EXPECT_EQ(speed_points(500, 20'000), 1000);
    EXPECT_LT(speed_points(501, 20'000), 1000);
}

TEST(Scoring, FollowsTheFormula) {
    // round(1000 * (1 - (t / T) / 2))
    EXPECT_EQ(speed_points(10'000, 20'000), 750);
    EXPECT_EQ(speed_points(20'000, 20'000), 500);
    EXPECT_EQ(speed_points(1'000, 20'000), 975);
    EXPECT_EQ(speed_points(7'000, 20'000), 825);
    EXPECT_EQ(speed_points(3'333, 10'000), 833);  // 833.35 rounds down
}

TEST(Scoring, ElapsedIsClampedToTheLimit) {
    EXPECT_EQ(speed_points(25'000, 20'000), 500);
    EXPECT_EQ(speed_points(-5, 20'000), 1000);
}

TEST(Scoring, PartialEarnsHalfAndWrongNothing) {
    EXPECT_EQ(base_points(Verdict::correct, 10'000, 20'000), 750);
    EXPECT_EQ(base_points(Verdict::partial, 10'000, 20'000), 375);
    EXPECT_EQ(base_points(Verdict::partial, 1'000, 20'000), 488);  // 487.5 rounds up
    EXPECT_EQ(base_points(Verdict::wrong, 100, 20'000), 0);
}

TEST(Scoring, StreakBonusGrowsByOneHundredUpToFiveHundred) {
    EXPECT_EQ(streak_bonus(1), 0);
    EXPECT_EQ(streak_bonus(2), 100);
    EXPECT_EQ(streak_bonus(3), 200);
    EXPECT_EQ(streak_bonus(6), 500);
    EXPECT_EQ(streak_bonus(20), 500);
}

TEST(Scoring, SelfGradesMapToVerdicts) {
    EXPECT_EQ(verdict_for_grade(SelfGrade::again), Verdict::wrong);
    EXPECT_EQ(verdict_for_grade(SelfGrade::hard), Verdict::partial);
    EXPECT_EQ(verdict_for_grade(SelfGrade::good), Verdict::correct);
    EXPECT_EQ(verdict_for_grade(SelfGrade::easy), Verdict::correct);
}

}  // namespace
}  // namespace rapidfire::core
