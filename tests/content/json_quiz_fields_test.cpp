// The JSON bank's quiz fields: a question's own choices and correct ones, its time limit,
// accepted answers and feedback, and the checks on each.

#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;
using Strings = std::vector<std::string>;
using Indexes = std::vector<int>;

// A bank whose second question has `fields` after its id and text.
Bank with_second(std::string_view fields) {
    return parse_bank_json(
        R"({"title": "T", "questions": [{"id": "a", "text": "Q?", "answer": "A."},
            {"id": "b", "text": "Capital of France?", )" +
            std::string(fields) + "}]}",
        "bank.json");
}

std::string error_of(std::string_view fields) {
    return load_error([&] { with_second(fields); }).what();
}

TEST(JsonQuizFields, ReadsAllOfThem) {
    const auto bank = with_second(
        R"("choices": ["Berlin", " Paris ", "Rome"], "correct_choices": [1], "seconds": 30,
           "feedback": " On the Seine. ")");
    const auto& q = bank.questions[1];
    EXPECT_EQ(q.choices, (Strings{"Berlin", "Paris", "Rome"}));
    EXPECT_EQ(q.correct_choices, (Indexes{1}));
    EXPECT_EQ(q.answer, "Paris");  // derived from the correct choice
    EXPECT_EQ(q.seconds, 30);
    EXPECT_EQ(q.feedback, "On the Seine.");
    EXPECT_TRUE(bank.questions[0].choices.empty());
    EXPECT_EQ(bank.questions[0].seconds, 0);

    const auto several =
        with_second(R"("choices": ["a", "b", "c"], "correct_choices": [2, 0], "answer": "C / A")");
    EXPECT_EQ(several.questions[1].answer, "C / A");  // the author's, as it matches

    const auto free_text = with_second(R"("answer": "Paris", "accepted": ["paris, france"])");
    EXPECT_EQ(free_text.questions[1].accepted, (Strings{"paris, france"}));
}

TEST(JsonQuizFields, ChoicesAreTwoToSixDistinctNonEmpty) {
    EXPECT_EQ(error_of(R"("choices": ["only"], "correct_choices": [0])"),
              "bank.json: questions[1].choices: 1 choice where a question with its own choices "
              "has 2 to 6");
    EXPECT_EQ(error_of(R"("choices": ["1","2","3","4","5","6","7"], "correct_choices": [0])"),
              "bank.json: questions[1].choices: 7 choices where a question with its own "
              "choices has 2 to 6");
    EXPECT_EQ(error_of(R"("choices": ["a", " "], "correct_choices": [0])"),
              "bank.json: questions[1].choices[1]: empty choice");
    EXPECT_EQ(error_of(R"("choices": ["Paris", "London", "PARIS"], "correct_choices": [0])"),
              "bank.json: questions[1].choices[2]: the choice 'PARIS' is given twice");
    EXPECT_EQ(error_of(R"("choices": ["a", 3], "correct_choices": [0])"),
              "bank.json: questions[1].choices[1]: expected a string, got a number");
}

TEST(JsonQuizFields, CorrectChoicesAreIndexesInRangeGivenOnce) {
    EXPECT_EQ(error_of(R"("choices": ["a", "b"])"),
              "bank.json: questions[1].correct_choices: no correct choice: mark at least one");
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": [0, 2])"),
              "bank.json: questions[1].correct_choices[1]: 2 is not a choice: the 2 choices "
              "count from 0 to 1");
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": [-1])"),
              "bank.json: questions[1].correct_choices[0]: -1 is not a choice: the 2 choices "
              "count from 0 to 1");
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": [1, 1])"),
              "bank.json: questions[1].correct_choices[1]: choice 1 is marked twice");
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": [0.5])"),
              "bank.json: questions[1].correct_choices[0]: expected a whole number, got 0.5");
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": ["0"])"),
              "bank.json: questions[1].correct_choices[0]: expected a whole number, got a "
              "string");
    EXPECT_EQ(error_of(R"("answer": "A", "correct_choices": [0])"),
              "bank.json: questions[1].correct_choices: there are no choices to mark: give "
              "choices too");
}

TEST(JsonQuizFields, AnswerWithChoicesMustNameTheCorrectOnes) {
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": [0], "answer": "b")"),
              "bank.json: questions[1].answer: 'b' is not the correct choice ('a'): with "
              "choices, leave the answer out");
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": [0], "answer": "a",
                          "wrong_choices": ["c"])"),
              "bank.json: questions[1].wrong_choices: a question with its own choices has no "
              "wrong choices besides them: put them in choices");
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": [0], "accepted": ["A!"])"),
              "bank.json: questions[1].accepted: accepted answers are for free-text questions: "
              "a question with its own choices has none");
    EXPECT_EQ(error_of(R"("choices": ["a", "b"], "correct_choices": [0], "answer": 1)"),
              "bank.json: questions[1].answer: expected a string, got a number");
    // Without choices, the answer stays required.
    EXPECT_EQ(error_of(R"("seconds": 10)"), "bank.json: questions[1].answer: missing field");
}

TEST(JsonQuizFields, SecondsAreFiveTo240) {
    EXPECT_EQ(with_second(R"("answer": "A", "seconds": 5)").questions[1].seconds, 5);
    EXPECT_EQ(with_second(R"("answer": "A", "seconds": 240.0)").questions[1].seconds, 240);
    EXPECT_EQ(with_second(R"("answer": "A", "seconds": 0)").questions[1].seconds, 0);
    EXPECT_EQ(error_of(R"("answer": "A", "seconds": 4)"),
              "bank.json: questions[1].seconds: a time limit of 4 seconds is outside 5 to 240 "
              "seconds");
    EXPECT_EQ(error_of(R"("answer": "A", "seconds": 241)"),
              "bank.json: questions[1].seconds: a time limit of 241 seconds is outside 5 to 240 "
              "seconds");
    EXPECT_EQ(error_of(R"("answer": "A", "seconds": 1e12)"),
              "bank.json: questions[1].seconds: the number 1e+12 is out of range");
    EXPECT_EQ(error_of(R"("answer": "A", "seconds": "30")"),
              "bank.json: questions[1].seconds: expected a whole number, got a string");
}

TEST(JsonQuizFields, AcceptedAndFeedbackLimits) {
    EXPECT_EQ(error_of(R"("answer": "Paris", "accepted": ["PARIS"])"),
              "bank.json: questions[1].accepted[0]: the accepted answer 'PARIS' is the answer");
    EXPECT_EQ(error_of(R"("answer": "Paris", "accepted": ["x", "X "])"),
              "bank.json: questions[1].accepted[1]: the accepted answer 'X' is given twice");
    EXPECT_EQ(error_of(R"("answer": "Paris", "accepted": [""])"),
              "bank.json: questions[1].accepted[0]: empty accepted answer");
    std::string seventeen = R"("answer": "A", "accepted": [)";
    for (int i = 0; i < 17; ++i)
        seventeen += (i > 0 ? ", \"" : "\"") + std::to_string(i) + "\"";
    EXPECT_EQ(error_of(seventeen + "]"),
              "bank.json: questions[1].accepted: 17 accepted answers where at most 16 fit");
    EXPECT_EQ(error_of(R"("answer": "A", "feedback": ")" + std::string(4001, 'f') + "\""),
              "bank.json: questions[1].feedback: longer than 4000 characters");
    EXPECT_EQ(error_of(R"("answer": "A", "feedback": "a\u0001b")"),
              "bank.json: questions[1].feedback: contains a control character");
    EXPECT_EQ(error_of(R"("answer": "A", "choice": ["x"])"),
              "bank.json: questions[1].choice: unknown field");
}

}  // namespace
}  // namespace rapidfire::content
