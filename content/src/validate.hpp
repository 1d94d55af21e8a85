#pragma once
// The checks every bank passes whatever its format, so the game engine can rely on them.

#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/content/bank.hpp"

namespace rapidfire::content::detail {

// Where a question came from, so that errors point at it: a line in Markdown and CSV, a JSON
// path such as "questions[3]" in JSON.
struct Origin {
    int line = 0;
    std::string path;
};

// Topics are tags: trimmed, lower-case, inner spaces as '-'. Key terms: trimmed, lower-case.
std::string normalize_topic(std::string_view topic);
std::string normalize_key_term(std::string_view term);
// Normalizes every item and drops repeats, keeping the first.
void normalize_list(std::vector<std::string>& items, std::string (*normalize)(std::string_view));

// Non-empty text and answer, unique ids, at least one question, no control characters, and
// the limits in limits.hpp; wrong choices distinct from each other and from the answer
// (ignoring ASCII case and spacing). `origins` runs parallel to bank.questions.
void validate_bank(const Bank& bank, const std::string& file, const std::vector<Origin>& origins);

// Throws LoadError when `value` is longer than `max_chars` or holds control characters (tabs
// and newlines are allowed when `multiline`).
void check_string(std::string_view value, std::size_t max_chars, bool multiline,
                  const std::string& file, int line, const std::string& field);

}  // namespace rapidfire::content::detail
