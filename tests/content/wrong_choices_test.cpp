// A question's own wrong choices (issue 13, item 7): read from every format and checked, with
// errors that name the line (tables) or the path (JSON).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;
using Strings = std::vector<std::string>;

Bank json_bank(std::string_view wrong_choices) {
    return parse_bank_json(
        R"({"title": "T", "questions": [
              {"id": "a", "text": "Q1?", "answer": "A1."},
              {"id": "b", "text": "What is recall?", "answer": "The share of actual positives found.",
               "wrong_choices": )" +
            std::string(wrong_choices) + "}]}",
        "bank.json");
}

TEST(WrongChoices, JsonReadsThemInOrderTrimmed) {
    const auto bank = json_bank(R"([" The share of predictions that are right. ", "Speed."])");
    EXPECT_TRUE(bank.questions[0].wrong_choices.empty());
    EXPECT_EQ(bank.questions[1].wrong_choices,
              (Strings{"The share of predictions that are right.", "Speed."}));
}

TEST(WrongChoices, CsvReadsAColumnSeparatedBySemicolons) {
    const auto bank = parse_bank_csv(
        "question,answer,wrong_choices\n"
        "What is recall?,The share of actual positives found.,\"Precision, really; Speed\"\n"
        "Q2?,A2,\n",
        "bank.csv");
    EXPECT_EQ(bank.questions[0].wrong_choices, (Strings{"Precision, really", "Speed"}));
    EXPECT_TRUE(bank.questions[1].wrong_choices.empty());
}

TEST(WrongChoices, MarkdownReadsAWrongChoicesColumn) {
    const auto bank = parse_bank_markdown(
        "| Question | Answer | Wrong choices |\n"
        "|---|---|---|\n"
        "| What is recall? | Actual positives found. | Predictions that are right; Speed |\n",
        "bank.md");
    EXPECT_EQ(bank.questions[0].wrong_choices, (Strings{"Predictions that are right", "Speed"}));
}

TEST(WrongChoices, AtMostThree) {
    EXPECT_STREQ(load_error([] { json_bank(R"(["w", "x", "y", "z"])"); }).what(),
                 "bank.json: questions[1].wrong_choices: 4 wrong choices where at most 3 fit: a "
                 "question shows its answer and 3 others");
    const auto error = load_error([] {
        parse_bank_csv("question,answer,wrong_choices\nQ1?,A1,\nQ2?,A2,w;x;y;z\n", "bank.csv");
    });
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.field(), "wrong_choices");
}

TEST(WrongChoices, NotTheAnswerIgnoringCaseAndSpaces) {
    EXPECT_STREQ(load_error([] {
                     json_bank(R"(["Speed.", "the share of  ACTUAL positives found."])");
                 }).what(),
                 "bank.json: questions[1].wrong_choices[1]: the wrong choice 'the share of  ACTUAL "
                 "positives found.' is the answer");
    EXPECT_STREQ(load_error([] {
                     parse_bank_markdown(
                         "# T\n\n| Question | Answer | Wrong choices |\n"
                         "|---|---|---|\n| Q1? | A1 | B1 |\n| Q2? | A2 | a2 |\n",
                         "bank.md");
                 }).what(),
                 "bank.md:6: wrong_choices: the wrong choice 'a2' is the answer");
}

TEST(WrongChoices, NoDuplicates) {
    EXPECT_STREQ(load_error([] { json_bank(R"(["Speed.", "speed."])"); }).what(),
                 "bank.json: questions[1].wrong_choices[1]: the wrong choice 'speed.' is given "
                 "twice");
    EXPECT_STREQ(load_error([] {
                     parse_bank_csv("question,answer,wrong_choices\nQ1?,A1,B1; b1\n", "bank.csv");
                 }).what(),
                 "bank.csv:2:8: wrong_choices: the wrong choice 'b1' is given twice");
}

TEST(WrongChoices, NotEmptyNotTooLongNoControlCharacters) {
    EXPECT_STREQ(load_error([] { json_bank(R"(["Speed.", "  "])"); }).what(),
                 "bank.json: questions[1].wrong_choices[1]: empty wrong choice");
    const std::string long_choice(4001, 'x');
    EXPECT_STREQ(load_error([&] { json_bank("[\"" + long_choice + "\"]"); }).what(),
                 "bank.json: questions[1].wrong_choices[0]: longer than 4000 characters");
    EXPECT_STREQ(load_error([] { json_bank(R"(["bell\u0007"])"); }).what(),
                 "bank.json: questions[1].wrong_choices[0]: contains a control character");
    EXPECT_STREQ(load_error([] { json_bank(R"("Speed.")"); }).what(),
                 "bank.json: questions[1].wrong_choices: expected an array, got a string");
}

}  // namespace
}  // namespace rapidfire::content
