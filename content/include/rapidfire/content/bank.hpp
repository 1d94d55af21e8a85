#pragma once
// The question bank and the study material that ships with it. Plain data: the loaders fill
// it, the game engine reads it.

#include <string>
#include <vector>

namespace rapidfire::content {

struct BankQuestion {
    std::string id;                      // unique in the bank, e.g. "ml-07"
    std::vector<std::string> topics;     // lower-case tags, e.g. "evaluation"
    std::string text;                    // the question
    std::string answer;                  // the reference answer
    std::vector<std::string> key_terms;  // optional: what a good answer mentions
    // Optional, at most 3: wrong answers written for this question, shown in choice mode
    // before any drawn from other questions.
    std::vector<std::string> wrong_choices = {};
};

struct Bank {
    std::string title;
    std::string source;
    std::vector<BankQuestion> questions;
    std::string description;  // optional: how to practise with the bank, shown before a round
};

// One interview communication tip: in interview rooms the tips are the judge's rubric.
struct Tip {
    std::string id;     // short stable id, e.g. "structure"
    std::string title;  // e.g. "Structure Your Answers"
    std::string text;
};

struct FaqEntry {
    std::string question;
    std::string answer;
};

struct ChecklistItem {
    std::string area;  // e.g. "Algorithms"
    std::string text;
};

struct StudyGuide {
    std::string title;
    std::string introduction;
    std::string tips_introduction;
    std::vector<Tip> tips;
    std::vector<FaqEntry> faq;
    std::string checklist_title;
    std::vector<ChecklistItem> checklist;
    std::string source;  // optional: who wrote the material
};

}  // namespace rapidfire::content
