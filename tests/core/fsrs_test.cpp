#include "rapidfire/core/fsrs.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace rapidfire::core::fsrs {
namespace {

// Some Thursday, 2024-06-13 at 12:00 UTC.
constexpr Millis noon = 1'718'280'000'000;
constexpr Millis hour_ms = 60 * 60 * 1000;

const Parameters defaults;

double initial_difficulty(Rating rating) {
    const auto& w = defaults.weights;
    return w[4] - std::exp((static_cast<int>(rating) - 1) * w[5]) + 1;
}

Card reviewed_on_time(Card card, Rating rating, const Parameters& parameters = {}) {
    return review(card, rating, card.due, parameters);
}

TEST(Fsrs, FirstGoodGivesTheInitialStabilityAndDifficulty) {
    const Card card = review(new_card(noon), Rating::good, noon);
    EXPECT_DOUBLE_EQ(card.stability, defaults.weights[2]);
    EXPECT_NEAR(card.difficulty, initial_difficulty(Rating::good), 1e-8);
    EXPECT_EQ(card.state, CardState::review);
    EXPECT_EQ(card.reps, 1);
    EXPECT_EQ(card.lapses, 0);
    EXPECT_EQ(card.last_review, noon);
}

TEST(Fsrs, FirstIntervalsAreForcedApartInRatingOrder) {
    // Stabilities 0.212, 1.29, 2.31 and 8.30 round to 0 (raised to 1), 1, 2 and 8 days; each
    // rating must then come at least a day after the one below it.
    const Card fresh = new_card(noon);
    EXPECT_EQ(review(fresh, Rating::again, noon).scheduled_days, 1);
    EXPECT_EQ(review(fresh, Rating::hard, noon).scheduled_days, 2);
    EXPECT_EQ(review(fresh, Rating::good, noon).scheduled_days, 3);
    EXPECT_EQ(review(fresh, Rating::easy, noon).scheduled_days, 8);
    EXPECT_EQ(review(fresh, Rating::good, noon).due, noon + 3 * day_ms);
}

TEST(Fsrs, AgainOnAReviewCardIsALapseAndComesSoonerThanHard) {
    Card card = review(new_card(noon), Rating::good, noon);
    card = reviewed_on_time(card, Rating::good);
    card = reviewed_on_time(card, Rating::good);

    const Card forgotten = reviewed_on_time(card, Rating::again);
    const Card hard = reviewed_on_time(card, Rating::hard);
    EXPECT_EQ(forgotten.lapses, card.lapses + 1);
    EXPECT_EQ(hard.lapses, card.lapses);
    EXPECT_LT(forgotten.scheduled_days, hard.scheduled_days);
    EXPECT_LT(forgotten.stability, card.stability);
    EXPECT_GT(forgotten.difficulty, card.difficulty);
}

TEST(Fsrs, AgainOnANewCardIsNoLapse) {
    EXPECT_EQ(review(new_card(noon), Rating::again, noon).lapses, 0);
}

TEST(Fsrs, OnlyTheOrderingRuleTakesIntervalsPastTheMaximum) {
    // Stability's own interval is capped at the maximum; forcing good and easy a day past the
    // rating below can add one and two days to it, as ts-fsrs does.
    for (const int maximum : {100, 36500}) {
        SCOPED_TRACE("maximum " + std::to_string(maximum));
        Parameters parameters;
        parameters.maximum_interval_days = maximum;
        Card card = review(new_card(noon), Rating::easy, noon, parameters);
        Millis late = noon;
        for (int i = 0; i < 12; ++i) {
            late = card.due + 2 * static_cast<Millis>(card.scheduled_days) * day_ms;
            EXPECT_LE(review(card, Rating::again, late, parameters).scheduled_days, maximum);
            EXPECT_LE(review(card, Rating::hard, late, parameters).scheduled_days, maximum);
            EXPECT_LE(review(card, Rating::good, late, parameters).scheduled_days, maximum + 1);
            EXPECT_LE(review(card, Rating::easy, late, parameters).scheduled_days, maximum + 2);
            card = review(card, Rating::easy, late, parameters);
        }
        // The run did reach the cap.
        EXPECT_EQ(review(card, Rating::hard, late, parameters).scheduled_days, maximum);
    }
}

TEST(Fsrs, HardNeverPassesTheMaximumButGoodAndEasyMayByADayEach) {
    // As in ts-fsrs: once stability passes the maximum, hard is held at it and the rule that
    // good and easy come a day after the rating below wins over the maximum.
    Parameters short_maximum;
    short_maximum.maximum_interval_days = 100;
    Card card;
    card.state = CardState::review;
    card.stability = 500;
    card.difficulty = 5;
    card.last_review = noon;
    const Millis now = noon + 500 * day_ms;
    EXPECT_EQ(review(card, Rating::hard, now, short_maximum).scheduled_days, 100);
    EXPECT_EQ(review(card, Rating::good, now, short_maximum).scheduled_days, 101);
    EXPECT_EQ(review(card, Rating::easy, now, short_maximum).scheduled_days, 102);
}

TEST(Fsrs, RetrievabilityIsNinetyPercentWhenStabilityHasPassed) {
    Card card;
    card.state = CardState::review;
    card.stability = 10;
    card.difficulty = 5;
    card.last_review = noon;
    EXPECT_NEAR(retrievability(card, noon + 10 * day_ms), 0.9, 1e-6);
    EXPECT_DOUBLE_EQ(retrievability(card, noon), 1.0);
}

TEST(Fsrs, RetrievabilityAtTheIntervalIsAboutNinetyPercent) {
    Card card = review(new_card(noon), Rating::good, noon);
    for (int i = 0; i < 3; ++i) {
        card = reviewed_on_time(card, Rating::good);
        // The interval is stability rounded to whole days, so R there is near 0.9, not on it.
        EXPECT_NEAR(retrievability(card, card.due), 0.9, 0.005) << "after review " << i + 2;
    }
}

TEST(Fsrs, NewCardHasNoRetrievability) {
    EXPECT_EQ(retrievability(new_card(noon), noon), 0);
}

TEST(Fsrs, SchedulingCountsCalendarDaysButRetrievabilityWholeDays) {
    const Millis late_evening = noon + 11 * hour_ms;  // 23:00 UTC
    const Card card = review(new_card(late_evening), Rating::good, late_evening);
    const Millis next_morning = late_evening + 2 * hour_ms;  // 01:00 UTC the next day

    EXPECT_EQ(review(card, Rating::good, next_morning).elapsed_days, 1);
    EXPECT_DOUBLE_EQ(retrievability(card, next_morning), 1.0);
    EXPECT_EQ(review(card, Rating::good, late_evening + 3 * hour_ms).elapsed_days, 1);
    EXPECT_EQ(review(card, Rating::good, late_evening + 30 * 60 * 1000).elapsed_days, 0);
}

TEST(Fsrs, ClockSteppingBackCountsAsASameDayReview) {
    const Card card = review(new_card(noon), Rating::good, noon);
    const Card early = review(card, Rating::good, noon - 2 * day_ms);
    EXPECT_EQ(early.elapsed_days, 0);
    EXPECT_DOUBLE_EQ(early.stability, card.stability);  // R = 1: nothing to strengthen
}

// The reference: seeded sequences run through ts-fsrs 5.4.2 (tests/fsrs), replayed here.

boost::json::object load_fixture() {
    std::ifstream in(RAPIDFIRE_CORE_TEST_DATA_DIR "/fsrs_fixture.json");
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str()).as_object();
}

Rating rating_named(std::string_view name) {
    if (name == "again")
        return Rating::again;
    if (name == "hard")
        return Rating::hard;
    if (name == "good")
        return Rating::good;
    if (name == "easy")
        return Rating::easy;
    ADD_FAILURE() << "unknown rating " << name;
    return Rating::good;
}

double number(const boost::json::value& value) {
    return value.to_number<double>();
}

TEST(FsrsReference, FixtureUsesOurParametersAndOptions) {
    const auto fixture = load_fixture();
    const auto& options = fixture.at("options").as_object();
    EXPECT_DOUBLE_EQ(number(options.at("request_retention")), defaults.desired_retention);
    EXPECT_EQ(options.at("maximum_interval").to_number<int>(), defaults.maximum_interval_days);
    EXPECT_FALSE(options.at("enable_fuzz").as_bool());
    EXPECT_FALSE(options.at("enable_short_term").as_bool());
    const auto& weights = fixture.at("parameters").as_array();
    ASSERT_EQ(weights.size(), defaults.weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i) {
        EXPECT_DOUBLE_EQ(number(weights[i]), defaults.weights[i]) << "w" << i;
    }
}

TEST(FsrsReference, EveryStepMatchesTsFsrs) {
    const auto fixture = load_fixture();
    const auto& sequences = fixture.at("sequences").as_array();
    ASSERT_GE(sequences.size(), 40U);
    int steps_checked = 0;
    for (std::size_t s = 0; s < sequences.size(); ++s) {
        const auto& sequence = sequences[s].as_object();
        Card card = new_card(sequence.at("start_ms").to_number<Millis>());
        const auto& steps = sequence.at("steps").as_array();
        for (std::size_t i = 0; i < steps.size(); ++i) {
            SCOPED_TRACE("sequence " + std::to_string(s) + ", step " + std::to_string(i));
            const auto& step = steps[i].as_object();
            const Millis reviewed = step.at("review_ms").to_number<Millis>();
            card = review(card, rating_named(step.at("rating").as_string()), reviewed);

            EXPECT_EQ(card.state, CardState::review);
            EXPECT_NEAR(card.stability, number(step.at("stability")), 1e-6);
            EXPECT_NEAR(card.difficulty, number(step.at("difficulty")), 1e-6);
            EXPECT_EQ(card.elapsed_days, step.at("elapsed_days").to_number<int>());
            EXPECT_EQ(card.scheduled_days, step.at("scheduled_days").to_number<int>());
            EXPECT_EQ(card.due, step.at("due_ms").to_number<Millis>());
            EXPECT_EQ(card.reps, step.at("reps").to_number<int>());
            EXPECT_EQ(card.lapses, step.at("lapses").to_number<int>());
            EXPECT_EQ(card.last_review, reviewed);
            const Millis probe = step.at("probe_ms").to_number<Millis>();
            EXPECT_NEAR(retrievability(card, probe), number(step.at("retrievability")), 1e-6);
            ++steps_checked;
        }
    }
    RecordProperty("steps_checked", steps_checked);
    EXPECT_GE(steps_checked, 40);
}

}  // namespace
}  // namespace rapidfire::core::fsrs
