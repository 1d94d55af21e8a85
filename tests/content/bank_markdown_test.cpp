#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;

Bank parse(std::string_view text) {
    return parse_bank_markdown(text, "bank.md");
}

TEST(MarkdownBank, ReadsATableWithTopicsAndKeyTerms) {
    const auto bank = parse(
        "# Statistics drill\n"
        "\n"
        "Some prose first.\n"
        "\n"
        "| # | Question | Answer | Topics | Key terms |\n"
        "|---|:---------|-------:|--------|-----------|\n"
        "| s1 | What is a p-value? | The probability of data this extreme under the null. "
        "| Statistics, Hypothesis Testing | probability; null |\n"
        "| s2 | What is variance? | The mean squared deviation from the mean. | statistics | |\n"
        "\n"
        "Text after the table.\n");
    EXPECT_EQ(bank.title, "Statistics drill");
    ASSERT_EQ(bank.questions.size(), 2u);
    const auto& first = bank.questions[0];
    EXPECT_EQ(first.id, "s1");
    EXPECT_EQ(first.text, "What is a p-value?");
    EXPECT_EQ(first.answer, "The probability of data this extreme under the null.");
    EXPECT_EQ(first.topics, (std::vector<std::string>{"statistics", "hypothesis-testing"}));
    EXPECT_EQ(first.key_terms, (std::vector<std::string>{"probability", "null"}));
    EXPECT_EQ(bank.questions[1].topics, (std::vector<std::string>{"statistics"}));
    EXPECT_TRUE(bank.questions[1].key_terms.empty());
}

TEST(MarkdownBank, ReadsATableWithoutTopics) {
    const auto bank = parse(
        "| # | Question | Answer |\n"
        "|---|---|---|\n"
        "| 1 | What is 2+2? | 4 |\n"
        "|   | What is 3+3? | 6 |\n");
    EXPECT_EQ(bank.title, "");
    ASSERT_EQ(bank.questions.size(), 2u);
    EXPECT_EQ(bank.questions[0].id, "1");
    EXPECT_EQ(bank.questions[1].id, "2");  // an empty # cell takes the row's number
    EXPECT_EQ(bank.questions[1].answer, "6");
    EXPECT_TRUE(bank.questions[0].topics.empty());
}

TEST(MarkdownBank, ColumnsMayComeInAnyOrderWithoutOuterPipes) {
    const auto bank = parse(
        "Answer | Question\n"
        "--- | ---\n"
        "Paris | Capital of France?\n");
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].text, "Capital of France?");
    EXPECT_EQ(bank.questions[0].answer, "Paris");
}

TEST(MarkdownBank, PipesInCells) {
    const auto bank = parse(
        "| # | Question | Answer |\n"
        "|---|---|---|\n"
        "| 1 | What is a \\| b? | Bitwise or. |\n"
        "| 2 | What does a discriminative model learn? | P(y|x), or P(y | x) spaced. |\n");
    EXPECT_EQ(bank.questions[0].text, "What is a | b?");
    // An unescaped pipe in the answer is joined back exactly as written.
    EXPECT_EQ(bank.questions[1].answer, "P(y|x), or P(y | x) spaced.");
}

TEST(MarkdownBank, SkipsOtherTablesAndCodeBlocks) {
    const auto bank = parse(
        "```\n"
        "# not the title\n"
        "| Question | Answer |\n"
        "|---|---|\n"
        "| inside code | ignored |\n"
        "```\n"
        "# Real title\n"
        "| Name | Value |\n"
        "|---|---|\n"
        "| a | b |\n"
        "\n"
        "| Question | Answer |\n"
        "|---|---|\n"
        "| Real question? | Real answer. |\n");
    EXPECT_EQ(bank.title, "Real title");
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].text, "Real question?");
}

TEST(MarkdownBank, ReadsCrlfLineEndings) {
    const auto bank = parse("# T\r\n| Question | Answer |\r\n|---|---|\r\n| Q? | A. |\r\n");
    EXPECT_EQ(bank.title, "T");
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].answer, "A.");
}

TEST(MarkdownBank, EmptyQuestionNamesLineAndColumn) {
    const auto error = load_error(
        [] { parse("| # | Question | Answer |\n|---|---|---|\n| 1 | Q? | A |\n| 2 |  | A |\n"); });
    EXPECT_EQ(error.file(), "bank.md");
    EXPECT_EQ(error.line(), 4);
    EXPECT_EQ(error.field(), "question");
    EXPECT_STREQ(error.what(), "bank.md:4: question: empty question");
}

TEST(MarkdownBank, RowWithoutAnAnswerCell) {
    const auto error =
        load_error([] { parse("| Question | Answer |\n|---|---|\n| Q? | A |\n| Q2? |\n"); });
    EXPECT_EQ(error.line(), 4);
    EXPECT_EQ(error.field(), "answer");
    EXPECT_STREQ(error.what(), "bank.md:4: answer: missing answer column");
}

TEST(MarkdownBank, HeaderWithoutAnswerColumn) {
    const auto error = load_error([] { parse("text\n| # | Question |\n|---|---|\n| 1 | Q? |\n"); });
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.field(), "answer");
}

TEST(MarkdownBank, DuplicateIdNamesBothRows) {
    const auto error = load_error([] {
        parse("| # | Question | Answer |\n|---|---|---|\n| 7 | Q? | A |\n| 7 | Q2? | A2 |\n");
    });
    EXPECT_EQ(error.line(), 4);
    EXPECT_EQ(error.field(), "id");
    EXPECT_STREQ(error.what(), "bank.md:4: id: duplicate id '7' (first used at line 3)");
}

TEST(MarkdownBank, NoTableOrNoRowsIsAnEmptyBank) {
    EXPECT_STREQ(load_error([] { parse("# Title\n\nJust prose.\n"); }).what(),
                 "bank.md: no table with a Question and an Answer column");
    const auto error = load_error([] { parse("# T\n| Question | Answer |\n|---|---|\n\n"); });
    EXPECT_EQ(error.line(), 2);
    EXPECT_STREQ(error.what(), "bank.md:2: the table has no rows");
}

TEST(MarkdownBank, NotUtf8NamesTheLine) {
    const auto error =
        load_error([] { parse("| Question | Answer |\n|---|---|\n| Caf\xE9? | A |\n"); });
    EXPECT_EQ(error.line(), 3);
    EXPECT_STREQ(error.what(), "bank.md:3:6: the file is not valid UTF-8");
}

}  // namespace
}  // namespace rapidfire::content
