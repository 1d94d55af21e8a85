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

}  // namespace
}  // namespace rapidfire::core
