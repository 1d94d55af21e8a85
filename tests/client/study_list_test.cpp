// What a player missed, as the console shows it after the final result (final_result.study) and
// as a saved interview summary lists it (misses_by_topic with their checklist areas).

#include <gtest/gtest.h>

#include "rapidfire/client/presenter.hpp"
#include "rapidfire/client/summary_markdown.hpp"
#include "state_harness.hpp"

namespace rapidfire::client {
namespace {

using namespace protocol;

std::vector<StudyTopic> sample_study() {
    return {{"evaluation",
             {1, 4},
             {"What is recall?", "What is a ROC curve?"},
             "Evaluation",
             "Can you choose the right metric?"},
            {"kernels", {2}, {}},  // no area covers it; its text did not fit
            {"", {3}, {"Untagged?"}}};
}

FinalResult missed_result() {
    FinalResult result{2, 3, 1200, 1, 0, 2, 1, 9000, 60000};
    result.study = sample_study();
    return result;
}

std::string joined(const Lines& lines) {
    std::string text;
    for (const auto& line : lines)
        text += line + "\n";
    return text;
}

TEST(StudyList, PlainLinesStartWithStudy) {
    const Presenter presenter(Style(false), false);
    EXPECT_EQ(presenter.study(sample_study()),
              (Lines{"study areas: Evaluation",
                     "study evaluation: 2 missed, questions 2, 5; checklist: Evaluation",
                     "study kernels: 1 missed, questions 3",
                     "study without a topic: 1 missed, questions 4"}));
    EXPECT_TRUE(presenter.study({}).empty());
}

TEST(StudyList, OnScreenEachTopicListsItsQuestionsAndItsChecklistArea) {
    const Presenter presenter(Style(false), true, 0);  // not wrapped
    const auto text = joined(presenter.study(sample_study()));
    for (const char* part :
         {"What to study\n", "Checklist areas to review: Evaluation.\n",
          "  evaluation - 2 missed\n", "    2. What is recall?\n", "    5. What is a ROC curve?\n",
          "    See the checklist: Evaluation \u2014 Can you choose the right metric?\n",
          "  kernels - 1 missed\n", "    Question 3\n", "  without a topic - 1 missed\n",
          "    4. Untagged?\n"}) {
        EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
    }
    // A topic no area covers points nowhere.
    EXPECT_EQ(text.find("See the checklist: Evaluation", text.find("kernels")), std::string::npos);
}

TEST(StudyList, TheConsolePrintsItAfterTheFinalResult) {
    testing::StateHarness h(testing::player_config());
    h.seat();
    h.feed(GameOver{EndReason::completed, 5, 3, {}});
    h.feed(missed_result());
    EXPECT_TRUE(h.printed("final rank 2/3")) << h.transcript();
    EXPECT_TRUE(h.printed("study evaluation: 2 missed, questions 2, 5; checklist: Evaluation"))
        << h.transcript();
}

TEST(StudyList, NothingIsPrintedWhenNothingWasMissed) {
    testing::StateHarness h(testing::player_config());
    h.seat();
    h.feed(GameOver{EndReason::completed, 5, 3, {}});
    h.feed(FinalResult{1, 3, 5000, 5, 0, 0, 0, 9000, 60000});
    EXPECT_FALSE(h.printed("study")) << h.transcript();
}

TEST(StudyList, AnInterviewCandidateReadsItInTheSummaryInstead) {
    testing::StateHarness h(testing::player_config());
    h.seat_candidate();
    h.feed(GameOver{EndReason::completed, 5, 1, {}});
    h.feed(missed_result());
    EXPECT_TRUE(h.printed("final rank 2/3")) << h.transcript();
    EXPECT_FALSE(h.printed("study evaluation")) << h.transcript();
}

TEST(StudyList, TheSummaryMarkdownPointsEachTopicToTheChecklist) {
    Summary s;
    s.nickname = "cand";
    s.interviewer = "Iris";
    s.misses_by_topic = {
        {"evaluation", {0, 2}, "Evaluation", "Can you choose the right metric?"},
        {"regularization", {1}, "Optimization", "Can you explain gradient descent?"},
        {"kernels", {3}},
        {"", {4}}};
    const std::string md = summary_markdown(s, nullptr);
    for (const char* part :
         {"## Topics to review\n\nChecklist areas to review: Evaluation, Optimization.\n\n",
          "- evaluation: questions 1, 3\n"
          "  - See the checklist: **Evaluation** \u2014 Can you choose the right metric?\n",
          "- regularization: question 2\n"
          "  - See the checklist: **Optimization** \u2014 Can you explain gradient descent?\n",
          "- kernels: question 4\n- without a topic: question 5\n"}) {
        EXPECT_NE(md.find(part), std::string::npos) << part << "\n" << md;
    }
    // On screen: a sub-item under its topic, bold as bold.
    const Presenter presenter(Style(false), true, 0);
    const auto text = joined(presenter.summary(md));
    EXPECT_NE(text.find("      - See the checklist: Evaluation \u2014 Can you choose"),
              std::string::npos)
        << text;
}

}  // namespace
}  // namespace rapidfire::client
