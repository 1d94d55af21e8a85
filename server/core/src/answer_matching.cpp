#include "rapidfire/core/answer_matching.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

namespace rapidfire::core {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr std::array<std::string_view, 48> stop_words = {
    "the",    "and",   "for",       "that",     "with",  "from",   "this",    "into",
    "than",   "then",  "them",      "they",     "their", "there",  "which",   "while",
    "what",   "when",  "where",     "each",     "some",  "such",   "used",    "uses",
    "using",  "also",  "more",      "most",     "less",  "other",  "only",    "over",
    "same",   "still", "would",     "about",    "after", "before", "between", "without",
    "rather", "often", "typically", "directly", "like",  "being",  "does",    "have"};

bool is_stop_word(std::string_view word) {
    return std::find(stop_words.begin(), stop_words.end(), word) != stop_words.end();
}

// Words of a key term that carry no meaning of their own: "number of features" is matched by
// "number" and "features". Deliberately shorter than stop_words: "same data", "before training"
// and "without explicitly transforming" need their first word.
constexpr std::array<std::string_view, 16> term_filler_words = {
    "a",  "an", "the", "of",  "to",  "in", "on", "at",
    "by", "as", "or",  "and", "for", "is", "it", "its"};

bool is_term_filler(std::string_view word) {
    return std::find(term_filler_words.begin(), term_filler_words.end(), word) !=
           term_filler_words.end();
}

bool ends_with(std::string_view word, std::string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Lower-case runs of ASCII letters and digits; everything else (spaces, hyphens, slashes,
// punctuation) separates words, so "non-linearity" gives "non" and "linearity".
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (is_alnum(c)) {
            word.push_back(ascii_lower(c));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

// A term with symbols other than word separators ("p(x,y)", "p(y|x)") is a formula: it is
// matched as written, white space ignored, since its letters alone say nothing.
bool is_formula(std::string_view term) {
    return std::any_of(term.begin(), term.end(), [](char c) {
        return !is_alnum(c) && !is_space(c) && c != '-' && c != '/' && c != '\'' && c != '.';
    });
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (!is_space(c))
            out.push_back(ascii_lower(c));
    }
    return out;
}

// What the answer offers to match against: the stem of every word and of every two adjacent
// words joined, so a term written "nonlinearity" is found in "non linearity" or
// "non-linearity". (The reverse, a term written "pre-trained" found in "pretrained", is done
// while matching the term.)
struct AnswerWords {
    std::unordered_set<std::string> stems;
    std::string compact;  // the answer without white space, for formula terms
};

AnswerWords answer_words(std::string_view normalized_answer) {
    AnswerWords out;
    const auto words = words_of(normalized_answer);
    for (std::size_t i = 0; i < words.size(); ++i) {
        out.stems.insert(stem_word(words[i]));
        if (i + 1 < words.size())
            out.stems.insert(stem_word(words[i] + words[i + 1]));
    }
    out.compact = without_spaces(normalized_answer);
    return out;
}

double term_credit(const AnswerWords& answer, std::string_view term) {
    if (is_formula(term)) {
        const std::string compact = without_spaces(term);
        return !compact.empty() && answer.compact.find(compact) != std::string::npos ? 1.0 : 0.0;
    }
    std::vector<std::string> words;
    for (auto& word : words_of(term)) {
        if (!is_term_filler(word))
            words.push_back(std::move(word));
    }
    if (words.empty())
        words = words_of(term);  // a term of filler words alone still has to be matched
    if (words.empty())
        return 0.0;
    std::size_t found = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (answer.stems.count(stem_word(words[i])) != 0) {
            ++found;
        } else if (i + 1 < words.size() &&
                   answer.stems.count(stem_word(words[i] + words[i + 1])) != 0) {
            found += 2;  // a split compound ("pre trained") written as one word in the answer
            ++i;
        }
    }
    return static_cast<double>(found) / static_cast<double>(words.size());
}

}  // namespace

std::string stem_word(std::string_view input) {
    std::string w(input);
    const auto strip = [&w](std::string_view suffix, std::size_t keep, std::string_view add = "") {
        if (!ends_with(w, suffix) || w.size() - suffix.size() < keep)
            return false;
        w.resize(w.size() - suffix.size());
        w.append(add);
        return true;
    };
    if (w.size() <= 3 ||
        !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return w;
    // British spellings as American: "regularisation", "regularised" as with a z.
    for (const std::string_view suffix : {"isation", "ising", "ised", "ises", "ise"}) {
        if (w.size() >= 6 && ends_with(w, suffix)) {
            w[w.size() - suffix.size() + 1] = 'z';
            break;
        }
    }
    // Plurals and third persons: "probabilities", "classes", "layers". Not "loss", "focus",
    // "analysis" or "bias": a plural in -as ("ideas") is rarer in answers than "bias".
    if (!strip("ies", 2, "y") && !strip("ied", 2, "y") && !strip("sses", 2, "ss")) {
        const bool not_plural =
            ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is") || ends_with(w, "as");
        if (ends_with(w, "s") && !not_plural)
            w.pop_back();
    }
    // One derivational or inflectional suffix, the first that fits.
    (void)(strip("ation", 4) || strip("bility", 3, "ble") || strip("ity", 4) || strip("ness", 4) ||
           strip("ly", 4) || strip("ance", 4) || strip("ence", 4) || strip("ing", 3) ||
           strip("ed", 3));
    // A final e and a doubled final consonant: "tune"/"tuning", "stopping"/"stop".
    strip("e", 3);
    const std::size_t n = w.size();
    if (n >= 4 && w[n - 1] == w[n - 2] && w[n - 1] != 's' &&
        std::string_view("aeiou").find(w[n - 1]) == std::string_view::npos) {
        w.pop_back();
    }
    return w;
}

std::string trim(std::string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_space(text[begin]))
        ++begin;
    while (end > begin && is_space(text[end - 1]))
        --end;
    return std::string(text.substr(begin, end - begin));
}

std::string normalize_answer(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out.push_back(' ');
        pending_space = false;
        out.push_back(ascii_lower(c));
    }
    while (!out.empty() && (out.back() == '.' || out.back() == '!' || out.back() == '?')) {
        out.pop_back();
    }
    return out;
}

namespace {

// The distinctive words of an answer, in order, without repeats: stop words and words of fewer
// than 4 characters left out, at most 8.
std::vector<std::string> distinctive_words(std::string_view text) {
    std::vector<std::string> terms;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 4 && !is_stop_word(word) &&
            std::find(terms.begin(), terms.end(), word) == terms.end()) {
            terms.push_back(word);
        }
        word.clear();
    };
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word.push_back(ascii_lower(c));
        } else {
            flush();
        }
    }
    flush();
    if (terms.size() > 8)
        terms.resize(8);
    return terms;
}

}  // namespace

std::vector<std::string> key_terms_for(const content::BankQuestion& question) {
    if (!question.key_terms.empty()) {
        std::vector<std::string> terms;
        for (const auto& term : question.key_terms)
            terms.push_back(normalize_answer(term));
        return terms;
    }
    // Fall back to the reference answer's distinctive words.
    return distinctive_words(question.answer);
}

double key_term_credit(std::string_view normalized_answer, std::string_view term) {
    return term_credit(answer_words(normalized_answer), term);
}

double key_term_overlap(std::string_view normalized_answer, const std::vector<std::string>& terms) {
    if (terms.empty())
        return 0.0;
    const AnswerWords answer = answer_words(normalized_answer);
    double credit = 0.0;
    for (const auto& term : terms)
        credit += term_credit(answer, term);
    return credit / static_cast<double>(terms.size());
}

protocol::Verdict suggest_verdict(double overlap) {
    if (overlap >= 0.6)
        return protocol::Verdict::correct;
    if (overlap >= 0.3)
        return protocol::Verdict::partial;
    return protocol::Verdict::wrong;
}

ReferenceMatcher::ReferenceMatcher(const content::BankQuestion& question)
    : reference_(normalize_answer(question.answer)), terms_(key_terms_for(question)) {
    const auto add = [this](const std::string& text) {
        std::string normalized = normalize_answer(text);
        if (!normalized.empty() && normalized != reference_ &&
            std::find(alternatives_.begin(), alternatives_.end(), normalized) ==
                alternatives_.end()) {
            alternatives_.push_back(std::move(normalized));
        }
    };
    for (const auto& accepted : question.accepted) {
        add(accepted);
        accepted_terms_.push_back(distinctive_words(accepted));
    }
    for (const int index : question.correct_choices) {
        if (index >= 0 && static_cast<std::size_t>(index) < question.choices.size())
            add(question.choices[static_cast<std::size_t>(index)]);
    }
}

bool ReferenceMatcher::is_reference(std::string_view normalized_answer) const {
    if (normalized_answer.empty())
        return false;
    return normalized_answer == reference_ || std::find(alternatives_.begin(), alternatives_.end(),
                                                        normalized_answer) != alternatives_.end();
}

double ReferenceMatcher::overlap(std::string_view normalized_answer) const {
    if (is_reference(normalized_answer))
        return 1.0;
    double best = key_term_overlap(normalized_answer, terms_);
    for (const auto& terms : accepted_terms_)
        best = std::max(best, key_term_overlap(normalized_answer, terms));
    return best;
}

}  // namespace rapidfire::core
