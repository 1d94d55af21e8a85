#include "rapidfire/core/answer_matching.hpp"

#include <algorithm>
#include <array>
#include <cctype>

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

}  // namespace

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

std::vector<std::string> key_terms_for(const content::BankQuestion& question) {
    if (!question.key_terms.empty()) {
        std::vector<std::string> terms;
        for (const auto& term : question.key_terms)
            terms.push_back(normalize_answer(term));
        return terms;
    }
    // Fall back to the reference answer's distinctive words, in order, without repeats.
    std::vector<std::string> terms;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 4 && !is_stop_word(word) &&
            std::find(terms.begin(), terms.end(), word) == terms.end()) {
            terms.push_back(word);
        }
        word.clear();
    };
    for (const char c : question.answer) {
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

double key_term_overlap(std::string_view normalized_answer, const std::vector<std::string>& terms) {
    if (terms.empty())
        return 0.0;
    int found = 0;
    for (const auto& term : terms) {
        if (!term.empty() && normalized_answer.find(term) != std::string_view::npos)
            ++found;
    }
    return static_cast<double>(found) / static_cast<double>(terms.size());
}

protocol::Verdict suggest_verdict(double overlap) {
    if (overlap >= 0.6)
        return protocol::Verdict::correct;
    if (overlap >= 0.3)
        return protocol::Verdict::partial;
    return protocol::Verdict::wrong;
}

}  // namespace rapidfire::core
