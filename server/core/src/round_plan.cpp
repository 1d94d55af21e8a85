#include "rapidfire/core/round_plan.hpp"

#include <algorithm>

#include "rapidfire/common/text.hpp"

namespace rapidfire::core {
namespace {

using protocol::AnswerMode;
using protocol::ClockMode;
using protocol::ErrorCode;
using protocol::RoomKind;

protocol::Error invalid(const std::string& field, const std::string& message) {
    return protocol::make_error(ErrorCode::invalid_settings, message, "create_room",
                                "settings." + field);
}

bool matches(const content::BankQuestion& question, const std::vector<std::string>& topics) {
    if (topics.empty())
        return true;
    for (const auto& topic : question.topics) {
        if (std::find(topics.begin(), topics.end(), topic) != topics.end())
            return true;
    }
    return false;
}

// Fisher-Yates with our own generator, so a seed means the same order everywhere.
template <class T>
void shuffle_with(std::vector<T>& items, SeededSequence& sequence) {
    for (std::size_t i = items.size(); i > 1; --i) {
        std::swap(items[i - 1], items[sequence.below(i)]);
    }
}

}  // namespace

std::uint64_t SeededSequence::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

protocol::RoundSettings ResolvedSettings::to_wire() const {
    protocol::RoundSettings wire;
    wire.questions = questions;
    wire.topics = topics;
    wire.shuffle = shuffle;
    wire.seed = seed;
    wire.seconds = seconds;
    wire.mode = mode;
    wire.clock = clock;
    wire.total_seconds = total_seconds;
    wire.show_leaderboard = show_leaderboard;
    wire.streak_bonus = streak_bonus;
    wire.capacity = capacity;
    wire.judging_seconds = judging_seconds;
    wire.reveal_seconds = reveal_seconds;
    return wire;
}

int count_matching(const content::Bank& bank, const std::vector<std::string>& topics) {
    return static_cast<int>(std::count_if(bank.questions.begin(), bank.questions.end(),
                                          [&](const auto& q) { return matches(q, topics); }));
}

std::variant<ResolvedSettings, protocol::Error> resolve_settings(
    RoomKind kind, const protocol::RoundSettings& requested, const content::Bank& bank,
    int max_capacity, std::int64_t random_seed) {
    ResolvedSettings s;
    s.kind = kind;
    // Defaults per kind: a quiz night, a mock interview (few candidates, longer answers, a
    // judge), or a solo sprint (20 questions in 5 minutes on one clock).
    switch (kind) {
        case RoomKind::quiz:
            break;
        case RoomKind::interview:
            s.questions = 5;
            s.seconds = 45;
            s.mode = AnswerMode::judge;
            s.capacity = 3;
            s.show_leaderboard = false;
            break;
        case RoomKind::solo:
            s.questions = 20;
            s.clock = ClockMode::total;
            s.capacity = 1;
            s.reveal_seconds = 2;
            s.show_leaderboard = false;
            break;
    }

    s.topics = requested.topics;
    for (auto& topic : s.topics)
        topic = common::ascii_lower(topic);
    const int available = count_matching(bank, s.topics);
    if (available == 0)
        return invalid("topics", "no question in the bank has these topics");

    if (requested.questions) {
        if (*requested.questions < 1)
            return invalid("questions", "ask at least 1 question");
        s.questions = *requested.questions;
    }
    s.questions = std::min(s.questions, available);

    s.shuffle = requested.shuffle.value_or(true);
    if (requested.seed) {
        if (*requested.seed < 0 || *requested.seed > max_seed) {
            return invalid("seed", "the seed must be between 0 and 2^53 - 1");
        }
        s.seed = *requested.seed;
        s.seed_given = true;
    } else {
        s.seed = random_seed & max_seed;
    }

    if (requested.seconds) {
        if (*requested.seconds < 5 || *requested.seconds > 300) {
            return invalid("seconds", "time per question must be 5 to 300 seconds");
        }
        s.seconds = *requested.seconds;
    }
    if (requested.mode)
        s.mode = *requested.mode;
    if (kind == RoomKind::solo && s.mode == AnswerMode::judge) {
        return invalid("mode", "a solo run has no judge: use choice or self");
    }
    if (kind == RoomKind::quiz && s.mode == AnswerMode::self) {
        return invalid("mode", "a quiz is marked by choice or by a judge, not by self grading");
    }
    if (requested.clock) {
        if (kind != RoomKind::solo && *requested.clock == ClockMode::total) {
            return invalid("clock", "one total clock is for solo runs");
        }
        s.clock = *requested.clock;
    }
    if (requested.total_seconds) {
        if (*requested.total_seconds < 10 || *requested.total_seconds > 3600) {
            return invalid("total_seconds", "the total clock must be 10 to 3600 seconds");
        }
        s.total_seconds = *requested.total_seconds;
    }
    s.show_leaderboard = requested.show_leaderboard.value_or(s.show_leaderboard);
    s.streak_bonus = requested.streak_bonus.value_or(true);
    if (requested.capacity) {
        if (*requested.capacity < 1 || *requested.capacity > max_capacity) {
            return invalid("capacity",
                           "capacity must be 1 to " + std::to_string(max_capacity) + " players");
        }
        if (kind == RoomKind::solo && *requested.capacity != 1) {
            return invalid("capacity", "a solo run has exactly one player");
        }
        s.capacity = *requested.capacity;
    }
    s.capacity = std::min(s.capacity, max_capacity);
    if (requested.judging_seconds) {
        if (*requested.judging_seconds < 0 || *requested.judging_seconds > 600) {
            return invalid("judging_seconds", "the judging timeout must be 0 to 600 seconds");
        }
        s.judging_seconds = *requested.judging_seconds;
    }
    if (requested.reveal_seconds) {
        if (*requested.reveal_seconds < 0 || *requested.reveal_seconds > 60) {
            return invalid("reveal_seconds", "the reveal pause must be 0 to 60 seconds");
        }
        s.reveal_seconds = *requested.reveal_seconds;
    }
    if (requested.password)
        s.password = *requested.password;
    return s;
}

std::vector<PlannedQuestion> plan_round(const content::Bank& bank,
                                        const ResolvedSettings& settings) {
    std::vector<const content::BankQuestion*> pool;
    for (const auto& q : bank.questions) {
        if (matches(q, settings.topics))
            pool.push_back(&q);
    }
    SeededSequence order(static_cast<std::uint64_t>(settings.seed));
    if (settings.shuffle)
        shuffle_with(pool, order);
    pool.resize(std::min<std::size_t>(pool.size(), static_cast<std::size_t>(settings.questions)));

    std::vector<PlannedQuestion> plan;
    plan.reserve(pool.size());
    // A separate stream for choices, so turning shuffle off keeps the same choices.
    SeededSequence picks(static_cast<std::uint64_t>(settings.seed) ^ 0xC401CE5ULL);
    for (const auto* question : pool) {
        PlannedQuestion planned;
        planned.source = question;
        if (settings.mode == AnswerMode::choice) {
            // Distractors: other questions' answers, those sharing a topic first.
            std::vector<const content::BankQuestion*> same_topic;
            std::vector<const content::BankQuestion*> other;
            for (const auto& candidate : bank.questions) {
                if (&candidate == question || candidate.answer == question->answer)
                    continue;
                const bool shares = std::any_of(
                    candidate.topics.begin(), candidate.topics.end(), [&](const auto& t) {
                        return std::find(question->topics.begin(), question->topics.end(), t) !=
                               question->topics.end();
                    });
                (shares ? same_topic : other).push_back(&candidate);
            }
            shuffle_with(same_topic, picks);
            shuffle_with(other, picks);
            same_topic.insert(same_topic.end(), other.begin(), other.end());
            std::vector<std::string> choices{question->answer};
            for (std::size_t i = 0; i < same_topic.size() && choices.size() < 4; ++i) {
                if (std::find(choices.begin(), choices.end(), same_topic[i]->answer) ==
                    choices.end()) {
                    choices.push_back(same_topic[i]->answer);
                }
            }
            shuffle_with(choices, picks);
            planned.correct_choice = static_cast<int>(
                std::find(choices.begin(), choices.end(), question->answer) - choices.begin());
            planned.choices = std::move(choices);
        }
        plan.push_back(std::move(planned));
    }
    return plan;
}

}  // namespace rapidfire::core
