#include <gtest/gtest.h>

#include "rapidfire/client/summary_markdown.hpp"

namespace rapidfire::client {
namespace {

using namespace protocol;

TEST(SummaryMarkdown, EveryQuestionWithVerdictCommentAndTips) {
    content::StudyGuide guide;
    guide.tips = {{"structure", "Structure Your Answers", "Definition first."},
                  {"honesty", "Admit What You Do Not Know", "Do not bluff."}};
    Summary s;
    s.nickname = "cand";
    s.interviewer = "Iris";
    s.points = 900;
    s.rank = 1;
    s.correct = 1;
    s.unanswered = 1;
    s.time_ms = 9'000;
    SummaryItem answered;
    answered.question = 0;
    answered.text = "What is recall?";
    answered.topics = {"evaluation"};
    answered.reference = "The share of actual positives found.";
    answered.answer = "share of actual positives";
    answered.verdict = Verdict::correct;
    answered.comment = "Crisp.";
    answered.tips = {"structure"};
    answered.time_ms = 9'000;
    answered.points = 900;
    SummaryItem skipped;
    skipped.question = 1;
    skipped.text = "What is dropout?";
    skipped.reference = "Randomly zeroing units.";
    s.items = {answered, skipped};
    s.misses_by_topic = {{"regularization", {1}}};
    s.tips_shown = {"structure"};
    s.tips_missed = {"honesty"};

    const std::string md = summary_markdown(s, &guide);
    EXPECT_EQ(md.rfind("# Interview summary: cand\n", 0), 0u);
    for (const char* part :
         {"- Interviewer: Iris", "- Points: 900 (rank 1)",
          "- Correct 1, partial 0, wrong 0, unanswered 1", "## 1. What is recall?",
          "- Answer: share of actual positives",
          "- Reference: The share of actual positives found.",
          "- Verdict: correct, 900 points in 9.0s", "- Comment: Crisp.",
          "- Communication: Structure Your Answers (structure)", "## 2. What is dropout?",
          "- Answer: (no answer)", "- Verdict: not marked", "## Topics to review",
          "- regularization: question 2", "**Admit What You Do Not Know**: Do not bluff."}) {
        EXPECT_NE(md.find(part), std::string::npos) << part << "\n" << md;
    }
}

}  // namespace
}  // namespace rapidfire::client
