// How well the judge's suggested verdicts agree with a human's, measured on labelled answers to
// the bundled bank (tests/data/judge-answers.tsv). The floors are documented in GAME.md.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rapidfire/content/loader.hpp"
#include "rapidfire/core/answer_matching.hpp"

namespace rapidfire::core {
namespace {

using protocol::Verdict;

struct Labelled {
    std::string question;
    Verdict label;
    std::string answer;
};

// The data file sits next to this test's folder: tests/data/judge-answers.tsv.
std::filesystem::path answers_path() {
    return std::filesystem::path(__FILE__).parent_path().parent_path() / "data" /
           "judge-answers.tsv";
}

std::vector<Labelled> load_answers() {
    std::ifstream in(answers_path());
    if (!in)
        ADD_FAILURE() << "cannot read " << answers_path();
    std::vector<Labelled> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const auto tab1 = line.find('\t');
        const auto tab2 = line.find('\t', tab1 + 1);
        if (tab1 == std::string::npos || tab2 == std::string::npos) {
            ADD_FAILURE() << "malformed line: " << line;
            continue;
        }
        const std::string label = line.substr(tab1 + 1, tab2 - tab1 - 1);
        Verdict verdict = Verdict::wrong;
        if (label == "right") {
            verdict = Verdict::correct;
        } else if (label == "partial") {
            verdict = Verdict::partial;
        } else if (label != "wrong") {
            ADD_FAILURE() << "unknown label: " << line;
            continue;
        }
        out.push_back({line.substr(0, tab1), verdict, line.substr(tab2 + 1)});
    }
    return out;
}

std::string label_name(Verdict label) {
    return label == Verdict::correct ? "right" : protocol::name_of(label);
}

std::map<std::string, content::BankQuestion> bundled_questions() {
    std::map<std::string, content::BankQuestion> out;
    for (auto& q : content::load_bank(content::bundled_bank_path()).questions)
        out.emplace(q.id, std::move(q));
    return out;
}

TEST(SuggestionQuality, TheLabelledSetCoversEveryBundledQuestion) {
    const auto questions = bundled_questions();
    const auto answers = load_answers();
    EXPECT_GE(answers.size(), 100u);
    std::map<std::string, std::map<Verdict, int>> per_question;
    for (const auto& a : answers) {
        EXPECT_TRUE(questions.count(a.question) == 1) << "unknown question " << a.question;
        ++per_question[a.question][a.label];
    }
    for (const auto& [id, question] : questions) {
        EXPECT_GE(per_question[id][Verdict::correct], 1) << id;
        EXPECT_GE(per_question[id][Verdict::partial], 1) << id;
        EXPECT_GE(per_question[id][Verdict::wrong], 1) << id;
    }
}

TEST(SuggestionQuality, TheReferenceAnswerMentionsEveryKeyTerm) {
    for (const auto& [id, question] : bundled_questions()) {
        EXPECT_DOUBLE_EQ(
            key_term_overlap(normalize_answer(question.answer), key_terms_for(question)), 1.0)
            << id;
    }
}

// Prints the figures and holds them to the floors; a failure lists every disagreement.
TEST(SuggestionQuality, CorrectSuggestionsMatchTheLabelsAboveTheFloors) {
    const auto questions = bundled_questions();
    int right = 0, wrong = 0, suggested_correct = 0, right_suggested_correct = 0;
    int wrong_suggested_correct = 0, right_suggested_wrong = 0, agree = 0, total = 0;
    std::ostringstream disagreements;
    for (const auto& a : load_answers()) {
        const auto it = questions.find(a.question);
        if (it == questions.end())
            continue;
        const double overlap =
            key_term_overlap(normalize_answer(a.answer), key_terms_for(it->second));
        const Verdict s = suggest_verdict(overlap);
        ++total;
        agree += s == a.label ? 1 : 0;
        suggested_correct += s == Verdict::correct ? 1 : 0;
        if (a.label == Verdict::correct) {
            ++right;
            right_suggested_correct += s == Verdict::correct ? 1 : 0;
            right_suggested_wrong += s == Verdict::wrong ? 1 : 0;
        } else if (a.label == Verdict::wrong) {
            ++wrong;
            wrong_suggested_correct += s == Verdict::correct ? 1 : 0;
        }
        if (s != a.label) {
            disagreements << "\n  " << a.question << " labelled " << label_name(a.label)
                          << ", suggested " << protocol::name_of(s) << " (" << overlap
                          << "): " << a.answer;
        }
    }
    ASSERT_GT(right, 0);
    ASSERT_GT(wrong, 0);
    const double precision =
        suggested_correct == 0 ? 0.0 : double(right_suggested_correct) / suggested_correct;
    const double recall = double(right_suggested_correct) / right;
    const double wrong_as_correct = double(wrong_suggested_correct) / wrong;
    const double right_as_wrong = double(right_suggested_wrong) / right;
    std::cout << "correct suggestions: precision " << precision << ", recall " << recall
              << "; labelled wrong suggested correct " << wrong_as_correct
              << "; labelled right suggested wrong " << right_as_wrong << "; agreement "
              << double(agree) / total << " of " << total << "\n";
    // Measured: precision 1.00, recall 0.57, wrong as correct 0.00, right as wrong 0.05.
    EXPECT_GE(precision, 0.90) << disagreements.str();
    EXPECT_GE(recall, 0.50) << disagreements.str();
    EXPECT_LE(wrong_as_correct, 0.05) << disagreements.str();
    EXPECT_LE(right_as_wrong, 0.10) << disagreements.str();
}

}  // namespace
}  // namespace rapidfire::core
