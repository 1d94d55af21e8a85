#pragma once
// The offline commands: the bundled study guide and bank, printed word for word.

#include <string>
#include <vector>

#include "rapidfire/content/bank.hpp"

namespace rapidfire::client {

std::string format_tips(const content::StudyGuide& guide);
std::string format_faq(const content::StudyGuide& guide);
std::string format_checklist(const content::StudyGuide& guide);
// Only questions tagged with one of `topics` (all when empty).
std::string format_bank(const content::Bank& bank, const std::vector<std::string>& topics);

}  // namespace rapidfire::client
