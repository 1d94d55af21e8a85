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
    // Optional: the question's own choices (an imported quiz's), played as they are, in this
    // order, instead of the reference answer and drawn distractors; `correct_choices` are
    // indexes into them, at least one. `answer` then names the correct choice(s).
    std::vector<std::string> choices = {};
    std::vector<int> correct_choices = {};
    // Optional: this question's own time limit in seconds (0: the room's).
    int seconds = 0;
    // Optional: other answers that count as right (a GIFT short answer's alternatives); used
    // where answers are matched against the reference.
    std::vector<std::string> accepted = {};
    // Optional: shown with the reference answer once the question closes (GIFT's feedback).
    std::string feedback = {};
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
    // Optional: the bank topics this area covers, so what was missed points to it.
    std::vector<std::string> topics = {};
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
