// The bundled bank is the user's seed, word for word, plus tags for the game.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "rapidfire/content/loader.hpp"
#include "seed.hpp"

namespace rapidfire::content {
namespace {

using testing::seed_lines;
using testing::seed_table_rows;
using testing::seed_text;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return text;
}

TEST(BundledBank, MatchesTheSeedTableWordForWord) {
    const auto imported = parse_bank_markdown(seed_text(), "ml-rapid-fire.txt");
    const auto rows = seed_table_rows();
    const auto bundled = load_bank(bundled_bank_path());

    ASSERT_EQ(rows.size(), 20u);
    ASSERT_EQ(imported.questions.size(), 20u);
    ASSERT_EQ(bundled.questions.size(), 20u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE("question " + std::to_string(i + 1));
        EXPECT_EQ(imported.questions[i].id, std::to_string(i + 1));
        EXPECT_EQ(imported.questions[i].text, rows[i].question);
        EXPECT_EQ(imported.questions[i].answer, rows[i].answer);
        EXPECT_EQ(bundled.questions[i].text, rows[i].question);
        EXPECT_EQ(bundled.questions[i].answer, rows[i].answer);
    }
}

TEST(BundledBank, KeepsTheSeedsTitleSourceAndInstructions) {
    const auto lines = seed_lines();
    const auto bank = load_bank(bundled_bank_path());
    EXPECT_EQ(bank.title, "Rapid Fire Q&A & Tips");
    EXPECT_EQ(bank.title, lines.front());
    EXPECT_EQ(bank.source, "Lilly Tech Systems");
    EXPECT_EQ(bank.source, lines.back());
    EXPECT_EQ(bank.description,
              "Practice answering these in 1-2 sentences each. In an interview, rapid fire "
              "rounds test breadth and quick recall.");
}

TEST(BundledBank, KeepsUnicodeDashesAndPipes) {
    const auto bank = load_bank(bundled_bank_path());
    EXPECT_EQ(bank.questions[3].answer,
              "The step size of parameter updates during gradient descent \u2014 too high causes "
              "divergence, too low causes slow convergence.");
    EXPECT_EQ(bank.questions[14].answer,
              "Generative models learn the joint distribution P(x,y) and can generate data; "
              "discriminative models learn the decision boundary P(y|x) directly.");
    EXPECT_EQ(bank.questions[19].text, "When would you use a simple model over a complex one?");
}

TEST(BundledBank, IdsAreStable) {
    const auto bank = load_bank(bundled_bank_path());
    for (std::size_t i = 0; i < bank.questions.size(); ++i) {
        const auto number = std::to_string(i + 1);
        EXPECT_EQ(bank.questions[i].id, "ml-" + std::string(number.size() < 2 ? "0" : "") + number);
    }
}

TEST(BundledBank, EveryQuestionHasTopicsFromTheSharedSet) {
    const std::set<std::string> known = {
        "fundamentals", "evaluation",           "regularization",          "ensembles",
        "optimization", "deep-learning",        "data-preprocessing",      "model-selection",
        "kernels",      "probabilistic-models", "dimensionality-reduction"};
    for (const auto& question : load_bank(bundled_bank_path()).questions) {
        SCOPED_TRACE(question.id);
        EXPECT_GE(question.topics.size(), 1u);
        EXPECT_LE(question.topics.size(), 3u);
        for (const auto& topic : question.topics)
            EXPECT_TRUE(known.contains(topic)) << topic;
    }
}

TEST(BundledBank, KeyTermsComeFromTheReferenceAnswer) {
    for (const auto& question : load_bank(bundled_bank_path()).questions) {
        SCOPED_TRACE(question.id);
        EXPECT_GE(question.key_terms.size(), 3u);
        EXPECT_LE(question.key_terms.size(), 6u);
        const auto answer = lower(question.answer);
        for (const auto& term : question.key_terms) {
            EXPECT_EQ(term, lower(term));
            EXPECT_NE(answer.find(term), std::string::npos) << term;
        }
    }
}

}  // namespace
}  // namespace rapidfire::content
