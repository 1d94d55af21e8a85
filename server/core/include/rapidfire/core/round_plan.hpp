#pragma once
// Settings with their defaults applied, and the questions a round will ask, in order, with
// their choices. Deterministic for a given seed so a round can be replayed.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core {

using protocol::Millis;

// The settings a room runs with: every default applied and every range checked.
struct ResolvedSettings {
    protocol::RoomKind kind = protocol::RoomKind::quiz;
    int questions = 10;
    std::vector<std::string> topics;
    bool shuffle = true;
    std::int64_t seed = 0;
    bool seed_given = false;  // a rematch keeps a given seed and draws a new one otherwise
    int seconds = 20;
    protocol::AnswerMode mode = protocol::AnswerMode::choice;
    protocol::ClockMode clock = protocol::ClockMode::per_question;
    int total_seconds = 300;
    bool show_leaderboard = true;
    bool streak_bonus = true;
    int capacity = 500;
    int judging_seconds = 0;
    int reveal_seconds = 5;
    std::string password;
    bool public_ = false;  // listed in the open rooms while in the lobby
    std::string label;     // a public room's title in that list; empty: none
    bool review = false;   // solo: the creator's due questions first (learning.hpp)

    // As sent back to clients: everything filled in, the password left out (and the label when
    // there is none).
    protocol::RoundSettings to_wire() const;
};

// The largest seed accepted: JSON numbers are exact only up to 2^53.
inline constexpr std::int64_t max_seed = (std::int64_t{1} << 53) - 1;

// Applies the kind's defaults and checks every range. `random_seed` is used when no seed was
// given. On error: an invalid_settings error naming the field.
std::variant<ResolvedSettings, protocol::Error> resolve_settings(
    protocol::RoomKind kind, const protocol::RoundSettings& requested, const content::Bank& bank,
    int max_capacity, std::int64_t random_seed);

struct PlannedQuestion {
    const content::BankQuestion* source = nullptr;
    // Choice mode: 4 answers (fewer if the bank is tiny), or the question's own choices.
    std::vector<std::string> choices;
    // Choice mode: every right choice, ascending (one unless the question brings several);
    // picking any of them is correct.
    std::vector<int> correct_choices;
};

// Whether a question brings its own choices (the bank's `choices`, with at least one valid
// index in `correct_choices`): then choice mode plays exactly those, in their order.
bool has_own_choices(const content::BankQuestion& question);

// The time limit of a question in seconds on the per-question clock: its own `seconds` when it
// has one, else the room's. (On one total clock questions have no limit of their own.)
int question_seconds(const content::BankQuestion& question, const ResolvedSettings& settings);

// The questions of a round: filtered by topic, in bank order or shuffled by the seed, cut to
// the count. In choice mode a question with its own choices (has_own_choices) has exactly
// those, in the bank's order, and every one of its correct choices is right. Any other has the
// reference answer, the question's own wrong choices and, when it brings fewer than 3,
// distractors drawn from other questions' answers (never those of questions with their own
// choices) up to 4 choices in all, in shuffled positions. Drawn distractors are ranked:
// answers of questions sharing a topic first; then the length nearest the reference answer's,
// by |log(length / reference length)| in code points; ties in the order of a draw from the
// seed. The same seed gives the same round.
std::vector<PlannedQuestion> plan_round(const content::Bank& bank,
                                        const ResolvedSettings& settings);

// Whether a question is on one of `topics` (none: every question is).
bool on_topics(const content::BankQuestion& question, const std::vector<std::string>& topics);

// How many questions of the bank match the topic filter.
int count_matching(const content::Bank& bank, const std::vector<std::string>& topics);

// A round as plan_round plans it, leaving out the questions whose bank ids are in `asked`, and
// as many of the others as the count allows, in the same order (a matched pair's second turn).
std::vector<PlannedQuestion> plan_round_without(const content::Bank& bank,
                                                const ResolvedSettings& settings,
                                                const std::vector<std::string>& asked);

// The questions with these bank ids, in this order, planned as plan_round plans them (their
// choices included); ids the bank does not have are left out (a review run's order).
std::vector<PlannedQuestion> plan_listed(const content::Bank& bank,
                                         const ResolvedSettings& settings,
                                         const std::vector<std::string>& ids);

// A small deterministic generator (splitmix64): the same seed gives the same round on every
// platform, unlike the standard distributions.
class SeededSequence {
  public:
    explicit SeededSequence(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

  private:
    std::uint64_t state_;
};

}  // namespace rapidfire::core
