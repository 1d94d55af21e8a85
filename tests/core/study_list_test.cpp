// Study lists: what a player missed, by topic, each topic pointed to the study guide's checklist
// area; built by a pure function, sent in final_result (quiz and solo) and the interview summary.

#include "rapidfire/core/study_list.hpp"

#include "room_harness.hpp"

namespace rapidfire::core::testing {
namespace {

// ---------------------------------------------------------------------------------------------
// The function, on fake data

const std::vector<content::ChecklistItem> checklist = {
    {"Evaluation", "Can you choose the right metric?", {"evaluation"}},
    {"Optimization", "Can you explain gradient descent?", {"optimization", "regularization"}},
    {"Communication", "Can you explain it simply?", {}},
};

struct Round {
    std::vector<content::BankQuestion> bank;
    std::vector<PlannedQuestion> plan;

    explicit Round(std::vector<std::vector<std::string>> topics) {
        for (std::size_t i = 0; i < topics.size(); ++i) {
            const auto n = std::to_string(i);
            bank.push_back({"q" + n, topics[i], "Question " + n + "?", "Answer " + n + ".", {}});
        }
        for (const auto& question : bank) {
            PlannedQuestion planned;
            planned.source = &question;
            plan.push_back(std::move(planned));
        }
    }
};

using Marks = std::vector<std::optional<Verdict>>;

TEST(StudyList, MissedQuestionsByTopicMostMissedFirstThenByName) {
    const Round round({{"evaluation"},
                       {"regularization", "optimization"},
                       {"evaluation"},
                       {"optimization"},
                       {},
                       {"probability"},
                       {"regularization"}});
    // 0 wrong, 1 partial, 2 not answered, 3 right, 4 (no topic) wrong, 5 wrong; 6 has no mark
    // at all (the marks stop short): not answered.
    const Marks marks = {Verdict::wrong,   Verdict::partial, std::nullopt,
                         Verdict::correct, Verdict::wrong,   Verdict::wrong};
    const auto list = study_list(round.plan, marks, checklist);

    ASSERT_EQ(list.size(), 5u);
    // Two misses each: by name.
    EXPECT_EQ(list[0].topic, "evaluation");
    EXPECT_EQ(list[0].questions, (std::vector<int>{0, 2}));
    EXPECT_EQ(list[0].texts, (std::vector<std::string>{"Question 0?", "Question 2?"}));
    EXPECT_EQ(list[0].area, "Evaluation");
    EXPECT_EQ(list[0].checklist, "Can you choose the right metric?");
    EXPECT_EQ(list[1].topic, "regularization");
    EXPECT_EQ(list[1].questions, (std::vector<int>{1, 6}));
    EXPECT_EQ(list[1].area, "Optimization");
    // One miss each: by name. A question with two topics is under both.
    EXPECT_EQ(list[2].topic, "optimization");
    EXPECT_EQ(list[2].questions, (std::vector<int>{1}));
    EXPECT_EQ(list[2].area, "Optimization");
    EXPECT_EQ(list[2].checklist, "Can you explain gradient descent?");
    // A topic no area covers comes without one.
    EXPECT_EQ(list[3].topic, "probability");
    EXPECT_FALSE(list[3].area.has_value());
    EXPECT_FALSE(list[3].checklist.has_value());
    // The questions without a topic come last, under "", without an area.
    EXPECT_EQ(list[4].topic, "");
    EXPECT_EQ(list[4].questions, (std::vector<int>{4}));
    EXPECT_EQ(list[4].texts, (std::vector<std::string>{"Question 4?"}));
    EXPECT_FALSE(list[4].area.has_value());
}

TEST(StudyList, TheTopicWithoutANameComesLastHoweverMuchItWasMissed) {
    const Round round({{}, {}, {}, {"kernels"}});
    const auto list = study_list(round.plan, Marks(4, Verdict::wrong), checklist);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].topic, "kernels");
    EXPECT_EQ(list[1].topic, "");
    EXPECT_EQ(list[1].questions, (std::vector<int>{0, 1, 2}));
}

TEST(StudyList, NothingMissedIsAnEmptyList) {
    const Round round({{"evaluation"}, {"optimization"}});
    EXPECT_TRUE(study_list(round.plan, Marks(2, Verdict::correct), checklist).empty());
    EXPECT_TRUE(study_list({}, {}, checklist).empty());  // nothing played
}

TEST(StudyList, OnlyTheQuestionsPlayedCount) {
    const Round round({{"evaluation"}, {"optimization"}, {"kernels"}});
    // The game ended after the first question: the others were never played.
    const std::span<const PlannedQuestion> played(round.plan.data(), 1);
    const auto list = study_list(played, {}, checklist);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].topic, "evaluation");
}

TEST(StudyList, WithoutAChecklistNoTopicHasAnArea) {
    const Round round({{"evaluation"}});
    const auto list = study_list(round.plan, {Verdict::partial}, {});
    ASSERT_EQ(list.size(), 1u);
    EXPECT_FALSE(list[0].area.has_value());
}

TEST(StudyList, TheFirstAreaThatListsATopicIsIts) {
    const std::vector<content::ChecklistItem> twice = {{"A", "a?", {"kernels"}},
                                                       {"B", "b?", {"kernels"}}};
    const Round round({{"kernels"}});
    EXPECT_EQ(study_list(round.plan, {}, twice).at(0).area, "A");
}

TEST(StudyList, TextsStopOnceTheyWouldPassTheBudget) {
    Round round({{"a"}, {"a"}, {"b"}, {"c"}});
    const std::string long_text(max_study_text_bytes / 2, 'x');
    round.bank[0].text = long_text;  // "a": two long texts, more than the budget in all
    round.bank[1].text = long_text + "y";
    const auto list = study_list(round.plan, {}, checklist);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].topic, "a");
    EXPECT_TRUE(list[0].texts.empty());  // numbers only from here on
    EXPECT_EQ(list[0].questions, (std::vector<int>{0, 1}));
    EXPECT_TRUE(list[1].texts.empty());  // short, but after the budget ran out
    EXPECT_TRUE(list[2].texts.empty());
}

TEST(StudyList, TheSummarysMissesAreTheSameListWithoutTexts) {
    const Round round({{"evaluation"}, {"kernels"}});
    const auto misses = topic_misses(study_list(round.plan, {}, checklist));
    ASSERT_EQ(misses.size(), 2u);
    EXPECT_EQ(misses[0].topic, "evaluation");
    EXPECT_EQ(misses[0].questions, (std::vector<int>{0}));
    EXPECT_EQ(misses[0].area, "Evaluation");
    EXPECT_EQ(misses[0].checklist, "Can you choose the right metric?");
    EXPECT_EQ(misses[1].topic, "kernels");
    EXPECT_FALSE(misses[1].area.has_value());
}

// ---------------------------------------------------------------------------------------------
// In rooms, with the fake clock

// The test bank's topics (evaluation, regularization, optimization) in the guide's checklist.
void add_checklist(RoomHarness& h) {
    h.guide_->checklist = {
        {"Evaluation", "Can you choose the right metric?", {"evaluation"}},
        {"Optimization", "Can you explain gradient descent?", {"optimization", "regularization"}},
    };
}

TEST(StudyListInRooms, AQuizPlayerWhoMissedGetsTheListAndOneWhoMissedNothingGetsNone) {
    RoomHarness h;
    add_checklist(h);
    RoundSettings s;
    s.questions = 3;
    s.shuffle = false;  // q1 (evaluation), q2 (regularization), q3 (evaluation)
    s.seconds = 10;
    s.reveal_seconds = 2;
    h.create(RoomKind::quiz, s);
    const MemberId ace = h.join("Ace");
    const MemberId sam = h.join("Sam");
    h.send(h.host(), Start{h.host_token()});
    for (int i = 0; i < 3; ++i) {
        const auto q = h.last<Question>(ace);
        ASSERT_EQ(q.question, i);
        const int right = h.correct_choice(q);
        h.send(ace, Answer{i, right, {}});
        if (i == 0)
            h.send(sam, Answer{i, (right + 1) % 4, {}});  // wrong
        if (i == 2)
            h.send(sam, Answer{i, right, {}});
        // Question 1 waits for Sam, who does not answer, until its time is up.
        while (h.last<Question>(ace).question == i && h.count<GameOver>(ace) == 0)
            h.advance(500);
    }

    ASSERT_EQ(h.count<GameOver>(ace), 1);
    EXPECT_FALSE(h.last<FinalResult>(ace).study.has_value());
    const auto result = h.last<FinalResult>(sam);
    ASSERT_TRUE(result.study.has_value());
    const auto& study = *result.study;
    ASSERT_EQ(study.size(), 2u);
    EXPECT_EQ(study[0].topic, "evaluation");
    EXPECT_EQ(study[0].questions, (std::vector<int>{0}));
    EXPECT_EQ(study[0].texts, (std::vector<std::string>{"What is recall?"}));
    EXPECT_EQ(study[0].area, "Evaluation");
    EXPECT_EQ(study[0].checklist, "Can you choose the right metric?");
    EXPECT_EQ(study[1].topic, "regularization");
    EXPECT_EQ(study[1].questions, (std::vector<int>{1}));
    EXPECT_EQ(study[1].area, "Optimization");

    // Each list goes to its player alone: the host gets no final_result, Ace none of Sam's.
    EXPECT_EQ(h.count<FinalResult>(h.host()), 0);
    EXPECT_EQ(h.count<FinalResult>(ace), 1);
    EXPECT_EQ(h.count<FinalResult>(sam), 1);

    // Back after the end: the same list again.
    h.drop(sam);
    h.clear();
    h.resume(h.token(sam));
    ASSERT_TRUE(h.last<FinalResult>(sam).study.has_value());
    EXPECT_EQ(h.last<FinalResult>(sam).study->size(), 2u);
}

TEST(StudyListInRooms, ASoloRunEndedEarlyListsOnlyWhatWasPlayed) {
    RoomHarness h;
    add_checklist(h);
    RoundSettings s;
    s.shuffle = false;
    s.clock = ClockMode::per_question;
    h.create(RoomKind::solo, s, "Sol");
    h.send(h.host(), Start{h.host_token()});
    const auto q = h.last<Question>(h.host());
    h.send(h.host(), Answer{0, (h.correct_choice(q) + 1) % 4, {}});  // wrong
    h.send(h.host(), EndGame{h.host_token()});
    const auto result = h.last<FinalResult>(h.host());
    ASSERT_TRUE(result.study.has_value());
    ASSERT_EQ(result.study->size(), 1u);
    EXPECT_EQ((*result.study)[0].topic, "evaluation");
    EXPECT_EQ((*result.study)[0].area, "Evaluation");
}

TEST(StudyListInRooms, TheInterviewSummaryPointsEachTopicToItsArea) {
    RoomHarness h;
    add_checklist(h);
    RoundSettings s;
    s.questions = 2;
    s.shuffle = false;  // q1 (evaluation), q2 (regularization)
    h.create(RoomKind::interview, s, "Iris");
    const MemberId cand = h.join("Cand");
    h.send(h.host(), Start{h.host_token()});
    h.run_for(2 * (45'251 + 5'000));  // nothing answered

    const auto summary = h.last<Summary>(cand);
    ASSERT_EQ(summary.misses_by_topic.size(), 2u);
    EXPECT_EQ(summary.misses_by_topic[0].topic, "evaluation");
    EXPECT_EQ(summary.misses_by_topic[0].area, "Evaluation");
    EXPECT_EQ(summary.misses_by_topic[0].checklist, "Can you choose the right metric?");
    EXPECT_EQ(summary.misses_by_topic[1].topic, "regularization");
    EXPECT_EQ(summary.misses_by_topic[1].area, "Optimization");
    // The candidate's final_result carries the same list, with the texts.
    const auto result = h.last<FinalResult>(cand);
    ASSERT_TRUE(result.study.has_value());
    EXPECT_EQ(result.study->size(), 2u);
    EXPECT_EQ((*result.study)[1].texts,
              (std::vector<std::string>{"Name a way to prevent overfitting."}));
}

}  // namespace
}  // namespace rapidfire::core::testing
