// The progress command's text: what /api/progress answers, as a table and a next step.

#include "rapidfire/client/progress_format.hpp"

#include <gtest/gtest.h>

namespace rapidfire::client {
namespace {

const char* const answered = R"({"bank": "ML questions", "as_of": 1767225600000,
  "topics": [{"topic": "evaluation", "questions": 3, "due": 1, "learnt": 1, "new": 1,
              "retention": 0.8349},
             {"topic": "kernels", "questions": 1, "due": 0, "learnt": 0, "new": 1,
              "retention": null}],
  "total": {"questions": 4, "due": 1, "learnt": 1, "new": 2, "retention": 0.8349},
  "next_due": 1767312000000})";

TEST(ProgressFormat, ReadsEveryTopicAndTheTotal) {
    const auto progress = parse_progress(answered);
    EXPECT_EQ(progress.bank, "ML questions");
    ASSERT_EQ(progress.topics.size(), 2u);
    EXPECT_EQ(progress.topics[0].topic, "evaluation");
    EXPECT_EQ(progress.topics[0].due, 1);
    EXPECT_EQ(progress.topics[0].fresh, 1);
    EXPECT_NEAR(*progress.topics[0].retention, 0.8349, 1e-9);
    EXPECT_FALSE(progress.topics[1].retention.has_value());
    EXPECT_EQ(progress.total.questions, 4);
    EXPECT_EQ(progress.next_due, 1767312000000);
}

TEST(ProgressFormat, ShowsATableAndWhatIsDue) {
    const std::string text = progress_text(parse_progress(answered));
    EXPECT_NE(text.find("topic       questions  due  learnt  new  remembered\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("evaluation          3    1       1    1  83%\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("kernels             1    0       0    1  -\n"), std::string::npos) << text;
    EXPECT_NE(text.find("all                 4    1       1    2  83%\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("1 question is due now: rapidfire-client review"), std::string::npos)
        << text;
    EXPECT_NE(text.find("the next question comes back "), std::string::npos) << text;
}

TEST(ProgressFormat, ANewPlayerIsToldWhereToStart) {
    const std::string text = progress_text(parse_progress(R"({"bank": "B", "as_of": 1,
      "topics": [], "total": {"questions": 2, "due": 0, "learnt": 0, "new": 2,
      "retention": null}, "next_due": null})"));
    EXPECT_NE(text.find("nothing is due now; 2 new to learn"), std::string::npos) << text;
    EXPECT_EQ(text.find("comes back"), std::string::npos) << text;
}

TEST(ProgressFormat, AnAnswerThatIsNotProgressIsRefused) {
    EXPECT_THROW(parse_progress("{}"), std::runtime_error);
    EXPECT_THROW(parse_progress("not json"), std::runtime_error);
    EXPECT_THROW(parse_progress(R"({"topics": [], "total": {"questions": 1}})"),
                 std::runtime_error);
}

}  // namespace
}  // namespace rapidfire::client
