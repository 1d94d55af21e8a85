// Fancy output wraps long lines between words to the terminal's width (issue 13, item 7): a
// choice continues under its first word, no word is cut unless it is longer than a line, and
// no line is wider than the terminal, colours or not.

#include <gtest/gtest.h>

#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "rapidfire/client/presenter.hpp"
#include "rapidfire/client/study_material.hpp"
#include "rapidfire/content/loader.hpp"

namespace rapidfire::client {
namespace {

using protocol::Question;

// The text as it shows on screen: escape sequences left out.
std::string visible(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\x1b') {
            while (i < line.size() && line[i] != 'm')
                ++i;
        } else {
            out += line[i];
        }
    }
    return out;
}

std::vector<std::string> words_of(const std::string& text) {
    std::istringstream in(text);
    return {std::istream_iterator<std::string>(in), {}};
}

std::vector<std::string> words_of(const Lines& lines) {
    std::string text;
    for (const auto& line : lines)
        text += visible(line) + "\n";
    return words_of(text);
}

// A question of the bundled bank whose choices are four of its paragraph-long answers.
Question bundled_question() {
    const auto bank = content::load_bank(content::bundled_bank_path());
    Question q;
    q.question = 2;
    q.total = 10;
    q.text = bank.questions[3].text;
    q.topics = bank.questions[3].topics;
    q.time_limit_ms = 20000;
    for (std::size_t i = 0; i < 4; ++i)
        q.choices.push_back(bank.questions[i * 5].answer);
    return q;
}

TEST(PresenterWrap, ChoicesKeepWordsWholeAndFitTheWidth) {
    const auto q = bundled_question();
    for (const bool color : {false, true}) {
        for (const int width : {40, 80}) {
            const Presenter presenter(Style(color), true, width);
            const auto lines = presenter.question(q);
            std::string expected_text =
                "Question 3/10 " + join_names(q.topics) + " 20.0s\n" + q.text;
            for (std::size_t i = 0; i < q.choices.size(); ++i)
                expected_text += "\n" + std::to_string(i + 1) + ") " + q.choices[i];
            // The same words in the same order: none cut, none lost.
            EXPECT_EQ(words_of(lines), words_of(expected_text)) << width;
            int choice_lines = 0;
            for (const auto& line : lines) {
                EXPECT_LE(text_columns(line), static_cast<std::size_t>(width))
                    << "[" << visible(line) << "]";
                const auto shown = visible(line);
                if (shown.starts_with("  ") && !shown.starts_with("     ") && shown.size() > 3 &&
                    shown[3] == ')') {
                    ++choice_lines;
                } else if (choice_lines > 0) {
                    // A choice's continuation lines up under its text: "  1) " is 5 columns.
                    EXPECT_TRUE(shown.starts_with("     ") && shown[5] != ' ')
                        << "[" << shown << "]";
                }
            }
            EXPECT_EQ(choice_lines, 4);
            // Paragraph-long answers take several lines each.
            EXPECT_GT(lines.size(), 4u + 8u) << width;
        }
    }
}

TEST(PresenterWrap, ColoursAreClosedAndReopenedAtEachBreak) {
    const Presenter presenter(Style(true), true, 40);
    Question q;
    q.total = 1;
    q.text = "What is the difference between supervised and unsupervised learning?";
    const auto lines = presenter.question(q);
    std::vector<std::string> text_lines;
    for (const auto& line : lines) {
        if (visible(line).starts_with("What") || !text_lines.empty())
            text_lines.push_back(line);
    }
    ASSERT_EQ(text_lines.size(), 2u);
    for (const auto& line : text_lines) {
        EXPECT_TRUE(line.starts_with("\x1b[1m")) << line;
        EXPECT_TRUE(line.ends_with("\x1b[0m")) << line;
    }
}

TEST(PresenterWrap, OnlyAWordLongerThanTheLineIsCut) {
    const std::string word(50, 'x');
    const auto lines = wrap_hanging("  1) short " + word + " end", 40, 5);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "  1) short");
    EXPECT_EQ(lines[1], "     " + std::string(35, 'x'));
    EXPECT_EQ(lines[2], "     " + std::string(15, 'x') + " end");
}

TEST(PresenterWrap, NewlinesInAChoiceContinueUnderItsText) {
    EXPECT_EQ(wrap_hanging("  2) Variance.\nAlso the IQR.", 40, 5),
              (std::vector<std::string>{"  2) Variance.", "     Also the IQR."}));
    // A terminal too narrow for the indent keeps the room for the text.
    EXPECT_EQ(wrap_hanging("  1) one two", 8, 5), (std::vector<std::string>{"  1) one", "two"}));
}

TEST(PresenterWrap, ReferenceAnswersAndJudgeLinesWrapToo) {
    const auto bank = content::load_bank(content::bundled_bank_path());
    const Presenter presenter(Style(true), true, 40);
    protocol::Reveal reveal;
    reveal.reference = bank.questions[0].answer;
    Lines lines = presenter.reveal(reveal, nullptr, false);
    protocol::JudgeRequest request;
    request.text = bank.questions[1].text;
    request.reference = bank.questions[1].answer;
    for (const auto& line : presenter.judge_request(request))
        lines.push_back(line);
    for (const auto& line : lines)
        EXPECT_LE(text_columns(line), 40u) << "[" << visible(line) << "]";
    EXPECT_EQ(words_of(presenter.reveal(reveal, nullptr, false)),
              words_of("Answer: " + reveal.reference));
}

TEST(PresenterWrap, ARevealShowsEveryCorrectChoiceAndTheFeedback) {
    const Presenter fancy(Style(false), true, 60);
    protocol::Reveal reveal;
    reveal.reference = "Dropout and weight decay";
    reveal.correct_choice = 0;
    reveal.correct_choices = std::vector<int>{0, 2};
    reveal.choice_counts = {3, 0, 2, 1};
    reveal.feedback = "Both limit what the network can memorise.";
    std::string text;
    for (const auto& line : fancy.reveal(reveal, nullptr, false))
        text += visible(line) + "\n";
    EXPECT_NE(text.find("Correct choices: 1, 3"), std::string::npos) << text;
    EXPECT_NE(text.find("Feedback: Both limit what the network can memorise."), std::string::npos)
        << text;
    // From an older server, only the first: as before.
    reveal.correct_choices.reset();
    reveal.feedback.reset();
    text.clear();
    for (const auto& line : fancy.reveal(reveal, nullptr, false))
        text += visible(line) + "\n";
    EXPECT_NE(text.find("Correct choice: 1 "), std::string::npos) << text;
    EXPECT_EQ(text.find("Feedback"), std::string::npos) << text;
}

TEST(PresenterWrap, PlainOutputStaysOneLinePerEvent) {
    const auto q = bundled_question();
    const Presenter plain(Style(false), false, 40);
    const auto lines = plain.question(q);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[1], "choice 1: " + q.choices[0]);
}

}  // namespace
}  // namespace rapidfire::client
