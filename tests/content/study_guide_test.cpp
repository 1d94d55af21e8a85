#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;

StudyGuide parse(std::string_view text) {
    return parse_study_guide_json(text, "guide.json");
}

TEST(StudyGuideJson, ReadsAllSections) {
    const auto guide = parse(R"({
        "title": "Guide", "source": "Us", "introduction": "Intro.",
        "tips_introduction": "Tips intro.",
        "tips": [{"id": "structure", "title": "Structure", "text": "Say it in order."}],
        "faq": [{"question": "Why?", "answer": "Because."}],
        "checklist_title": "Checklist",
        "checklist": [{"area": "Algorithms", "text": "Can you compare them?"}]})");
    EXPECT_EQ(guide.title, "Guide");
    EXPECT_EQ(guide.source, "Us");
    EXPECT_EQ(guide.introduction, "Intro.");
    EXPECT_EQ(guide.tips_introduction, "Tips intro.");
    ASSERT_EQ(guide.tips.size(), 1u);
    EXPECT_EQ(guide.tips[0].id, "structure");
    EXPECT_EQ(guide.tips[0].title, "Structure");
    EXPECT_EQ(guide.tips[0].text, "Say it in order.");
    ASSERT_EQ(guide.faq.size(), 1u);
    EXPECT_EQ(guide.faq[0].answer, "Because.");
    EXPECT_EQ(guide.checklist_title, "Checklist");
    ASSERT_EQ(guide.checklist.size(), 1u);
    EXPECT_EQ(guide.checklist[0].area, "Algorithms");
}

TEST(StudyGuideJson, OnlyTheTitleIsRequired) {
    const auto guide = parse(R"({"title": "Guide"})");
    EXPECT_TRUE(guide.tips.empty());
    EXPECT_TRUE(guide.faq.empty());
    EXPECT_STREQ(load_error([] { parse("{}"); }).what(), "guide.json: title: missing field");
}

TEST(StudyGuideJson, Errors) {
    EXPECT_STREQ(load_error([] {
                     parse(R"({"title": "G", "tips": [{"id": "a", "title": "A", "text": "x"},
                                                     {"id": "a", "title": "B", "text": "y"}]})");
                 }).what(),
                 "guide.json: tips[1].id: duplicate tip id 'a'");
    EXPECT_STREQ(load_error([] {
                     parse(R"({"title": "G", "tips": [{"id": "a", "title": "A", "text": 1}]})");
                 }).what(),
                 "guide.json: tips[0].text: expected a string, got a number");
    EXPECT_STREQ(load_error([] {
                     parse(R"({"title": "G", "faq": [{"question": "Q", "answer": ""}]})");
                 }).what(),
                 "guide.json: faq[0].answer: empty");
    EXPECT_STREQ(load_error([] { parse(R"({"title": "G", "checklist": {}})"); }).what(),
                 "guide.json: checklist: expected an array, got an object");
}

}  // namespace
}  // namespace rapidfire::content
