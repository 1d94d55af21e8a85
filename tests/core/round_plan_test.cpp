#include "rapidfire/core/round_plan.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

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
        EXPECT_EQ(a[i].correct_choice, b[i].correct_choice);
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
        EXPECT_EQ(q.choices[q.correct_choice], q.source->answer);
        EXPECT_EQ(std::set<std::string>(q.choices.begin(), q.choices.end()).size(), 4u);
        // Each question in the test bank has exactly one other of its topic: it must be there.
        const auto sibling = std::find_if(
            bank->questions.begin(), bank->questions.end(),
            [&](const auto& b) { return &b != q.source && b.topics == q.source->topics; });
        EXPECT_NE(std::find(q.choices.begin(), q.choices.end(), sibling->answer), q.choices.end());
    }
}

}  // namespace
}  // namespace rapidfire::core
