// Kahoot's quiz spreadsheet template saved as CSV: the header row found by its text, each row
// a question with its own choices, and errors that name the cell's line and column.

#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;
using Strings = std::vector<std::string>;
using Indexes = std::vector<int>;

Bank parse(std::string_view text) {
    return parse_bank_kahoot(text, "quiz.csv");
}

// The template's header row (as Google Sheets saves it, with its en dash) under two rows of
// instructions, then `rows`. The rows start on line 4.
std::string sheet(std::string_view rows) {
    return ",Quiz template,,,,,,\n"
           ",\"Add questions, at least two answer alternatives, time limit and choose correct "
           "answers (at least one).\",,,,,,\n"
           ",Question - max 120 characters,Answer 1 - max 75 characters,Answer 2 - max 75 "
           "characters,Answer 3 - max 75 characters,Answer 4 - max 75 characters,\"Time limit "
           "(sec) \xE2\x80\x93 5, 10, 20, 30, 60, 90, 120, or 240 secs\",Correct answer(s) - "
           "choose at least one\n" +
           std::string(rows);
}

TEST(KahootBank, ReadsTheTemplate) {
    const auto bank =
        parse(sheet("1,Capital of France?,Berlin,Paris,Rome,Madrid,20,2\n"
                    "2,The sun is a star.,True,False,,,5,1\n"
                    "3,Which are primes?,2,4,5,9,240,\"1, 3\"\n"
                    "4,,,,,,,\n"));
    EXPECT_EQ(bank.title, "");
    ASSERT_EQ(bank.questions.size(), 3u);
    const auto& france = bank.questions[0];
    EXPECT_EQ(france.id, "kahoot-1");
    EXPECT_EQ(france.text, "Capital of France?");
    EXPECT_EQ(france.choices, (Strings{"Berlin", "Paris", "Rome", "Madrid"}));
    EXPECT_EQ(france.correct_choices, (Indexes{1}));
    EXPECT_EQ(france.answer, "Paris");
    EXPECT_EQ(france.seconds, 20);
    EXPECT_TRUE(france.topics.empty());
    // Answers 3 and 4 may stay empty, as in a true/false question.
    EXPECT_EQ(bank.questions[1].choices, (Strings{"True", "False"}));
    EXPECT_EQ(bank.questions[1].correct_choices, (Indexes{0}));
    EXPECT_EQ(bank.questions[1].seconds, 5);
    EXPECT_EQ(bank.questions[2].correct_choices, (Indexes{0, 2}));
    EXPECT_EQ(bank.questions[2].answer, "2 / 5");
    EXPECT_EQ(bank.questions[2].seconds, 240);
}

TEST(KahootBank, HeaderWordsMatchLooselyWithoutANumberingColumn) {
    const auto bank = parse(
        "QUESTION,answer 1,Answer 2 (optional),Answer 3,Answer 4,Time limit (sec) - 5 to 240,"
        "Correct answers,Topics\n"
        "Capital of Italy?,Rome,Milan,,,,\"2,1\",Geography; Capitals\n");
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].choices, (Strings{"Rome", "Milan"}));
    EXPECT_EQ(bank.questions[0].correct_choices, (Indexes{1, 0}));
    EXPECT_EQ(bank.questions[0].seconds, 0);  // an empty time limit leaves the room's
    EXPECT_EQ(bank.questions[0].topics, (Strings{"geography", "capitals"}));
}

TEST(KahootBank, EmptyAnswerColumnsInTheMiddleAreSkipped) {
    const auto bank = parse(sheet("1,Q?,A,,C,,10,3\n"));
    EXPECT_EQ(bank.questions[0].choices, (Strings{"A", "C"}));
    EXPECT_EQ(bank.questions[0].correct_choices, (Indexes{1}));
}

TEST(KahootBank, ReadsSemicolonSeparatedFiles) {
    // Excel's CSV where the decimal separator is a comma.
    const auto bank = parse(
        ";Question - max 120 characters;Answer 1 - max 75 characters;Answer 2 - max 75 "
        "characters;Answer 3 - max 75 characters;Answer 4 - max 75 characters;Time limit (sec) "
        "- 5, 10, 20, 30, 60, 90, 120, or 240 secs;Correct answer(s) - choose at least one\n"
        "1;Half of 3?;1,5;2;;;30;1\n");
    EXPECT_EQ(bank.questions[0].choices, (Strings{"1,5", "2"}));
    EXPECT_EQ(bank.questions[0].seconds, 30);
}

TEST(KahootBank, TimeLimitMustBeOneOfKahoots) {
    const auto error = load_error([] { parse(sheet("1,Q1?,A,B,,,20,1\n2,Q2?,A,B,,,45,1\n")); });
    EXPECT_EQ(error.line(), 5);
    EXPECT_EQ(error.column(), 13);
    EXPECT_EQ(error.field(), "time limit");
    EXPECT_STREQ(error.what(),
                 "quiz.csv:5:13: time limit: '45' is not one of Kahoot's time limits: 5, 10, 20, "
                 "30, 60, 90, 120 or 240 seconds");
    EXPECT_EQ(load_error([] { parse(sheet("1,Q1?,A,B,,,twenty,1\n")); }).column(), 13);
}

TEST(KahootBank, CorrectAnswersAreNumbersOfAnswersGiven) {
    // Columns: 1 numbering, 2 question, 3-6 answers, 7 time, 8 correct. "1,Q?,A,B,,,20," puts
    // the correct cell at column 15.
    const auto cell = [](std::string_view correct) {
        return load_error([&] { parse(sheet("1,Q?,A,B,,,20," + std::string(correct) + "\n")); });
    };
    const auto empty = cell("");
    EXPECT_EQ(empty.line(), 4);
    EXPECT_EQ(empty.column(), 15);
    EXPECT_NE(std::string(empty.what()).find("no correct answer"), std::string::npos);
    const auto not_given = cell("3");
    EXPECT_EQ(not_given.column(), 15);
    EXPECT_STREQ(not_given.what(),
                 "quiz.csv:4:15: correct answer: answer 3 is empty: it cannot be correct");
    EXPECT_NE(std::string(cell("5").what()).find("'5' is not an answer number"), std::string::npos);
    EXPECT_NE(std::string(cell("two").what()).find("'two' is not an answer number"),
              std::string::npos);
    EXPECT_NE(std::string(cell("\"1,1\"").what()).find("answer 1 is given twice"),
              std::string::npos);
}

TEST(KahootBank, AQuestionNeedsTwoAnswers) {
    const auto error = load_error([] { parse(sheet("1,Q?,Only,,,,20,1\n")); });
    EXPECT_EQ(error.line(), 4);
    EXPECT_EQ(error.column(), 11);  // the empty Answer 2 cell
    EXPECT_NE(std::string(error.what()).find("at least 2 answers"), std::string::npos);
}

TEST(KahootBank, ValidationErrorsNameTheCell) {
    const auto empty = load_error([] { parse(sheet("1,Q1?,A,B,,,20,1\n2,,A,B,,,20,1\n")); });
    EXPECT_STREQ(empty.what(), "quiz.csv:5:3: question: empty question");
    const auto twice = load_error([] { parse(sheet("1,Q1?,Paris,London,paris,,20,1\n")); });
    EXPECT_EQ(twice.line(), 4);
    EXPECT_EQ(twice.column(), 20);
    EXPECT_STREQ(twice.what(), "quiz.csv:4:20: choices: the choice 'paris' is given twice");
}

TEST(KahootBank, CsvErrorsNameLineAndColumn) {
    const auto error =
        load_error([] { parse(sheet("1,Q1?,A,B,,,20,1\n2,Q2 \"x\",A,B,,,20,1\n")); });
    EXPECT_EQ(error.line(), 5);
    EXPECT_EQ(error.column(), 6);
    EXPECT_NE(std::string(error.what()).find("a quote inside an unquoted field"),
              std::string::npos);
}

TEST(KahootBank, WithoutTheHeaderOrRows) {
    EXPECT_NE(std::string(load_error([] { parse("question,answer\nQ,A\n"); }).what())
                  .find("no Kahoot header row"),
              std::string::npos);
    EXPECT_STREQ(load_error([] { parse(sheet("1,,,,,,,\n")); }).what(),
                 "quiz.csv:3: no questions below the Kahoot header row");
}

TEST(KahootBank, AColumnNamedTwice) {
    const auto error = load_error(
        [] { parse("Question,Answer 1,Answer 2,Correct answer,Answer 1\nQ,A,B,1,C\n"); });
    EXPECT_EQ(error.line(), 1);
    EXPECT_EQ(error.column(), 43);
    EXPECT_NE(std::string(error.what()).find("'Answer 1' is named twice"), std::string::npos);
}

}  // namespace
}  // namespace rapidfire::content
