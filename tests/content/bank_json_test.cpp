#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;

Bank parse(std::string_view text) {
    return parse_bank_json(text, "bank.json");
}

// A bank whose second question's body is `second`.
std::string with_second(std::string_view second) {
    return R"({"title": "T", "questions": [{"id": "a", "text": "Q?", "answer": "A."}, )" +
           std::string(second) + "]}";
}

TEST(JsonBank, ReadsAllFields) {
    const auto bank = parse(R"({
        "title": " Demo ", "source": "Me", "description": "Answer fast.",
        "questions": [
            {"id": "d-1", "topics": ["Deep Learning", "deep-learning", "NLP"],
             "text": "What is attention?", "answer": "A weighted sum.",
             "key_terms": ["Weighted Sum"]},
            {"id": "d-2", "text": "Q2?", "answer": "A2."}
        ]})");
    EXPECT_EQ(bank.title, "Demo");
    EXPECT_EQ(bank.source, "Me");
    EXPECT_EQ(bank.description, "Answer fast.");
    ASSERT_EQ(bank.questions.size(), 2u);
    // Topics are normalized to lower-case tags, without repeats.
    EXPECT_EQ(bank.questions[0].topics, (std::vector<std::string>{"deep-learning", "nlp"}));
    EXPECT_EQ(bank.questions[0].key_terms, (std::vector<std::string>{"weighted sum"}));
    EXPECT_TRUE(bank.questions[1].topics.empty());
    EXPECT_TRUE(bank.questions[1].key_terms.empty());
}

TEST(JsonBank, DuplicateIdNamesThePath) {
    const auto error =
        load_error([] { parse(with_second(R"({"id": "a", "text": "Q2?", "answer": "A2."})")); });
    EXPECT_EQ(error.line(), 0);
    EXPECT_EQ(error.field(), "questions[1].id");
    EXPECT_STREQ(error.what(),
                 "bank.json: questions[1].id: duplicate id 'a' (first used at questions[0])");
}

TEST(JsonBank, WrongTypeNamesTheFieldPath) {
    const auto text = R"({"title": "T", "questions": [
        {"id": "1", "text": "Q?", "answer": "A"}, {"id": "2", "text": "Q?", "answer": "A"},
        {"id": "3", "text": "Q?", "answer": "A"}, {"id": "4", "text": "Q?", "answer": 42}]})";
    const auto error = load_error([&] { parse(text); });
    EXPECT_EQ(error.field(), "questions[3].answer");
    EXPECT_STREQ(error.what(), "bank.json: questions[3].answer: expected a string, got a number");

    EXPECT_EQ(load_error([] {
                  parse(with_second(R"({"id": "b", "text": "Q", "answer": "A",
                                                    "topics": "one"})"));
              }).field(),
              "questions[1].topics");
    EXPECT_EQ(load_error([] {
                  parse(with_second(R"({"id": "b", "text": "Q", "answer": "A",
                                                    "key_terms": ["ok", 3]})"));
              }).field(),
              "questions[1].key_terms[1]");
    EXPECT_EQ(load_error([] { parse(with_second("[]")); }).field(), "questions[1]");
    EXPECT_STREQ(load_error([] { parse("[]"); }).what(),
                 "bank.json: expected an object, got an array");
}

TEST(JsonBank, MissingAndUnknownFields) {
    EXPECT_STREQ(load_error([] { parse(with_second(R"({"id": "b", "text": "Q?"})")); }).what(),
                 "bank.json: questions[1].answer: missing field");
    EXPECT_STREQ(load_error([] {
                     parse(with_second(R"({"id": "b", "text": "Q?", "anwser": "A"})"));
                 }).what(),
                 "bank.json: questions[1].anwser: unknown field");
    EXPECT_STREQ(load_error([] { parse(R"({"questions": []})"); }).what(),
                 "bank.json: title: missing field");
}

TEST(JsonBank, EmptyTextOrAnswer) {
    EXPECT_STREQ(
        load_error([] { parse(with_second(R"({"id": "b", "text": " ", "answer": "A"})")); }).what(),
        "bank.json: questions[1].text: empty question");
    EXPECT_STREQ(
        load_error([] { parse(with_second(R"({"id": "b", "text": "Q", "answer": ""})")); }).what(),
        "bank.json: questions[1].answer: empty answer");
    EXPECT_STREQ(load_error([] {
                     parse(with_second(R"({"id": "b", "text": "Q", "answer": "A",
                                          "topics": [""]})"));
                 }).what(),
                 "bank.json: questions[1].topics: empty item");
}

TEST(JsonBank, EmptyBank) {
    EXPECT_STREQ(load_error([] { parse(R"({"title": "T", "questions": []})"); }).what(),
                 "bank.json: questions: the bank has no questions");
}

TEST(JsonBank, SyntaxErrorNamesTheLine) {
    const auto error = load_error([] { parse("{\n  \"title\": \"T\",\n  \"questions\": [,]\n}"); });
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.column(), 17);  // the stray comma
    EXPECT_NE(std::string(error.what()).find("bank.json:3:17: invalid JSON"), std::string::npos);
    EXPECT_EQ(load_error([] { parse("{\"title\": \"T\"}\n\nextra"); }).line(), 3);
}

TEST(JsonBank, NotUtf8NamesTheLine) {
    const auto error = load_error([] { parse("{\n\"title\": \"\xFF\",\n\"questions\": []}"); });
    EXPECT_STREQ(error.what(), "bank.json:2:11: the file is not valid UTF-8");
}

TEST(JsonBank, ControlCharactersAndLimits) {
    EXPECT_STREQ(load_error([] {
                     parse(with_second(R"({"id": "b", "text": "Q\u0007", "answer": "A"})"));
                 }).what(),
                 "bank.json: questions[1].text: contains a control character");
    EXPECT_STREQ(load_error([] {
                     parse(with_second(R"({"id": "b c", "text": "Q", "answer": "A"})"));
                 }).what(),
                 "bank.json: questions[1].id: an id may not contain spaces");
    const std::string long_text(1001, 'x');
    EXPECT_STREQ(
        load_error([&] {
            parse(with_second(R"({"id": "b", "answer": "A", "text": ")" + long_text + "\"}"));
        }).what(),
        "bank.json: questions[1].text: longer than 1000 characters");
}

}  // namespace
}  // namespace rapidfire::content
