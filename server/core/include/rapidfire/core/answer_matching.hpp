#pragma once
// Free-text answers: normalising them for grouping, and suggesting a verdict from how many of
// the reference answer's key terms they mention.

#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/protocol/enums.hpp"

namespace rapidfire::core {

// Lower-case ASCII letters, white space runs folded to one space, trimmed, trailing sentence
// punctuation dropped: "  Early  Stopping. " and "early stopping" group together.
std::string normalize_answer(std::string_view text);

// The question's key terms, or, when the bank gives none, the distinctive words of the
// reference answer (stop words and very short words left out).
std::vector<std::string> key_terms_for(const content::BankQuestion& question);

// The share (0..1) of key terms the normalised answer mentions.
double key_term_overlap(std::string_view normalized_answer, const std::vector<std::string>& terms);

// Correct from 0.6 of the key terms, partial from 0.3, wrong below.
protocol::Verdict suggest_verdict(double overlap);

// Trims white space at both ends.
std::string trim(std::string_view text);

}  // namespace rapidfire::core
