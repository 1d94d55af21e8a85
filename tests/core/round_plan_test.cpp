#include "rapidfire/core/round_plan.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "rapidfire/protocol/limits.hpp"
#include "room_harness.hpp"

namespace rapidfire::core {
namespace {

using protocol::AnswerMode;
using protocol::ErrorCode;
using protocol::RoomKind;
using protocol::RoundSettings;

ResolvedSettings resolve_ok(RoomKind kind, RoundSettings requested) {
    auto bank = testing::make_test_bank();
    auto result = resolve_settings(kind, requested, *bank, 500, 99);
    EXPECT_TRUE(std::holds_alternative<ResolvedSettings>(result));
    return std::get<ResolvedSettings>(result);
}

std::string refused_field(RoomKind kind, RoundSettings requested) {
    auto bank = testing::make_test_bank();
    auto result = resolve_settings(kind, requested, *bank, 500, 99);
    if (!std::holds_alternative<protocol::Error>(result))
        return "accepted";
    const auto& error = std::get<protocol::Error>(result);
    EXPECT_EQ(error.code, ErrorCode::invalid_settings);
    return error.field.value_or("");
}

TEST(Settings, DefaultsPerKind) {
    const auto quiz = resolve_ok(RoomKind::quiz, {});
    EXPECT_EQ(quiz.seconds, 20);
    EXPECT_EQ(quiz.mode, AnswerMode::choice);
    EXPECT_EQ(quiz.capacity, 500);
    EXPECT_EQ(quiz.questions, 6);  // 10 asked, the bank has 6
    EXPECT_EQ(quiz.seed, 99);
    const auto interview = resolve_ok(RoomKind::interview, {});
    EXPECT_EQ(interview.seconds, 45);
    EXPECT_EQ(interview.mode, AnswerMode::judge);
    const auto solo = resolve_ok(RoomKind::solo, {});
    EXPECT_EQ(solo.clock, protocol::ClockMode::total);
    EXPECT_EQ(solo.total_seconds, 300);
}

TEST(Settings, RangesAreChecked) {
    RoundSettings s;
    s.seconds = 4;
    EXPECT_EQ(refused_field(RoomKind::quiz, s), "settings.seconds");
    s.seconds = 301;
    EXPECT_EQ(refused_field(RoomKind::quiz, s), "settings.seconds");
    s.seconds = 5;
    EXPECT_EQ(refused_field(RoomKind::quiz, s), "accepted");
    RoundSettings q;
    q.questions = 0;
    EXPECT_EQ(refused_field(RoomKind::quiz, q), "settings.questions");
    RoundSettings c;
    c.capacity = 501;
    EXPECT_EQ(refused_field(RoomKind::quiz, c), "settings.capacity");
    RoundSettings t;
    t.topics = {"astrology"};
    EXPECT_EQ(refused_field(RoomKind::quiz, t), "settings.topics");
    RoundSettings j;
    j.mode = AnswerMode::judge;
    EXPECT_EQ(refused_field(RoomKind::solo, j), "settings.mode");
    RoundSettings clock;
    clock.clock = protocol::ClockMode::total;
    EXPECT_EQ(refused_field(RoomKind::quiz, clock), "settings.clock");
    RoundSettings seed;
    seed.seed = -1;
    EXPECT_EQ(refused_field(RoomKind::quiz, seed), "settings.seed");
}

TEST(Settings, RoomsArePrivateUnlessAskedAndSoloRunsAlwaysAre) {
    const auto quiz = resolve_ok(RoomKind::quiz, {});
    EXPECT_FALSE(quiz.public_);
    EXPECT_EQ(quiz.to_wire().public_, false);
    RoundSettings open;
    open.public_ = true;
    EXPECT_TRUE(resolve_ok(RoomKind::quiz, open).public_);
    EXPECT_TRUE(resolve_ok(RoomKind::interview, open).public_);
    EXPECT_EQ(refused_field(RoomKind::solo, open), "settings.public");
    RoundSettings closed;
    closed.public_ = false;
    EXPECT_EQ(refused_field(RoomKind::solo, closed), "accepted");
}

TEST(Settings, ALabelIsTrimmedPrintableAndShort) {
    RoundSettings s;
    s.public_ = true;
    s.label = "  Friday ML quiz \t";
    const auto resolved = resolve_ok(RoomKind::quiz, s);
    EXPECT_EQ(resolved.label, "Friday ML quiz");
    EXPECT_EQ(resolved.to_wire().label, "Friday ML quiz");
    EXPECT_EQ(resolved.to_wire().public_, true);
    EXPECT_FALSE(resolved.to_wire().password.has_value());

    s.label = "   ";  // nothing left: no label
    EXPECT_EQ(resolve_ok(RoomKind::quiz, s).label, "");
    EXPECT_FALSE(resolve_ok(RoomKind::quiz, s).to_wire().label.has_value());

    // 40 characters are counted as code points: 40 two-byte letters fit, 41 do not.
    std::string accents;
    for (std::size_t i = 0; i < protocol::max_label_chars; ++i)
        accents += "\xc3\xa9";
    s.label = accents;
    EXPECT_EQ(refused_field(RoomKind::quiz, s), "accepted");
    s.label = accents + "x";
    EXPECT_EQ(refused_field(RoomKind::quiz, s), "settings.label");
    s.label = "two\nlines";
    EXPECT_EQ(refused_field(RoomKind::quiz, s), "settings.label");
    s.label = "bell\x07";
    EXPECT_EQ(refused_field(RoomKind::quiz, s), "settings.label");
    s.label = "next\xc2\x85line";  // U+0085, a C1 control
    EXPECT_EQ(refused_field(RoomKind::quiz, s), "settings.label");
}

TEST(RoundPlan, FiltersByTopicAndKeepsBankOrderWithoutShuffle) {
    auto bank = testing::make_test_bank();
    RoundSettings s;
    s.topics = {"evaluation"};
    s.shuffle = false;
    const auto plan = plan_round(*bank, resolve_ok(RoomKind::quiz, s));
    ASSERT_EQ(plan.size(), 2u);
    EXPECT_EQ(plan[0].source->id, "q1");
    EXPECT_EQ(plan[1].source->id, "q3");
}

TEST(RoundPlan, TheSameSeedGivesTheSameRound) {
    auto bank = testing::make_test_bank();
    RoundSettings s;
    s.seed = 1234;
    const auto a = plan_round(*bank, resolve_ok(RoomKind::quiz, s));
    const auto b = plan_round(*bank, resolve_ok(RoomKind::quiz, s));
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].source, b[i].source);
        EXPECT_EQ(a[i].choices, b[i].choices);
        EXPECT_EQ(a[i].correct_choices, b[i].correct_choices);
    }
    s.seed = 4321;
    const auto c = plan_round(*bank, resolve_ok(RoomKind::quiz, s));
    bool differs = false;
    for (std::size_t i = 0; i < a.size(); ++i)
        differs |= a[i].source != c[i].source;
    EXPECT_TRUE(differs);
}

TEST(RoundPlan, ChoicesHoldTheReferenceAndThreeDistinctDistractorsSameTopicFirst) {
    auto bank = testing::make_test_bank();
    const auto plan = plan_round(*bank, resolve_ok(RoomKind::quiz, {}));
    for (const auto& q : plan) {
        ASSERT_EQ(q.choices.size(), 4u);
        EXPECT_EQ(q.choices[q.correct_choices.front()], q.source->answer);
        EXPECT_EQ(std::set<std::string>(q.choices.begin(), q.choices.end()).size(), 4u);
        // Each question in the test bank has exactly one other of its topic: it must be there.
        const auto sibling = std::find_if(
            bank->questions.begin(), bank->questions.end(),
            [&](const auto& b) { return &b != q.source && b.topics == q.source->topics; });
        EXPECT_NE(std::find(q.choices.begin(), q.choices.end(), sibling->answer), q.choices.end());
    }
}

// A bank for the distractor rules: the question "target" and candidates of known topics and
// lengths. `answer` of n characters is n letters, so only the lengths tell them apart.
content::BankQuestion question_with(std::string id, std::vector<std::string> topics,
                                    std::size_t length, char letter) {
    content::BankQuestion q;
    q.id = std::move(id);
    q.topics = std::move(topics);
    q.text = "Question " + q.id + "?";
    q.answer = std::string(length, letter);
    return q;
}

ResolvedSettings choice_settings(std::int64_t seed, int questions) {
    ResolvedSettings s;
    s.mode = AnswerMode::choice;
    s.shuffle = false;
    s.seed = seed;
    s.questions = questions;
    return s;
}

// The choices of the bank's first question (the target) for `seed`, as a set.
std::set<std::string> target_choices(const content::Bank& bank, std::int64_t seed) {
    const auto plan = plan_round(bank, choice_settings(seed, 1));
    EXPECT_EQ(plan.size(), 1u);
    const auto& q = plan.front();
    EXPECT_EQ(q.choices.at(static_cast<std::size_t>(q.correct_choices.front())), q.source->answer);
    return {q.choices.begin(), q.choices.end()};
}

TEST(RoundPlan, DistractorsShareTheTopicAndAreNearestInLength) {
    content::Bank bank;
    bank.questions = {
        question_with("target", {"evaluation"}, 40, 't'),
        question_with("short", {"evaluation"}, 6, 's'),         // same topic, far shorter
        question_with("near-1", {"evaluation"}, 38, 'a'),       // same topic, near
        question_with("long", {"evaluation"}, 400, 'l'),        // same topic, far longer
        question_with("near-2", {"evaluation"}, 44, 'b'),       // same topic, near
        question_with("other", {"kernels"}, 40, 'o'),           // other topic, exact length
        question_with("near-3", {"evaluation", "x"}, 50, 'c'),  // same topic, nearer than 6
    };
    const std::set<std::string> expected{bank.questions[0].answer, bank.questions[2].answer,
                                         bank.questions[4].answer, bank.questions[6].answer};
    for (std::int64_t seed = 0; seed < 40; ++seed)
        EXPECT_EQ(target_choices(bank, seed), expected) << "seed " << seed;
}

TEST(RoundPlan, OtherTopicsFillUpNearestInLength) {
    content::Bank bank;
    bank.questions = {
        question_with("target", {"evaluation"}, 100, 't'),
        question_with("far", {"kernels"}, 10, 'f'),
        question_with("sibling", {"evaluation"}, 10, 's'),  // same topic: first, however short
        question_with("near", {"kernels"}, 120, 'n'),
        question_with("nearer", {"ensembles"}, 95, 'm'),
        question_with("farther", {}, 300, 'x'),
    };
    const std::set<std::string> expected{bank.questions[0].answer, bank.questions[2].answer,
                                         bank.questions[3].answer, bank.questions[4].answer};
    for (std::int64_t seed = 0; seed < 40; ++seed)
        EXPECT_EQ(target_choices(bank, seed), expected) << "seed " << seed;
}

TEST(RoundPlan, LengthsAreComparedAsRatios) {
    // 20 and 80 are both a factor of 2 from 40: a tie for the last place, broken by the draw;
    // 81 is farther.
    content::Bank bank;
    bank.questions = {
        question_with("target", {"evaluation"}, 40, 't'),
        question_with("half", {"evaluation"}, 20, 'h'),
        question_with("double", {"evaluation"}, 80, 'd'),
        question_with("more", {"evaluation"}, 81, 'm'),
        question_with("same", {"evaluation"}, 40, 's'),
        question_with("same-too", {"evaluation"}, 40, 'u'),
    };
    std::set<std::string> seen;
    for (std::int64_t seed = 0; seed < 60; ++seed) {
        const auto choices = target_choices(bank, seed);
        EXPECT_EQ(choices.count(bank.questions[3].answer), 0u) << "seed " << seed;
        seen.insert(choices.begin(), choices.end());
    }
    // The target, both of length 40, and each of the tie for the last place over the seeds.
    EXPECT_EQ(seen.size(), 5u);
}

TEST(RoundPlan, ASeedGivesTheSameChoicesAndTiesFollowTheSeed) {
    // Four candidates of the same topic and length tie for three places: the seed decides
    // which three and where they stand, the same way every time; the far one never shows.
    content::Bank bank;
    bank.questions = {
        question_with("target", {"evaluation"}, 30, 't'),
        question_with("a", {"evaluation"}, 30, 'a'),
        question_with("b", {"evaluation"}, 30, 'b'),
        question_with("far", {"evaluation"}, 3, 'f'),
        question_with("c", {"evaluation"}, 30, 'c'),
        question_with("d", {"evaluation"}, 30, 'd'),
    };
    std::set<std::set<std::string>> rounds;
    for (std::int64_t seed = 0; seed < 40; ++seed) {
        const auto first = plan_round(bank, choice_settings(seed, 1)).front();
        const auto again = plan_round(bank, choice_settings(seed, 1)).front();
        EXPECT_EQ(first.choices, again.choices);
        EXPECT_EQ(first.correct_choices, again.correct_choices);
        EXPECT_EQ(std::count(first.choices.begin(), first.choices.end(), std::string(3, 'f')), 0);
        rounds.insert({first.choices.begin(), first.choices.end()});
    }
    EXPECT_EQ(rounds.size(), 4u);  // every three of the four tied ones, over the seeds
}

TEST(RoundPlan, AQuestionsOwnWrongChoicesAreUsed) {
    content::Bank bank;
    bank.questions = {
        question_with("target", {"evaluation"}, 30, 't'),
        question_with("a", {"evaluation"}, 30, 'a'),
        question_with("b", {"evaluation"}, 30, 'b'),
        question_with("c", {"evaluation"}, 30, 'c'),
    };
    bank.questions[0].wrong_choices = {"The share of negatives found.", "A kind of kernel.",
                                       "The mean of the errors."};
    std::set<int> positions;
    for (std::int64_t seed = 0; seed < 40; ++seed) {
        const auto q = plan_round(bank, choice_settings(seed, 1)).front();
        const std::set<std::string> expected{bank.questions[0].answer,
                                             "The share of negatives found.", "A kind of kernel.",
                                             "The mean of the errors."};
        EXPECT_EQ(std::set<std::string>(q.choices.begin(), q.choices.end()), expected);
        ASSERT_EQ(q.choices.size(), 4u);
        EXPECT_EQ(q.choices[static_cast<std::size_t>(q.correct_choices.front())],
                  bank.questions[0].answer);
        positions.insert(q.correct_choices.front());
    }
    EXPECT_EQ(positions.size(), 4u);  // shuffled by the seed
}

TEST(RoundPlan, FewerOwnWrongChoicesAreFilledUpByTheRule) {
    content::Bank bank;
    bank.questions = {
        question_with("target", {"evaluation"}, 30, 't'),
        question_with("far", {"evaluation"}, 300, 'f'),
        question_with("near", {"evaluation"}, 29, 'n'),
        question_with("other", {"kernels"}, 30, 'o'),
        question_with("nearer", {"evaluation"}, 30, 'm'),
    };
    bank.questions[0].wrong_choices = {"Its own wrong answer."};
    const std::set<std::string> expected{bank.questions[0].answer, "Its own wrong answer.",
                                         bank.questions[2].answer, bank.questions[4].answer};
    for (std::int64_t seed = 0; seed < 40; ++seed)
        EXPECT_EQ(target_choices(bank, seed), expected) << "seed " << seed;
}

}  // namespace
}  // namespace rapidfire::core
