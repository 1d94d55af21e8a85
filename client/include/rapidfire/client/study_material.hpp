#pragma once
// The offline commands: the bundled study guide and bank, printed word for word. With a width
// (stdout is a terminal), long lines are wrapped between words to fit it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/content/bank.hpp"

namespace rapidfire::client {

// `text` with every line longer than `width` columns broken at spaces, so no word is cut.
// A continuation keeps the line's indent, and a list item's ("- ", "3. ") text lines up under
// its first word. A word longer than a whole line is the one thing cut, so that no line is
// wider than `width`. Columns are counted in UTF-8 characters; ANSI escape sequences take
// none. `width` 0: `text` as it is.
std::string wrap_text(std::string_view text, int width);

// The same for text laid out by the caller, such as a numbered choice: `text` as lines of at
// most `width` columns, each after the first starting `hang` spaces in (at the margin when that
// leaves less than half the width), also after a newline in `text`. A style open at a break
// is closed at the end of the line and opened again on the next. `width` 0: split at newlines.
std::vector<std::string> wrap_hanging(std::string_view text, int width, int hang);

// Columns `text` takes on a terminal: UTF-8 characters, escape sequences left out.
std::size_t text_columns(std::string_view text);

std::string format_tips(const content::StudyGuide& guide, int width = 0);
std::string format_faq(const content::StudyGuide& guide, int width = 0);
std::string format_checklist(const content::StudyGuide& guide, int width = 0);

// The bank's topics, sorted, each with how many questions carry it.
struct TopicCount {
    std::string topic;
    int questions = 0;
};
std::vector<TopicCount> bank_topics(const content::Bank& bank);
// bank --topics: one topic a line with its number of questions.
std::string format_bank_topics(const content::Bank& bank);
// The error for the first of `topics` that no question carries (topics match in any ASCII
// case), listing the bank's topics; nothing when every topic is in the bank.
std::optional<std::string> unknown_bank_topic(const content::Bank& bank,
                                              const std::vector<std::string>& topics);
// Only questions tagged with one of `topics`, in any ASCII case (all when empty).
std::string format_bank(const content::Bank& bank, const std::vector<std::string>& topics,
                        int width = 0);

}  // namespace rapidfire::client
