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
// its first word. A word longer than the width stays whole on a line of its own. Columns are
// counted in UTF-8 characters. `width` 0: `text` as it is.
std::string wrap_text(std::string_view text, int width);

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
