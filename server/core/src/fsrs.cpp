#include "rapidfire/core/fsrs.hpp"

#include <algorithm>
#include <cmath>

namespace rapidfire::core::fsrs {
namespace {

// Bounds ts-fsrs puts on every stability it computes.
constexpr double min_stability = 0.001;
constexpr double max_stability = 36500;

constexpr std::array<Rating, 4> all_ratings = {Rating::again, Rating::hard, Rating::good,
                                               Rating::easy};

int grade(Rating rating) {
    return static_cast<int>(rating);
}

// JavaScript's Math.round: the nearest integer, halves toward +infinity (std::round takes -2.5
// to -3).
double js_round(double x) {
    const double below = std::floor(x);
    return x - below >= 0.5 ? below + 1 : below;
}

// ts-fsrs rounds nearly every intermediate to 8 decimals; matching it keeps long sequences from
// drifting apart by the last bits.
double round8(double x) {
    return js_round(x * 1e8) / 1e8;
}

Millis floor_div(Millis a, Millis b) {
    const Millis quotient = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

// The scheduler counts elapsed days in UTC calendar days (23:00 to 01:00 the next day is one
// day), while retrievability counts whole 24-hour periods. Both as ts-fsrs does.
int calendar_days_between(Millis from, Millis to) {
    return static_cast<int>(floor_div(to, day_ms) - floor_div(from, day_ms));
}

int whole_days_between(Millis from, Millis to) {
    return static_cast<int>(floor_div(to - from, day_ms));
}

// The FSRS-6 forgetting curve R(t, S) = (1 + factor * t / S)^decay, where the trainable decay
// w20 sets factor = 0.9^(1 / -w20) - 1 so that R(S, S) = 0.9.
struct ForgettingCurve {
    double decay;
    double factor;

    explicit ForgettingCurve(const Parameters& parameters)
        : decay(-parameters.weights[20]),
          factor(round8(std::exp((1.0 / decay) * std::log(0.9)) - 1)) {}

    double retrievability(double elapsed_days, double stability) const {
        return round8(std::pow(1 + factor * elapsed_days / stability, decay));
    }

    // The interval, as a multiple of stability, at which R falls to `retention`: 1 at 0.9.
    double interval_modifier(double retention) const {
        return round8((std::pow(retention, 1 / decay) - 1) / factor);
    }
};

struct MemoryState {
    double stability;
    double difficulty;
};

double initial_stability(Rating rating, const Parameters& parameters) {
    return std::max(parameters.weights[grade(rating) - 1], 0.1);
}

// D0(G) = w4 - e^((G-1) w5) + 1, unclamped: the mean reversion target D0(easy) uses it so.
double initial_difficulty(Rating rating, const Parameters& parameters) {
    const auto& w = parameters.weights;
    return round8(w[4] - std::exp((grade(rating) - 1) * w[5]) + 1);
}

// Difficulty moves by -w6 (G - 3), damped linearly as it nears 10, then reverts by w7 toward
// D0(easy) so that it does not stick at the ceiling.
double next_difficulty(double difficulty, Rating rating, const Parameters& parameters) {
    const auto& w = parameters.weights;
    const double change = -w[6] * (grade(rating) - 3);
    const double damped = round8(change * (10 - difficulty) / 9);
    const double moved = difficulty + damped;
    const double reverted =
        round8(w[7] * initial_difficulty(Rating::easy, parameters) + (1 - w[7]) * moved);
    return std::clamp(reverted, 1.0, 10.0);
}

double recall_stability(const MemoryState& memory, double retrievability, Rating rating,
                        const Parameters& parameters) {
    const auto& w = parameters.weights;
    const double s = memory.stability;
    const double d = memory.difficulty;
    const double hard_penalty = rating == Rating::hard ? w[15] : 1;
    const double easy_bonus = rating == Rating::easy ? w[16] : 1;
    const double growth = std::exp(w[8]) * (11 - d) * std::pow(s, -w[9]) *
                          (std::exp((1 - retrievability) * w[10]) - 1) * hard_penalty * easy_bonus;
    return round8(std::clamp(s * (1 + growth), min_stability, max_stability));
}

double forget_stability(const MemoryState& memory, double retrievability,
                        const Parameters& parameters) {
    const auto& w = parameters.weights;
    const double s = memory.stability;
    const double d = memory.difficulty;
    return round8(std::clamp(w[11] * std::pow(d, -w[12]) * (std::pow(s + 1, w[13]) - 1) *
                                 std::exp((1 - retrievability) * w[14]),
                             min_stability, max_stability));
}

// The long-term scheduler has no short-term stability (w17..w19): a same-day review is an
// ordinary one with R = 1, and a lapse can only lower stability.
MemoryState next_memory(const Card& card, Rating rating, double retrievability,
                        const Parameters& parameters) {
    if (card.stability == 0 && card.difficulty == 0) {
        return {initial_stability(rating, parameters),
                std::clamp(initial_difficulty(rating, parameters), 1.0, 10.0)};
    }
    const MemoryState memory{card.stability, card.difficulty};
    double stability = 0;
    if (rating == Rating::again) {
        stability = std::min(std::max(round8(memory.stability), min_stability),
                             forget_stability(memory, retrievability, parameters));
    } else {
        stability = recall_stability(memory, retrievability, rating, parameters);
    }
    return {stability, next_difficulty(memory.difficulty, rating, parameters)};
}

int interval_days(double stability, double modifier, const Parameters& parameters) {
    const double days = std::min(std::max(1.0, js_round(stability * modifier)),
                                 static_cast<double>(parameters.maximum_interval_days));
    return static_cast<int>(days);
}

}  // namespace

Card new_card(Millis now) {
    Card card;
    card.due = now;
    return card;
}

Card review(const Card& card, Rating rating, Millis now, const Parameters& parameters) {
    const bool is_new = card.state == CardState::new_card;
    int elapsed_days = 0;
    if (!is_new && card.last_review) {
        elapsed_days = std::max(0, calendar_days_between(*card.last_review, now));
    }
    const ForgettingCurve curve(parameters);
    const double retrievability_now =
        is_new ? 1.0 : curve.retrievability(elapsed_days, card.stability);
    const double modifier = curve.interval_modifier(parameters.desired_retention);

    // Every rating's interval is needed: they are forced apart so that again < hard < good <
    // easy, even where that takes good and easy past the maximum interval.
    std::array<MemoryState, 4> memories{};
    std::array<int, 4> intervals{};
    for (Rating each : all_ratings) {
        const auto index = static_cast<std::size_t>(grade(each) - 1);
        memories[index] = next_memory(card, each, retrievability_now, parameters);
        intervals[index] = interval_days(memories[index].stability, modifier, parameters);
    }
    intervals[0] = std::min(intervals[0], intervals[1]);
    intervals[1] = std::max(intervals[1], intervals[0] + 1);
    intervals[2] = std::max(intervals[2], intervals[1] + 1);
    intervals[3] = std::max(intervals[3], intervals[2] + 1);

    const auto chosen = static_cast<std::size_t>(grade(rating) - 1);
    Card next = card;
    next.stability = memories[chosen].stability;
    next.difficulty = memories[chosen].difficulty;
    next.state = CardState::review;
    next.reps = card.reps + 1;
    if (rating == Rating::again && !is_new) {
        next.lapses = card.lapses + 1;
    }
    next.elapsed_days = elapsed_days;
    next.scheduled_days = intervals[chosen];
    next.last_review = now;
    next.due = now + static_cast<Millis>(intervals[chosen]) * day_ms;
    return next;
}

double retrievability(const Card& card, Millis now, const Parameters& parameters) {
    if (card.state == CardState::new_card) {
        return 0;
    }
    const int elapsed_days =
        card.last_review ? std::max(0, whole_days_between(*card.last_review, now)) : 0;
    return ForgettingCurve(parameters).retrievability(elapsed_days, round8(card.stability));
}

}  // namespace rapidfire::core::fsrs
