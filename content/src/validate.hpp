#pragma once
// The checks every bank passes whatever its format, so the game engine can rely on them.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "text.hpp"

namespace rapidfire::content::detail {

// Where a question came from, so that errors point at it: a line in Markdown and CSV, a JSON
// path such as "questions[3]" in JSON.
struct Origin {
    int line = 0;
    std::string path;
    // Where some fields start, for formats that know it (a table's cells, a GIFT answer), named
    // as validate_bank names them: "question", "answer", "choices[2]" (0-based). An error about
    // such a field names its line and column; others name `line`.
    std::vector<std::pair<std::string, Position>> fields = {};

    void mark(std::string field, Position at) { fields.emplace_back(std::move(field), at); }
    // The position of `field`, else {line, 0}.
    Position position(std::string_view field) const;
};

// Topics are tags: trimmed, lower-case, inner spaces as '-'. Key terms: trimmed, lower-case.
std::string normalize_topic(std::string_view topic);
std::string normalize_key_term(std::string_view term);
// Normalizes every item and drops repeats, keeping the first.
void normalize_list(std::vector<std::string>& items, std::string (*normalize)(std::string_view));

// Two answers read the same when they differ only in ASCII case or spacing: players could not
// tell them apart.
std::string choice_key(std::string_view text);

// What `answer` holds for a question with its own choices: the correct ones, joined by " / ".
std::string correct_choices_text(const BankQuestion& question);

// Non-empty text and answer, unique ids, at least one question, no control characters, and
// the limits in limits.hpp; wrong choices distinct from each other and from the answer
// (ignoring ASCII case and spacing); own choices 2 to 6, distinct, with at least one correct
// index, each in range and given once; accepted answers distinct from each other and the
// answer; a time limit of 0 or 5 to 240 seconds. `origins` runs parallel to bank.questions.
void validate_bank(const Bank& bank, const std::string& file, const std::vector<Origin>& origins);

// Throws LoadError when `value` is longer than `max_chars` or holds control characters (tabs
// and newlines are allowed when `multiline`).
void check_string(std::string_view value, std::size_t max_chars, bool multiline,
                  const std::string& file, int line, const std::string& field);
void check_string(std::string_view value, std::size_t max_chars, bool multiline,
                  const std::string& file, Position at, const std::string& field);

}  // namespace rapidfire::content::detail
