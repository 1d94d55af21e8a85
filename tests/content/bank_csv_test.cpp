#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;

Bank parse(std::string_view text) {
    return parse_bank_csv(text, "bank.csv");
}

TEST(CsvBank, ReadsRowsWithoutAHeader) {
    const auto bank = parse(
        "What is 2+2?,4,arithmetic\n"
        "What is the capital of France?,Paris,Geography; Capitals\n"
        "No topics?,None\n");
    EXPECT_EQ(bank.title, "");
    ASSERT_EQ(bank.questions.size(), 3u);
    EXPECT_EQ(bank.questions[0].id, "1");
    EXPECT_EQ(bank.questions[0].text, "What is 2+2?");
    EXPECT_EQ(bank.questions[0].answer, "4");
    EXPECT_EQ(bank.questions[0].topics, (std::vector<std::string>{"arithmetic"}));
    EXPECT_EQ(bank.questions[1].id, "2");
    EXPECT_EQ(bank.questions[1].topics, (std::vector<std::string>{"geography", "capitals"}));
    EXPECT_TRUE(bank.questions[2].topics.empty());
}

TEST(CsvBank, ReadsAHeaderNamingTheColumns) {
    const auto bank = parse(
        "Question,Answer,Topics\n"
        "What is 2+2?,4,arithmetic\n");
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].text, "What is 2+2?");
    EXPECT_EQ(bank.questions[0].id, "1");
}

TEST(CsvBank, HeaderColumnsMayComeInAnyOrderWithIdsAndKeyTerms) {
    const auto bank = parse(
        "id,answer,question,key_terms,notes\n"
        "q-7,Paris,Capital of France?,paris; Seine,ignored column\n");
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].id, "q-7");
    EXPECT_EQ(bank.questions[0].text, "Capital of France?");
    EXPECT_EQ(bank.questions[0].answer, "Paris");
    EXPECT_EQ(bank.questions[0].key_terms, (std::vector<std::string>{"paris", "seine"}));
}

TEST(CsvBank, QuotedFieldsHoldCommasQuotesAndNewlines) {
    const auto bank = parse(
        "question,answer,topics\n"
        "\"Name three ways to prevent overfitting, briefly.\",\"Regularization, dropout, "
        "and early stopping.\",\"regularization,deep-learning\"\n"
        "\"What does \"\"bias\"\" mean?\",\"Error from wrong assumptions.\nSee also: "
        "variance.\",evaluation\n"
        "  \"Spaces around quotes?\"  ,  \"Are ignored.\"  \n");
    ASSERT_EQ(bank.questions.size(), 3u);
    EXPECT_EQ(bank.questions[0].text, "Name three ways to prevent overfitting, briefly.");
    EXPECT_EQ(bank.questions[0].answer, "Regularization, dropout, and early stopping.");
    EXPECT_EQ(bank.questions[0].topics,
              (std::vector<std::string>{"regularization", "deep-learning"}));
    EXPECT_EQ(bank.questions[1].text, "What does \"bias\" mean?");
    EXPECT_EQ(bank.questions[1].answer, "Error from wrong assumptions.\nSee also: variance.");
    EXPECT_EQ(bank.questions[2].text, "Spaces around quotes?");
    EXPECT_EQ(bank.questions[2].answer, "Are ignored.");
}

TEST(CsvBank, ReadsCrlfAndKeepsLineNumbersAfterMultilineFields) {
    const auto text =
        "\xEF\xBB\xBFquestion,answer\r\n"
        "\"Two\r\nlines?\",Yes\r\n"
        "\r\n"
        "Empty answer?,\r\n";
    const auto error = load_error([&] { parse(text); });
    EXPECT_EQ(error.line(), 5);
    EXPECT_EQ(error.column(), 15);
    EXPECT_STREQ(error.what(), "bank.csv:5:15: answer: empty answer");
}

TEST(CsvBank, CrlfFieldsComeBackClean) {
    const auto bank = parse("question,answer\r\n\"Two\r\nlines?\",Yes\r\nLast?,\"No\"\r\n");
    ASSERT_EQ(bank.questions.size(), 2u);
    EXPECT_EQ(bank.questions[0].text, "Two\nlines?");
    EXPECT_EQ(bank.questions[0].answer, "Yes");
    EXPECT_EQ(bank.questions[1].answer, "No");
}

TEST(CsvBank, EmptyAnswerNamesLineAndField) {
    const auto error = load_error(
        [] { parse("question,answer\nQ1,A1\nQ2,A2\nQ3,A3\nQ4,A4\nQ5,A5\nQ6,\nQ7,A7\n"); });
    EXPECT_EQ(error.file(), "bank.csv");
    EXPECT_EQ(error.line(), 7);
    EXPECT_EQ(error.field(), "answer");
    EXPECT_EQ(error.column(), 4);  // where the empty cell starts
    EXPECT_STREQ(error.what(), "bank.csv:7:4: answer: empty answer");
}

TEST(CsvBank, EmptyQuestion) {
    const auto error = load_error([] { parse("Q1,A1\n\"  \",A2\n"); });
    EXPECT_STREQ(error.what(), "bank.csv:2:1: question: empty question");
}

TEST(CsvBank, MissingAnswerColumn) {
    const auto error = load_error([] { parse("Q1,A1\nOnly a question?\n"); });
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.field(), "answer");
    EXPECT_STREQ(error.what(), "bank.csv:2: answer: missing answer column");
}

TEST(CsvBank, UnterminatedQuoteNamesTheLineItOpenedOn) {
    const auto error = load_error([] { parse("Q1,A1\nQ2,\"never closed\nQ3,A3\n"); });
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.column(), 4);
    EXPECT_NE(std::string(error.what()).find("bank.csv:2:4: unterminated quoted field"),
              std::string::npos)
        << error.what();
}

TEST(CsvBank, StrayQuotesAreErrors) {
    const auto after = load_error([] { parse("Q1,A1\nQ2,\"closed\" then text\n"); });
    EXPECT_EQ(after.line(), 2);
    EXPECT_EQ(after.column(), 13);  // the text after the closing quote
    const auto inside = load_error([] { parse("Q1,A1\nQ2,a \"quoted\" word\n"); });
    EXPECT_EQ(inside.line(), 2);
    EXPECT_EQ(inside.column(), 6);  // the quote
}

TEST(CsvBank, TooManyFields) {
    const auto error = load_error([] { parse("Q1,A1,topic,extra\n"); });
    EXPECT_EQ(error.line(), 1);
    EXPECT_EQ(error.column(), 13);  // the first field too many
    EXPECT_NE(std::string(error.what()).find("4 fields where 3 are expected"), std::string::npos);
}

TEST(CsvBank, EmptyBank) {
    EXPECT_STREQ(load_error([] { parse(""); }).what(), "bank.csv: the bank has no questions");
    EXPECT_STREQ(load_error([] { parse("question,answer\n\n"); }).what(),
                 "bank.csv: the bank has no questions");
}

TEST(CsvBank, DuplicateIdColumn) {
    const auto error = load_error([] { parse("id,question,answer\na,Q1,A1\na,Q2,A2\n"); });
    EXPECT_STREQ(error.what(), "bank.csv:3:1: id: duplicate id 'a' (first used at line 2)");
}

TEST(CsvBank, NotUtf8NamesTheLine) {
    const auto error = load_error([] { parse("Q1,A1\nQ2,A2\n\xC3\x28,A3\n"); });
    EXPECT_STREQ(error.what(), "bank.csv:3:1: the file is not valid UTF-8");
}

}  // namespace
}  // namespace rapidfire::content
