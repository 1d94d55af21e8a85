// The offline commands print the bundled study material word for word.

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
    EXPECT_TRUE(contains(format_bank(bank, {"no-such-topic"}), "No question matches"));
}

}  // namespace
}  // namespace rapidfire::client
