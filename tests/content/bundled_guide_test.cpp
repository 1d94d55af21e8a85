// The bundled study guide is the rest of the user's seed, word for word.

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>

#include "rapidfire/content/loader.hpp"
#include "seed.hpp"

namespace rapidfire::content {
namespace {

TEST(BundledGuide, MatchesTheSeedWordForWord) {
    const auto expected = testing::seed_guide();
    const auto guide = load_study_guide(bundled_guide_path());

    EXPECT_EQ(guide.title, expected.title);
    EXPECT_EQ(guide.source, expected.source);
    EXPECT_EQ(guide.introduction, expected.introduction);
    EXPECT_EQ(guide.tips_introduction, expected.tips_introduction);
    EXPECT_EQ(guide.checklist_title, expected.checklist_title);

    ASSERT_EQ(expected.tips.size(), 7u);
    ASSERT_EQ(guide.tips.size(), 7u);
    for (std::size_t i = 0; i < guide.tips.size(); ++i) {
        EXPECT_EQ(guide.tips[i].title, expected.tips[i].title);
        EXPECT_EQ(guide.tips[i].text, expected.tips[i].text);
    }
    ASSERT_EQ(expected.faq.size(), 7u);
    ASSERT_EQ(guide.faq.size(), 7u);
    for (std::size_t i = 0; i < guide.faq.size(); ++i) {
        EXPECT_EQ(guide.faq[i].question, expected.faq[i].question);
        EXPECT_EQ(guide.faq[i].answer, expected.faq[i].answer);
    }
    ASSERT_EQ(expected.checklist.size(), 5u);
    ASSERT_EQ(guide.checklist.size(), 5u);
    for (std::size_t i = 0; i < guide.checklist.size(); ++i) {
        EXPECT_EQ(guide.checklist[i].area, expected.checklist[i].area);
        EXPECT_EQ(guide.checklist[i].text, expected.checklist[i].text);
    }
}

TEST(BundledGuide, SpotChecks) {
    const auto guide = load_study_guide(bundled_guide_path());
    EXPECT_EQ(guide.title, "Rapid Fire Q&A & Tips");
    EXPECT_EQ(guide.checklist_title, "Final Checklist Before Your Interview");

    std::vector<std::string> ids;
    for (const auto& tip : guide.tips)
        ids.push_back(tip.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"structure", "think-aloud", "tradeoffs",
                                             "theory-to-practice", "clarify", "honesty", "time"}));
    EXPECT_EQ(guide.tips[1].title, "Think Out Loud");
    EXPECT_EQ(guide.tips[1].text,
              "Interviewers value your reasoning process. If you do not know something, say \"I "
              "have not encountered this specific scenario, but here is how I would reason about "
              "it...\" and walk through your logic. Silence is your enemy.");
    EXPECT_EQ(guide.faq[2].question,
              "What is the best way to prepare in the last week before an interview?");
    EXPECT_NE(guide.faq[2].answer.find("rapid fire questions daily \u2014 they cover breadth."),
              std::string::npos);
    EXPECT_EQ(guide.checklist[0].area, "Algorithms");
    EXPECT_EQ(guide.checklist[4].area, "Communication");
    EXPECT_EQ(guide.checklist[4].text,
              "Can you explain any of the above to a non-technical person? To a senior "
              "researcher? Adjusting depth on the fly?");
}

// Every topic of the bundled bank points to one area of the checklist, so a study list never
// leaves a bundled topic without its area; Communication covers no topic of its own.
TEST(BundledGuide, ChecklistTopicsCoverEveryTopicOfTheBundledBank) {
    const auto guide = load_study_guide(bundled_guide_path());
    const auto bank = load_bank(bundled_bank_path());
    std::map<std::string, std::string> area_of;
    for (const auto& item : guide.checklist) {
        for (const auto& topic : item.topics)
            EXPECT_TRUE(area_of.emplace(topic, item.area).second) << topic;
    }
    std::set<std::string> used;
    for (const auto& question : bank.questions)
        used.insert(question.topics.begin(), question.topics.end());
    ASSERT_EQ(used.size(), 11u);
    for (const auto& topic : used)
        EXPECT_TRUE(area_of.count(topic) == 1) << "no checklist area covers '" << topic << "'";
    for (const auto& [topic, area] : area_of)
        EXPECT_TRUE(used.count(topic) == 1)
            << "'" << topic << "' (" << area << ") is no bank topic";
    EXPECT_EQ(area_of.at("evaluation"), "Evaluation");
    EXPECT_EQ(area_of.at("optimization"), "Optimization");
    EXPECT_EQ(area_of.at("data-preprocessing"), "Practical");
    EXPECT_EQ(area_of.at("ensembles"), "Algorithms");
    EXPECT_TRUE(guide.checklist[4].topics.empty());  // Communication
}

TEST(BundledContent, DirectoryFollowsTheEnvironment) {
    // Whatever the caller's environment says, it is put back afterwards.
    const char* outer = std::getenv("RAPIDFIRE_CONTENT_DIR");
    const bool was_set = outer != nullptr;
    const std::string saved = was_set ? outer : "";
    ASSERT_EQ(unsetenv("RAPIDFIRE_CONTENT_DIR"), 0);
    const auto configured = bundled_content_dir();
    EXPECT_TRUE(std::filesystem::is_regular_file(configured / "banks" / "ml-rapid-fire.json"));

    ASSERT_EQ(setenv("RAPIDFIRE_CONTENT_DIR", "/elsewhere/content", 1), 0);
    EXPECT_EQ(bundled_content_dir(), std::filesystem::path("/elsewhere/content"));
    EXPECT_EQ(bundled_bank_path(),
              std::filesystem::path("/elsewhere/content/banks/ml-rapid-fire.json"));
    EXPECT_EQ(bundled_guide_path(),
              std::filesystem::path("/elsewhere/content/guides/ml-interview-guide.json"));

    ASSERT_EQ(setenv("RAPIDFIRE_CONTENT_DIR", "", 1), 0);  // empty counts as unset
    EXPECT_EQ(bundled_content_dir(), configured);

    if (was_set) {
        setenv("RAPIDFIRE_CONTENT_DIR", saved.c_str(), 1);
    } else {
        unsetenv("RAPIDFIRE_CONTENT_DIR");
    }
}

}  // namespace
}  // namespace rapidfire::content
