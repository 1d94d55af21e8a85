#include "rapidfire/core/round_plan.hpp"

#include <algorithm>

#include "control_characters.hpp"
#include "rapidfire/common/text.hpp"
#include "rapidfire/core/answer_matching.hpp"
#include "rapidfire/protocol/limits.hpp"
#include "rapidfire/protocol/utf8.hpp"

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

// Fisher-Yates with our own generator, so a seed means the same order everywhere.
template <class T>
void shuffle_with(std::vector<T>& items, SeededSequence& sequence) {
    for (std::size_t i = items.size(); i > 1; --i) {
        std::swap(items[i - 1], items[sequence.below(i)]);
    }
}

// Lengths in code points, so that "é" counts once; at least 1, so that ratios are defined.
std::uint64_t length_of(const std::string& text) {
    const auto n = std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(n));
}

bool shares_topic(const content::BankQuestion& a, const content::BankQuestion& b) {
    return std::any_of(a.topics.begin(), a.topics.end(), [&](const auto& t) {
        return std::find(b.topics.begin(), b.topics.end(), t) != b.topics.end();
    });
}

// A candidate distractor and what ranks it: a shared topic first, then the length nearest the
// reference answer's, then the seeded draw.
struct Candidate {
    const std::string* answer = nullptr;
    bool same_topic = false;
    std::uint64_t length = 1;
    std::uint64_t draw = 0;
};

// Whether `a`'s length is nearer `reference` than `b`'s, as |log(length / reference)|, that
// is max/min of the two lengths. Compared by cross-multiplying integers, so that no floating
// point rounding can make one platform order two candidates differently from another.
bool nearer(std::uint64_t a, std::uint64_t b, std::uint64_t reference) {
    const auto high_a = std::max(a, reference);
    const auto low_a = std::min(a, reference);
    const auto high_b = std::max(b, reference);
    const auto low_b = std::min(b, reference);
    return high_a * low_b < high_b * low_a;
}

// The four choices before shuffling: the reference answer, the question's own wrong choices,
// then distractors drawn from other questions' answers until there are four (fewer when the
// bank has too few distinct answers). Distractors are ranked by a shared topic, then by length
// nearest the reference answer's, then by a draw from `picks`, so a seed gives the same round.
std::vector<std::string> choices_for(const content::BankQuestion& question,
                                     const content::Bank& bank, SeededSequence& picks) {
    constexpr std::size_t wanted = 4;
    std::vector<std::string> choices{question.answer};
    for (const auto& own : question.wrong_choices) {
        if (choices.size() < wanted &&
            std::find(choices.begin(), choices.end(), own) == choices.end())
            choices.push_back(own);
    }
    if (choices.size() == wanted)
        return choices;

    const auto reference = length_of(question.answer);
    const auto ranks_before = [&](const Candidate& a, const Candidate& b) {
        if (a.same_topic != b.same_topic)
            return a.same_topic;
        if (nearer(a.length, b.length, reference))
            return true;
        if (nearer(b.length, a.length, reference))
            return false;
        return a.draw < b.draw;
    };
    // The best `missing` distinct answers, in rank order: one pass, as banks may be large.
    const std::size_t missing = wanted - choices.size();
    std::vector<Candidate> best;
    for (const auto& other : bank.questions) {
        // Every question takes a draw, so the draws do not depend on which are left out.
        const Candidate candidate{&other.answer, shares_topic(question, other),
                                  length_of(other.answer), picks.next()};
        // A question with its own choices has no answer to lend: its `answer` names its
        // correct choices ("False", "Dropout / Weight decay"): beside another question it
        // means nothing.
        if (&other == &question || has_own_choices(other) ||
            std::find(choices.begin(), choices.end(), other.answer) != choices.end()) {
            continue;
        }
        const auto same = std::find_if(best.begin(), best.end(), [&](const Candidate& b) {
            return *b.answer == other.answer;
        });
        if (same != best.end()) {
            if (!ranks_before(candidate, *same))
                continue;
            best.erase(same);
        } else if (best.size() == missing) {
            if (!ranks_before(candidate, best.back()))
                continue;
            best.pop_back();
        }
        best.insert(std::upper_bound(best.begin(), best.end(), candidate, ranks_before), candidate);
    }
    for (const auto& candidate : best)
        choices.push_back(*candidate.answer);
    return choices;
}

// The valid indexes of the question's own correct choices, ascending and without repeats.
std::vector<int> own_correct_choices(const content::BankQuestion& question) {
    std::vector<int> correct;
    for (const int index : question.correct_choices) {
        if (index >= 0 && static_cast<std::size_t>(index) < question.choices.size())
            correct.push_back(index);
    }
    std::sort(correct.begin(), correct.end());
    correct.erase(std::unique(correct.begin(), correct.end()), correct.end());
    return correct;
}

}  // namespace

bool has_own_choices(const content::BankQuestion& question) {
    return std::any_of(
        question.correct_choices.begin(), question.correct_choices.end(), [&](int index) {
            return index >= 0 && static_cast<std::size_t>(index) < question.choices.size();
        });
}

bool on_topics(const content::BankQuestion& question, const std::vector<std::string>& topics) {
    if (topics.empty())
        return true;
    for (const auto& topic : question.topics) {
        if (std::find(topics.begin(), topics.end(), topic) != topics.end())
            return true;
    }
    return false;
}

int question_seconds(const content::BankQuestion& question, const ResolvedSettings& settings) {
    return question.seconds > 0 ? question.seconds : settings.seconds;
}

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
    wire.public_ = public_;
    if (!label.empty())
        wire.label = label;
    if (review)
        wire.review = true;
    return wire;
}

int count_matching(const content::Bank& bank, const std::vector<std::string>& topics) {
    return static_cast<int>(std::count_if(bank.questions.begin(), bank.questions.end(),
                                          [&](const auto& q) { return on_topics(q, topics); }));
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
    s.public_ = requested.public_.value_or(false);
    if (kind == RoomKind::solo && s.public_)
        return invalid("public", "a solo run is played alone: it cannot be listed");
    s.review = requested.review.value_or(false);
    if (s.review && kind != RoomKind::solo)
        return invalid("review", "only a solo run reviews: it asks one player's due questions");
    if (requested.label) {
        // Shown to strangers in the list of open rooms: one printable line.
        s.label = trim(*requested.label);
        if (has_control_characters(s.label))
            return invalid("label", "the label has control characters");
        if (protocol::utf8_length(s.label) > protocol::max_label_chars) {
            return invalid("label", "the label is longer than " +
                                        std::to_string(protocol::max_label_chars) + " characters");
        }
    }
    return s;
}

std::vector<PlannedQuestion> plan_round(const content::Bank& bank,
                                        const ResolvedSettings& settings) {
    std::vector<const content::BankQuestion*> pool;
    for (const auto& q : bank.questions) {
        if (on_topics(q, settings.topics))
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
        if (settings.mode == AnswerMode::choice && has_own_choices(*question)) {
            // The author's choices in the author's order: "True, False", "All of the above".
            planned.choices = question->choices;
            planned.correct_choices = own_correct_choices(*question);
        } else if (settings.mode == AnswerMode::choice) {
            auto choices = choices_for(*question, bank, picks);
            shuffle_with(choices, picks);
            planned.correct_choices = {static_cast<int>(
                std::find(choices.begin(), choices.end(), question->answer) - choices.begin())};
            planned.choices = std::move(choices);
        }
        plan.push_back(std::move(planned));
    }
    return plan;
}

std::vector<PlannedQuestion> plan_round_without(const content::Bank& bank,
                                                const ResolvedSettings& settings,
                                                const std::vector<std::string>& asked) {
    // Every matching question planned, so the ones left keep the order the seed gives them.
    ResolvedSettings all = settings;
    all.questions = count_matching(bank, settings.topics);
    auto plan = plan_round(bank, all);
    std::erase_if(plan, [&](const PlannedQuestion& planned) {
        return std::find(asked.begin(), asked.end(), planned.source->id) != asked.end();
    });
    plan.resize(std::min(plan.size(), static_cast<std::size_t>(std::max(settings.questions, 0))));
    return plan;
}

std::vector<PlannedQuestion> plan_listed(const content::Bank& bank,
                                         const ResolvedSettings& settings,
                                         const std::vector<std::string>& ids) {
    ResolvedSettings all = settings;
    all.questions = static_cast<int>(bank.questions.size());
    all.topics.clear();
    auto plan = plan_round(bank, all);
    std::vector<PlannedQuestion> listed;
    listed.reserve(ids.size());
    for (const auto& id : ids) {
        const auto found = std::find_if(
            plan.begin(), plan.end(), [&](const PlannedQuestion& p) { return p.source->id == id; });
        if (found != plan.end())
            listed.push_back(*found);
    }
    return listed;
}

}  // namespace rapidfire::core
