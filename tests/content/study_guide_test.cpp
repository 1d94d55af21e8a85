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

TEST(StudyGuideJson, ChecklistTopicsAreOptionalTagsLikeAQuestions) {
    const auto guide = parse(R"({"title": "G", "checklist": [
        {"area": "Algorithms", "text": "Compare them.",
         "topics": [" Model Selection ", "kernels", "KERNELS"]},
        {"area": "Communication", "text": "Explain it."}]})");
    ASSERT_EQ(guide.checklist.size(), 2u);
    EXPECT_EQ(guide.checklist[0].topics, (std::vector<std::string>{"model-selection", "kernels"}));
    EXPECT_TRUE(guide.checklist[1].topics.empty());
}

TEST(StudyGuideJson, ChecklistTopicErrors) {
    EXPECT_STREQ(load_error([] {
                     parse(R"({"title": "G", "checklist": [
                         {"area": "A", "text": "x", "topics": ["evaluation"]},
                         {"area": "B", "text": "y", "topics": ["kernels", "Evaluation"]}]})");
                 }).what(),
                 "guide.json: checklist[1].topics: the topic 'evaluation' is already under 'A'");
    EXPECT_STREQ(load_error([] {
                     parse(R"({"title": "G", "checklist": [
                         {"area": "A", "text": "x", "topics": ["  "]}]})");
                 }).what(),
                 "guide.json: checklist[0].topics: empty item");
    EXPECT_STREQ(load_error([] {
                     parse(R"({"title": "G", "checklist": [
                         {"area": "A", "text": "x", "topics": [3]}]})");
                 }).what(),
                 "guide.json: checklist[0].topics[0]: expected a string, got a number");
    EXPECT_STREQ(load_error([] {
                     parse(R"({"title": "G", "checklist": [
                         {"area": "A", "text": "x", "topics": "evaluation"}]})");
                 }).what(),
                 "guide.json: checklist[0].topics: expected an array, got a string");
    const std::string long_topic(41, 'a');
    EXPECT_STREQ(
        load_error([&] {
            parse(R"({"title": "G", "checklist": [{"area": "A", "text": "x", "topics": [")" +
                  long_topic + R"("]}]})");
        }).what(),
        "guide.json: checklist[0].topics: longer than 40 characters");
    std::string many;
    for (int i = 0; i < 65; ++i)
        many += (i ? ", \"t" : "\"t") + std::to_string(i) + "\"";
    EXPECT_STREQ(
        load_error([&] {
            parse(R"({"title": "G", "checklist": [{"area": "A", "text": "x", "topics": [)" + many +
                  "]}]}");
        }).what(),
        "guide.json: checklist[0].topics: more than 64 items");
}

}  // namespace
}  // namespace rapidfire::content
