// Moodle's GIFT format: the forms the game plays, titles, categories, feedback and escapes,
// and the forms it refuses, with errors that name the line and column.

#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;
using Strings = std::vector<std::string>;
using Indexes = std::vector<int>;

Bank parse(std::string_view text) {
    return parse_bank_gift(text, "quiz.gift");
}

TEST(GiftBank, MultipleChoiceWithTitleAndFeedback) {
    const auto bank = parse(
        "// a comment\n"
        "::Capital of France:: What is the capital of France? {\n"
        "  ~London#No, that is England's.\n"
        "  =Paris#Right: on the Seine.\n"
        "  ~Berlin\n"
        "}\n");
    ASSERT_EQ(bank.questions.size(), 1u);
    const auto& q = bank.questions[0];
    EXPECT_EQ(q.id, "Capital-of-France");
    EXPECT_EQ(q.text, "What is the capital of France?");
    EXPECT_EQ(q.choices, (Strings{"London", "Paris", "Berlin"}));
    EXPECT_EQ(q.correct_choices, (Indexes{1}));
    EXPECT_EQ(q.answer, "Paris");
    // Without general feedback, the right answer's own feedback is shown to everyone.
    EXPECT_EQ(q.feedback, "Right: on the Seine.");
    EXPECT_TRUE(q.topics.empty());
    EXPECT_EQ(q.seconds, 0);
}

TEST(GiftBank, WeightsDecideWhatIsRight) {
    const auto bank = parse(
        "Which are primes? {~%50%2 ~%50%3 ~%-100%4 ~%0%9 =%0%1 ####Primes have two divisors.}\n");
    const auto& q = bank.questions[0];
    EXPECT_EQ(q.choices, (Strings{"2", "3", "4", "9", "1"}));
    EXPECT_EQ(q.correct_choices, (Indexes{0, 1}));
    EXPECT_EQ(q.answer, "2 / 3");
    EXPECT_EQ(q.feedback, "Primes have two divisors.");  // general feedback wins
    EXPECT_EQ(q.id, "gift-1");
}

TEST(GiftBank, SeveralEqualsAreSeveralRightChoices) {
    const auto q = parse("Pick the vowels. {=a =e ~b}").questions[0];
    EXPECT_EQ(q.correct_choices, (Indexes{0, 1}));
    EXPECT_EQ(q.answer, "a / e");
}

TEST(GiftBank, TrueFalse) {
    const auto bank = parse(
        "The sun is a star. {T}\n\n"
        "The sun orbits the earth.{FALSE#It does not.#Right: the earth orbits the sun.}\n\n"
        "Water is wet. {TRUE####Mostly.}\n\n"
        "Fire is cold. {f}\n");
    ASSERT_EQ(bank.questions.size(), 4u);
    EXPECT_EQ(bank.questions[0].choices, (Strings{"True", "False"}));
    EXPECT_EQ(bank.questions[0].correct_choices, (Indexes{0}));
    EXPECT_EQ(bank.questions[0].answer, "True");
    EXPECT_EQ(bank.questions[1].correct_choices, (Indexes{1}));
    EXPECT_EQ(bank.questions[1].answer, "False");
    // {T#feedback if wrong#feedback if right}: the right one is kept.
    EXPECT_EQ(bank.questions[1].feedback, "Right: the earth orbits the sun.");
    EXPECT_EQ(bank.questions[2].feedback, "Mostly.");
    EXPECT_EQ(bank.questions[3].answer, "False");
    EXPECT_EQ(bank.questions[3].id, "gift-4");
}

TEST(GiftBank, ShortAnswerAcceptsTheOthers) {
    const auto q = parse("Name a primary colour. {=red =blue#Yes. =%0%green =yellow}").questions[0];
    EXPECT_TRUE(q.choices.empty());
    EXPECT_EQ(q.answer, "red");
    EXPECT_EQ(q.accepted, (Strings{"blue", "yellow"}));  // a 0 weight is not accepted
    EXPECT_EQ(q.feedback, "Yes.");
}

TEST(GiftBank, CategoriesBecomeTopics) {
    const auto bank = parse(
        "Q1? {T}\n\n"
        "$CATEGORY: $course$/top/Machine Learning/Deep Learning\n\n"
        "Q2? {T}\n"
        "$CATEGORY: Statistics & Probability\n"
        "Q3? {T}\n\n"
        "$CATEGORY: $course$/top\n"
        "Q4? {T}\n");
    ASSERT_EQ(bank.questions.size(), 4u);
    EXPECT_TRUE(bank.questions[0].topics.empty());
    EXPECT_EQ(bank.questions[1].topics, (Strings{"deep-learning"}));
    EXPECT_EQ(bank.questions[2].topics, (Strings{"statistics-probability"}));
    EXPECT_TRUE(bank.questions[3].topics.empty());  // Moodle's root category says nothing
}

TEST(GiftBank, EscapesFormatsAndHtml) {
    const auto q = parse(
                       "::a\\:b::[html]<p>Is 1 \\= 1 in \\{braces\\}\\: really\\~?</p> {\n"
                       "=[plain]yes \\# sure#[markdown]*Of course*\n"
                       "~no\\nway}")
                       .questions[0];
    EXPECT_EQ(q.id, "a:b");
    EXPECT_EQ(q.text, "<p>Is 1 = 1 in {braces}: really~?</p>");  // HTML stays text
    EXPECT_EQ(q.choices, (Strings{"yes # sure", "no\nway"}));
    EXPECT_EQ(q.feedback, "*Of course*");
}

TEST(GiftBank, TitlesBecomeUniqueSafeIds) {
    const auto bank = parse(
        "::Same title:: Q1? {T}\n\n::Same title:: Q2? {T}\n\n::gift-4:: Q3? {T}\n\nQ4? {T}\n\n"
        ":::: Q5? {T}\n");
    ASSERT_EQ(bank.questions.size(), 5u);
    EXPECT_EQ(bank.questions[0].id, "Same-title");
    EXPECT_EQ(bank.questions[1].id, "Same-title-2");
    EXPECT_EQ(bank.questions[2].id, "gift-4");
    EXPECT_EQ(bank.questions[3].id, "gift-4-2");
    EXPECT_EQ(bank.questions[4].id, "gift-5");
    const auto long_title = parse("::" + std::string(100, 'x') + ":: Q? {T}\n");
    EXPECT_EQ(long_title.questions[0].id, std::string(64, 'x'));
}

TEST(GiftBank, CommentsInsideAQuestionAndCrlf) {
    const auto bank = parse("Q1? {\r\n// the right one\r\n=a\r\n~b\r\n}\r\n\r\nQ2? {F}\r\n");
    ASSERT_EQ(bank.questions.size(), 2u);
    EXPECT_EQ(bank.questions[0].choices, (Strings{"a", "b"}));
}

TEST(GiftBank, RefusesTheFormsItDoesNotPlay) {
    const auto refused = [](std::string_view text) { return load_error([&] { parse(text); }); };

    const auto matching = refused("Q1? {T}\n\n::m:: Match. {\n  =cat -> animal\n}\n");
    EXPECT_EQ(matching.line(), 4);
    EXPECT_EQ(matching.column(), 8);
    EXPECT_NE(std::string(matching.what()).find("quiz.gift:4:8: a matching question (->)"),
              std::string::npos)
        << matching.what();

    const auto numeric = refused("How much is 2+2? {#4}");
    EXPECT_EQ(numeric.line(), 1);
    EXPECT_EQ(numeric.column(), 18);
    EXPECT_NE(std::string(numeric.what()).find("numeric question"), std::string::npos);

    const auto essay = refused("Q1? {T}\n\nWrite about yourself. { }\n");
    EXPECT_EQ(essay.line(), 3);
    EXPECT_EQ(essay.column(), 23);
    EXPECT_NE(std::string(essay.what()).find("essay question"), std::string::npos);

    const auto missing_word = refused("Two plus {=two} is four.");
    EXPECT_EQ(missing_word.line(), 1);
    EXPECT_EQ(missing_word.column(), 17);
    EXPECT_NE(std::string(missing_word.what()).find("missing-word question"), std::string::npos);

    const auto description = refused("Q1? {T}\n\n  Just some text.\n");
    EXPECT_EQ(description.line(), 3);
    EXPECT_EQ(description.column(), 3);
    EXPECT_NE(std::string(description.what()).find("a description"), std::string::npos);
}

TEST(GiftBank, SyntaxErrorsNameLineAndColumn) {
    const auto never_closed = load_error([] { parse("Q1? {T}\n\nQ2? {\n=a\n\n~b}\n"); });
    EXPECT_STREQ(never_closed.what(),
                 "quiz.gift:3:5: the '{' here is never closed (a blank line ends a question)");
    const auto title = load_error([] { parse("::Unclosed title Q? {T}"); });
    EXPECT_EQ(title.line(), 1);
    EXPECT_EQ(title.column(), 1);
    const auto weight = load_error([] { parse("Q? {\n=a\n~%half%b}"); });
    EXPECT_EQ(weight.line(), 3);
    EXPECT_EQ(weight.column(), 2);
    EXPECT_NE(std::string(weight.what()).find("a weight is a percentage"), std::string::npos);
    const auto before = load_error([] { parse("Q? {a ~b =c}"); });
    EXPECT_EQ(before.column(), 5);
    EXPECT_NE(std::string(before.what()).find("text before the first answer"), std::string::npos);
    const auto unknown = load_error([] { parse("Q? {maybe}"); });
    EXPECT_EQ(unknown.column(), 5);
    EXPECT_NE(std::string(unknown.what()).find("cannot tell the question's form"),
              std::string::npos);
}

TEST(GiftBank, ChecksNameTheAnswerAtFault) {
    const auto no_right = load_error([] { parse("Q1? {T}\n\nQ2?\n{~a ~b}\n"); });
    EXPECT_EQ(no_right.line(), 4);
    EXPECT_EQ(no_right.column(), 1);
    EXPECT_NE(std::string(no_right.what()).find("no right answer"), std::string::npos);

    const auto twice = load_error([] { parse("Q? {\n  =Paris\n  ~London\n  ~paris\n}"); });
    EXPECT_STREQ(twice.what(), "quiz.gift:4:3: choices: the choice 'paris' is given twice");

    const auto empty = load_error([] { parse("Q? {=a ~ ~c}"); });
    EXPECT_EQ(empty.line(), 1);
    EXPECT_EQ(empty.column(), 8);
    EXPECT_NE(std::string(empty.what()).find("empty choice"), std::string::npos);

    const auto accepted = load_error([] { parse("Colour? {=red\n=blue =Red}"); });
    EXPECT_STREQ(accepted.what(),
                 "quiz.gift:2:7: accepted: the accepted answer 'Red' is the answer");

    const auto too_many = load_error([] { parse("Q? {=1 ~2 ~3 ~4 ~5 ~6 ~7}"); });
    EXPECT_EQ(too_many.column(), 4);
    EXPECT_NE(std::string(too_many.what())
                  .find("7 choices where a question with its own "
                        "choices has 2 to 6"),
              std::string::npos);

    const auto no_text = load_error([] { parse("::t:: {T}"); });
    EXPECT_STREQ(no_text.what(), "quiz.gift:1:7: question: empty question");
}

TEST(GiftBank, EmptyAndNotUtf8) {
    EXPECT_STREQ(load_error([] { parse("// only a comment\n\n$CATEGORY: x\n"); }).what(),
                 "quiz.gift: the bank has no questions");
    EXPECT_STREQ(load_error([] { parse("Q1? {T}\n\nCaf\xE9? {T}\n"); }).what(),
                 "quiz.gift:3:4: the file is not valid UTF-8");
}

}  // namespace
}  // namespace rapidfire::content
