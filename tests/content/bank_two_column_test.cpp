// Flash cards as text, a question and its answer a line: Anki's plain text notes with their
// headers, Quizlet's export, and the separator guessed when no header names it.

#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;
using Strings = std::vector<std::string>;

Bank parse(std::string_view text) {
    return parse_bank_two_column(text, "cards.txt");
}

TEST(TwoColumnBank, QuizletTermTabDefinition) {
    const auto bank = parse(
        "precision\tthe share of predicted positives that are right\n"
        "recall\tthe share of actual positives found, \"sensitivity\"\n");
    EXPECT_EQ(bank.title, "");
    ASSERT_EQ(bank.questions.size(), 2u);
    EXPECT_EQ(bank.questions[0].id, "1");
    EXPECT_EQ(bank.questions[0].text, "precision");
    EXPECT_EQ(bank.questions[0].answer, "the share of predicted positives that are right");
    // Quotes inside a field that is not quoted are text.
    EXPECT_EQ(bank.questions[1].answer, "the share of actual positives found, \"sensitivity\"");
    EXPECT_TRUE(bank.questions[1].choices.empty());
}

TEST(TwoColumnBank, AnkiHeadersAndQuotedFields) {
    const auto bank = parse(
        "#separator:tab\n"
        "#html:true\n"
        "#deck:ML Flash Cards\n"
        "#tags column:3\n"
        "What is overfitting?\tFitting noise.<br>It generalizes poorly.\tevaluation "
        "Regularization\n"
        "\"What does \"\"bias\"\"\n mean?\"\tError from wrong assumptions &amp; more.\t\n");
    EXPECT_EQ(bank.title, "ML Flash Cards");
    ASSERT_EQ(bank.questions.size(), 2u);
    EXPECT_EQ(bank.questions[0].answer, "Fitting noise.\nIt generalizes poorly.");
    EXPECT_EQ(bank.questions[0].topics, (Strings{"evaluation", "regularization"}));
    EXPECT_EQ(bank.questions[1].text, "What does \"bias\"\n mean?");
    EXPECT_EQ(bank.questions[1].answer, "Error from wrong assumptions & more.");
    EXPECT_TRUE(bank.questions[1].topics.empty());
}

TEST(TwoColumnBank, AnkiColumnsHeaderPicksByName) {
    const auto bank = parse(
        "#separator:semicolon\n"
        "#columns:Tags;Back;Notes;Front\n"
        "#tags:Shared\n"
        "geo;Paris;ignored;Capital of France?\n");
    EXPECT_EQ(bank.questions[0].text, "Capital of France?");
    EXPECT_EQ(bank.questions[0].answer, "Paris");
    EXPECT_EQ(bank.questions[0].topics, (Strings{"shared", "geo"}));
}

TEST(TwoColumnBank, AnkiOwnColumnsAreSkipped) {
    const auto bank = parse(
        "#separator:Pipe\n"
        "#guid column:1\n"
        "#notetype column:2\n"
        "#deck column:3\n"
        "#tags column:6\n"
        "a1b2|Basic|Default|Q?|A.|t1\n");
    EXPECT_EQ(bank.questions[0].text, "Q?");
    EXPECT_EQ(bank.questions[0].answer, "A.");
    EXPECT_EQ(bank.questions[0].topics, (Strings{"t1"}));
}

TEST(TwoColumnBank, SeparatorIsGuessed) {
    // A tab anywhere wins.
    EXPECT_EQ(parse("a;b\tc\n").questions[0].answer, "c");
    // Otherwise ';' when every line has one, then ','.
    const auto semicolons = parse("Q1, really?; A1\nQ2; A2, with a comma\n");
    EXPECT_EQ(semicolons.questions[0].text, "Q1, really?");
    EXPECT_EQ(semicolons.questions[1].answer, "A2, with a comma");
    // A guessed comma splits answers that hold one: they are joined back.
    const auto commas = parse("# a comment\nQ1,A1\nQ2,A2, and more,\"quoted\"\n");
    ASSERT_EQ(commas.questions.size(), 2u);
    EXPECT_EQ(commas.questions[1].answer, "A2, and more,quoted");
    // A #separator: header wins over a guess.
    EXPECT_EQ(parse("#separator:,\nQ\t1,A\n").questions[0].text, "Q\t1");
}

TEST(TwoColumnBank, OneColumnNamesWhereTheSeparatorIsMissing) {
    const auto error = load_error([] { parse("Q1\tA1\nQ2\tA2\nOnly a question\n"); });
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.column(), 16);
    EXPECT_STREQ(error.what(),
                 "cards.txt:3:16: 1 column where a question and its answer need 2: separate "
                 "them with a tab");
    // Without a tab, a line with neither ';' nor ',' is the one at fault.
    const auto unguessable = load_error([] { parse("Q1;A1\nQ2,A2\nQ3 A3\n"); });
    EXPECT_EQ(unguessable.line(), 3);
    EXPECT_EQ(unguessable.column(), 6);
    EXPECT_NE(std::string(unguessable.what()).find("one column"), std::string::npos);
    EXPECT_NE(std::string(load_error([] { parse("Q1;A1\nQ2,A2\n"); }).what())
                  .find("cannot tell the separator"),
              std::string::npos);
}

TEST(TwoColumnBank, EmptyQuestionOrAnswerNamesTheCell) {
    const auto answer = load_error([] { parse("Q1\tA1\nQ2\t  \n"); });
    EXPECT_STREQ(answer.what(), "cards.txt:2:4: answer: empty answer");
    const auto question = load_error([] { parse("Q1\tA1\n\tA2\n"); });
    EXPECT_STREQ(question.what(), "cards.txt:2:1: question: empty question");
}

TEST(TwoColumnBank, HeaderErrors) {
    const auto separator = load_error([] { parse("#separator:dash\nQ-A\n"); });
    EXPECT_EQ(separator.line(), 1);
    EXPECT_EQ(separator.column(), 12);
    EXPECT_NE(std::string(separator.what()).find("unknown separator 'dash'"), std::string::npos);
    const auto columns = load_error([] { parse("#separator:tab\n#columns:Front\tExtra\nQ\tA\n"); });
    EXPECT_EQ(columns.line(), 2);
    EXPECT_EQ(columns.column(), 10);
    EXPECT_NE(std::string(columns.what()).find("names no Back (or Answer) column"),
              std::string::npos);
    const auto number = load_error([] { parse("#tags column:three\nQ\tA\n"); });
    EXPECT_EQ(number.column(), 14);
}

TEST(TwoColumnBank, Empty) {
    EXPECT_STREQ(load_error([] { parse("#separator:tab\n\n"); }).what(),
                 "cards.txt: the bank has no questions");
}

}  // namespace
}  // namespace rapidfire::content
