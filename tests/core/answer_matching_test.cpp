#include "rapidfire/core/answer_matching.hpp"

#include <gtest/gtest.h>

namespace rapidfire::core {
namespace {

TEST(AnswerMatching, NormalisesCaseSpaceAndEndPunctuation) {
    EXPECT_EQ(normalize_answer("  Early   Stopping. "), "early stopping");
    EXPECT_EQ(normalize_answer("early stopping"), "early stopping");
    EXPECT_EQ(normalize_answer("Dropout!\n"), "dropout");
    EXPECT_EQ(normalize_answer(""), "");
}

TEST(AnswerMatching, UsesTheBanksKeyTermsWhenGiven) {
    content::BankQuestion q{
        "x", {}, "Q", "Dropout, early stopping.", {"Dropout", "Early Stopping"}};
    EXPECT_EQ(key_terms_for(q), (std::vector<std::string>{"dropout", "early stopping"}));
}

TEST(AnswerMatching, DerivesKeyTermsFromTheReferenceOtherwise) {
    content::BankQuestion q{"x", {}, "Q", "The step size of parameter updates during descent.", {}};
    const auto terms = key_terms_for(q);
    EXPECT_EQ(terms, (std::vector<std::string>{"step", "size", "parameter", "updates", "during",
                                               "descent"}));
}

TEST(AnswerMatching, SuggestsFromTheShareOfKeyTerms) {
    const std::vector<std::string> terms{"dropout", "early stopping", "weight decay"};
    EXPECT_DOUBLE_EQ(key_term_overlap("dropout and early stopping", terms), 2.0 / 3.0);
    EXPECT_EQ(suggest_verdict(key_term_overlap("dropout and early stopping", terms)),
              protocol::Verdict::correct);
    EXPECT_EQ(suggest_verdict(key_term_overlap("use dropout", terms)), protocol::Verdict::partial);
    EXPECT_EQ(suggest_verdict(key_term_overlap("more layers", terms)), protocol::Verdict::wrong);
    EXPECT_DOUBLE_EQ(key_term_overlap("anything", {}), 0.0);
}

TEST(AnswerMatching, StemsPluralsAndWordForms) {
    for (const char* word : {"tune", "tunes", "tuned", "tuning"})
        EXPECT_EQ(stem_word(word), "tun") << word;
    for (const char* word : {"stop", "stops", "stopped", "stopping"})
        EXPECT_EQ(stem_word(word), "stop") << word;
    for (const char* word : {"label", "labels", "labeled", "labelled", "labelling"})
        EXPECT_EQ(stem_word(word), "label") << word;
    for (const char* word : {"regularization", "regularisation", "regularize", "regularised"})
        EXPECT_EQ(stem_word(word), "regulariz") << word;
    EXPECT_EQ(stem_word("probabilities"), stem_word("probability"));
    EXPECT_EQ(stem_word("nonlinearity"), stem_word("nonlinear"));
    EXPECT_EQ(stem_word("sparsity"), stem_word("sparse"));
    EXPECT_EQ(stem_word("interpretability"), stem_word("interpretable"));
    EXPECT_EQ(stem_word("sequentially"), stem_word("sequential"));
    EXPECT_EQ(stem_word("convergence"), stem_word("converges"));
    EXPECT_EQ(stem_word("layers"), "layer");
    EXPECT_EQ(stem_word("classes"), "class");
    // Not plurals, short words and words with digits stay as they are.
    EXPECT_EQ(stem_word("bias"), "bias");
    EXPECT_EQ(stem_word("biases"), "bias");
    EXPECT_EQ(stem_word("loss"), "loss");
    EXPECT_EQ(stem_word("svm"), "svm");
    EXPECT_EQ(stem_word("l1"), "l1");
    EXPECT_EQ(stem_word("early"), "early");
}

TEST(AnswerMatching, MatchesCompoundsJoinedHyphenatedOrSplit) {
    for (const char* answer : {"adds non-linearity", "adds non linearity", "adds nonlinearity",
                               "adds non-linearities"}) {
        EXPECT_DOUBLE_EQ(key_term_credit(answer, "nonlinearity"), 1.0) << answer;
        EXPECT_DOUBLE_EQ(key_term_credit(answer, "non-linearity"), 1.0) << answer;
    }
    for (const char* answer : {"a pretrained model", "a pre-trained model", "a pre trained model"})
        EXPECT_DOUBLE_EQ(key_term_credit(answer, "pre-trained"), 1.0) << answer;
    EXPECT_DOUBLE_EQ(key_term_credit("fine-tune it", "fine-tuning"), 1.0);
    EXPECT_DOUBLE_EQ(key_term_credit("finetuned on new data", "fine-tuning"), 1.0);
}

TEST(AnswerMatching, MatchesATermsWordsAnywhereAndCountsAPartialTermPartly) {
    EXPECT_DOUBLE_EQ(key_term_credit("stop training early", "early stopping"), 1.0);
    EXPECT_DOUBLE_EQ(key_term_credit("the count of features", "number of features"), 0.5);
    EXPECT_DOUBLE_EQ(key_term_credit("unlabelled examples", "unlabeled data"), 0.5);
    // Whole words only: "labeled" is not found inside "unlabeled".
    EXPECT_DOUBLE_EQ(key_term_credit("unlabeled", "labeled"), 0.0);
    EXPECT_DOUBLE_EQ(key_term_credit("anything", ""), 0.0);
    const std::vector<std::string> terms{"dropout", "early stopping", "weight decay"};
    EXPECT_DOUBLE_EQ(key_term_overlap("dropout and weight clipping", terms), 1.5 / 3.0);
}

TEST(AnswerMatching, MatchesFormulaTermsAsWritten) {
    EXPECT_DOUBLE_EQ(key_term_credit("it models P(x, y) jointly", "p(x,y)"), 1.0);
    EXPECT_DOUBLE_EQ(key_term_credit("it models p(y|x)", "p(x,y)"), 0.0);
    EXPECT_DOUBLE_EQ(key_term_credit("it models p( y | x )", "p(y|x)"), 1.0);
}

// The answers from issue #13 that used to be suggested wrong, with the bundled bank's terms.
TEST(AnswerMatching, SuggestsRightAnswersInOtherWordsCorrect) {
    const std::vector<std::string> transfer{"pre-trained", "starting point", "related task",
                                            "fine-tuning"};
    EXPECT_EQ(
        suggest_verdict(key_term_overlap(
            normalize_answer(
                "Reuse a model pretrained on a big dataset and fine-tune it for a related task"),
            transfer)),
        protocol::Verdict::correct);
    const std::vector<std::string> activation{"nonlinearity", "neural networks", "linear layers",
                                              "linear model"};
    EXPECT_EQ(suggest_verdict(key_term_overlap(
                  normalize_answer("It adds non-linearity, otherwise stacked layers collapse into "
                                   "one linear model"),
                  activation)),
              protocol::Verdict::correct);
}

}  // namespace
}  // namespace rapidfire::core
