#pragma once
// FSRS-6, the spaced-repetition scheduler Anki uses, in its long-term form: no same-day learning
// steps, so every interval is a whole number of days. It follows ts-fsrs 5.4.2 with
// enable_short_term = false and no fuzz, down to its rounding, so that the reference fixture
// (tests/fsrs) replays exactly. Pure functions: times are passed in, Unix epoch milliseconds.

#include <array>
#include <optional>

#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core::fsrs {

using protocol::Millis;

inline constexpr Millis day_ms = 24 * 60 * 60 * 1000;

enum class Rating { again = 1, hard, good, easy };

// The long-term scheduler moves a card straight from new to review; ts-fsrs's learning and
// relearning states only exist with same-day steps.
enum class CardState { new_card, review };

struct Parameters {
    // w0..w20, the FSRS-6 defaults that ts-fsrs 5.x ships. Used as given: ts-fsrs would clamp
    // out-of-range custom weights, these defaults are all within range.
    std::array<double, 21> weights = {0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                      0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                                      1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};
    double desired_retention = 0.9;
    int maximum_interval_days = 36500;
};

struct Card {
    double stability = 0;   // days until retrievability falls to 90%
    double difficulty = 0;  // 1 (easiest) to 10
    CardState state = CardState::new_card;
    int reps = 0;
    int lapses = 0;          // `again` on a card in review
    int elapsed_days = 0;    // days between the last two reviews, as the last review counted them
    int scheduled_days = 0;  // the interval the last review chose
    std::optional<Millis> last_review;
    Millis due = 0;
};

// A card never reviewed, due at `now`.
Card new_card(Millis now);

// The card after a review with `rating` at `now`. A `now` before the last review counts as a
// same-day review (ts-fsrs rejects it).
Card review(const Card& card, Rating rating, Millis now, const Parameters& parameters = {});

// The probability of recalling the card at `now`: 0 for a new card.
double retrievability(const Card& card, Millis now, const Parameters& parameters = {});

}  // namespace rapidfire::core::fsrs
