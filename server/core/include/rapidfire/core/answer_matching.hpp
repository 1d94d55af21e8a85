#pragma once
// Free-text answers: normalising them for grouping, and suggesting a verdict from how many of
// the reference answer's key terms they mention. Matching is by word stems, not by exact text,
// so "non-linearity", "non linearity" and "nonlinearity" are the same, as are "pre-trained"
// and "pretrained", or "fine-tune" and "fine-tuning".

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

// A small suffix stemmer for lower-case English words, enough to match a key term's word forms:
// British -ise spellings become -ize; then a plural or third-person s goes ("layers",
// "probabilities" -> "probability"; not "bias", "loss", "focus", "analysis"); then at most one of
// -ation, -bility (as -ble), -ity, -ness, -ly, -ance, -ence, -ing, -ed; then a final e and a
// doubled final consonant. "tune", "tuned", "tuning" all give "tun"; "stopping" gives "stop". Words
// of up to three letters, or with digits, stay as they are; stripping never leaves fewer than three
// letters. Stems are only ever compared with stems: they need not be words.
std::string stem_word(std::string_view word);

// How much (0..1) of one key term the normalised answer mentions: the share of the term's words
// (leaving out "of", "the" and the like) whose stems appear anywhere in the answer, a compound
// counting when written joined or split on either side. A term with symbols ("p(x,y)") counts 1
// when it appears as written (white space aside), else 0.
double key_term_credit(std::string_view normalized_answer, std::string_view term);

// The mean credit (0..1) of the key terms: each term weighs the same, and a term partly
// mentioned counts partly.
double key_term_overlap(std::string_view normalized_answer, const std::vector<std::string>& terms);

// Correct from 0.6 of the key terms, partial from 0.3, wrong below (PROTOCOL.md states these).
protocol::Verdict suggest_verdict(double overlap);

// Matches typed answers against one question's reference answer. What counts as the reference:
// the reference answer itself, the bank's accepted alternatives (`accepted`) and, for a
// question with its own choices, each of its correct choices.
class ReferenceMatcher {
  public:
    explicit ReferenceMatcher(const content::BankQuestion& question);

    // Whether the normalised answer is the reference or one of its alternatives (all
    // normalised by normalize_answer).
    bool is_reference(std::string_view normalized_answer) const;
    // The reference answer normalised: the one group of every answer that is_reference.
    const std::string& normalized_reference() const { return reference_; }
    // How much (0..1) of the reference the normalised answer gives: 1 when it is_reference;
    // else its key_term_overlap with the question's key terms (key_terms_for), or with an
    // accepted alternative's distinctive words when that is more.
    double overlap(std::string_view normalized_answer) const;

  private:
    std::string reference_;
    std::vector<std::string> alternatives_;  // normalised, none empty
    std::vector<std::string> terms_;
    std::vector<std::vector<std::string>> accepted_terms_;  // each accepted answer's words
};

// Trims white space at both ends.
std::string trim(std::string_view text);

}  // namespace rapidfire::core
