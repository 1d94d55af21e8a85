// The offline commands print the bundled study material word for word, wrapped between words
// at a terminal's width; the bank is chosen by topic in any case.

#include <algorithm>
#include <iterator>
#include <sstream>

#include <gtest/gtest.h>

#include "rapidfire/client/study_material.hpp"
#include "rapidfire/content/loader.hpp"

namespace rapidfire::client {
namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(StudyMaterial, TipsHaveEveryTitleAndTextVerbatim) {
    const auto guide = content::load_study_guide(content::bundled_guide_path());
    const std::string text = format_tips(guide);
    EXPECT_TRUE(contains(text, guide.tips_introduction));
    ASSERT_FALSE(guide.tips.empty());
    for (const auto& tip : guide.tips) {
        EXPECT_TRUE(contains(text, tip.title + "\n" + tip.text + "\n")) << tip.id;
    }
}

TEST(StudyMaterial, FaqAndChecklistVerbatim) {
    const auto guide = content::load_study_guide(content::bundled_guide_path());
    const std::string faq = format_faq(guide);
    for (const auto& entry : guide.faq) {
        EXPECT_TRUE(contains(faq, "Q: " + entry.question + "\nA: " + entry.answer + "\n"));
    }
    const std::string checklist = format_checklist(guide);
    EXPECT_TRUE(contains(checklist, guide.checklist_title));
    for (const auto& item : guide.checklist) {
        EXPECT_TRUE(contains(checklist, "- " + item.area + ": " + item.text + "\n"));
    }
}

TEST(StudyMaterial, BankByTopic) {
    const auto bank = content::load_bank(content::bundled_bank_path());
    const std::string all = format_bank(bank, {});
    for (const auto& q : bank.questions) {
        EXPECT_TRUE(contains(all, q.text));
        EXPECT_TRUE(contains(all, q.answer));
    }
    const std::string some = format_bank(bank, {"evaluation"});
    int shown = 0;
    for (const auto& q : bank.questions) {
        const bool on_topic =
            std::find(q.topics.begin(), q.topics.end(), "evaluation") != q.topics.end();
        EXPECT_EQ(contains(some, q.text), on_topic) << q.id;
        shown += on_topic ? 1 : 0;
    }
    EXPECT_GT(shown, 0);
}

TEST(StudyMaterial, BankTopicsMatchInAnyCase) {
    const auto bank = content::load_bank(content::bundled_bank_path());
    EXPECT_EQ(format_bank(bank, {"Evaluation"}), format_bank(bank, {"evaluation"}));
    EXPECT_EQ(format_bank(bank, {"EVALUATION"}), format_bank(bank, {"evaluation"}));
    EXPECT_FALSE(unknown_bank_topic(bank, {"EVALUATION", "Deep-Learning"}));
}

TEST(StudyMaterial, AnUnknownTopicIsAnErrorThatListsTheTopics) {
    const auto bank = content::load_bank(content::bundled_bank_path());
    const auto error = unknown_bank_topic(bank, {"evaluation", "astrology"});
    ASSERT_TRUE(error);
    EXPECT_TRUE(contains(*error, "'astrology'"));
    for (const auto& topic : bank_topics(bank))
        EXPECT_TRUE(contains(*error, topic.topic)) << topic.topic;
    EXPECT_FALSE(unknown_bank_topic(bank, {}));
}

TEST(StudyMaterial, TopicsAreListedWithTheirCounts) {
    const auto bank = content::load_bank(content::bundled_bank_path());
    const auto topics = bank_topics(bank);
    ASSERT_FALSE(topics.empty());
    EXPECT_TRUE(std::is_sorted(topics.begin(), topics.end(),
                               [](const auto& a, const auto& b) { return a.topic < b.topic; }));
    const std::string listed = format_bank_topics(bank);
    for (const auto& topic : topics) {
        const auto tagged = std::count_if(
            bank.questions.begin(), bank.questions.end(), [&](const content::BankQuestion& q) {
                return std::find(q.topics.begin(), q.topics.end(), topic.topic) != q.topics.end();
            });
        EXPECT_EQ(topic.questions, tagged) << topic.topic;
        EXPECT_TRUE(contains(listed, topic.topic + " (" + std::to_string(tagged) + " question"));
    }
}

std::size_t columns(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Every line fits in `width` unless it is a single word; the words, in order, are the same.
void expect_wrapped(const std::string& original, const std::string& wrapped, std::size_t width) {
    std::istringstream lines(wrapped);
    std::string line;
    while (std::getline(lines, line)) {
        const bool one_word = line.find_first_not_of(' ') == std::string::npos ||
                              line.find(' ', line.find_first_not_of(' ')) == std::string::npos;
        EXPECT_TRUE(columns(line) <= width || one_word) << "[" << line << "]";
    }
    std::istringstream a(original);
    std::istringstream b(wrapped);
    std::vector<std::string> words_a{std::istream_iterator<std::string>(a), {}};
    std::vector<std::string> words_b{std::istream_iterator<std::string>(b), {}};
    EXPECT_EQ(words_a, words_b);
}

TEST(StudyMaterial, LongLinesWrapBetweenWords) {
    EXPECT_EQ(wrap_text("the quick brown fox jumps", 10), "the quick\nbrown fox\njumps");
    EXPECT_EQ(wrap_text("short\n\nlines stay\n", 10), "short\n\nlines stay\n");
    // Only a word longer than a whole line is cut, so no line is wider than the width.
    EXPECT_EQ(wrap_text("a verylongwordindeed b", 6), "a\nverylo\nngword\nindeed\nb");
    // The continuation lines up under the item's text, or the indent.
    EXPECT_EQ(wrap_text("12. one two three four", 12), "12. one two\n    three\n    four");
    EXPECT_EQ(wrap_text("- Area: one two three", 12), "- Area: one\n  two three");
    EXPECT_EQ(wrap_text("   answer with words", 13), "   answer\n   with words");
    // Characters, not bytes: "é" is one column.
    EXPECT_EQ(wrap_text("caf\xc3\xa9 caf\xc3\xa9", 9), "caf\xc3\xa9 caf\xc3\xa9");
    EXPECT_EQ(wrap_text("no width keeps lines", 0), "no width keeps lines");

    const auto guide = content::load_study_guide(content::bundled_guide_path());
    const auto bank = content::load_bank(content::bundled_bank_path());
    for (const int width : {40, 80}) {
        expect_wrapped(format_tips(guide), format_tips(guide, width), width);
        expect_wrapped(format_faq(guide), format_faq(guide, width), width);
        expect_wrapped(format_checklist(guide), format_checklist(guide, width), width);
        expect_wrapped(format_bank(bank, {}), format_bank(bank, {}, width), width);
    }
}

}  // namespace
}  // namespace rapidfire::client
