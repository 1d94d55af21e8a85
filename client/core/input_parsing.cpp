#include "rapidfire/client/input_parsing.hpp"

#include <algorithm>
#include <charconv>

#include "rapidfire/common/text.hpp"

namespace rapidfire::client {

using protocol::SelfGrade;
using protocol::Verdict;

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::optional<int> to_int(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The first word of a line and what follows it (trimmed).
std::pair<std::string, std::string> first_word(std::string_view line) {
    const std::string text = trim(line);
    const auto space = std::find_if(text.begin(), text.end(), is_space);
    const auto length = static_cast<std::size_t>(space - text.begin());
    return {text.substr(0, length), trim(std::string_view(text).substr(length))};
}

std::optional<std::string> resolve_tip(std::string_view token,
                                       const std::vector<std::string>& tips) {
    if (const auto number = to_int(token)) {
        if (*number >= 1 && *number <= static_cast<int>(tips.size()))
            return tips[*number - 1];
        return std::nullopt;
    }
    const std::string id = common::ascii_lower(token);
    if (std::find(tips.begin(), tips.end(), id) != tips.end())
        return id;
    return std::nullopt;
}

}  // namespace

std::string trim(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

std::optional<int> parse_choice(std::string_view line, int choices) {
    const auto number = to_int(trim(line));
    if (!number || *number < 1 || *number > choices)
        return std::nullopt;
    return *number - 1;
}

std::optional<SelfGrade> parse_grade(std::string_view line) {
    const std::string word = common::ascii_lower(trim(line));
    if (word == "again" || word == "1")
        return SelfGrade::again;
    if (word == "hard" || word == "2")
        return SelfGrade::hard;
    if (word == "good" || word == "3")
        return SelfGrade::good;
    if (word == "easy" || word == "4")
        return SelfGrade::easy;
    return std::nullopt;
}

bool is_judge_line(std::string_view line) {
    const std::string word = common::ascii_lower(first_word(line).first);
    return word == "c" || word == "p" || word == "w" || word == "a" || word == "correct" ||
           word == "partial" || word == "wrong" || word == "accept";
}

std::optional<JudgeLine> parse_judge_line(std::string_view line,
                                          const std::vector<std::string>& tips,
                                          std::string& error) {
    auto [word, rest] = first_word(line);
    word = common::ascii_lower(word);
    JudgeLine judge;
    if (word == "a" || word == "accept") {
        judge.accept_all = true;
        return judge;
    }
    if (word == "c" || word == "correct") {
        judge.verdict = Verdict::correct;
    } else if (word == "p" || word == "partial") {
        judge.verdict = Verdict::partial;
    } else if (word == "w" || word == "wrong") {
        judge.verdict = Verdict::wrong;
    } else {
        error = "mark with c, p, w or a";
        return std::nullopt;
    }
    // Leading +TIP words are tips; whatever follows is the comment.
    while (!rest.empty() && rest.front() == '+') {
        auto [token, after] = first_word(rest);
        const auto tip = resolve_tip(std::string_view(token).substr(1), tips);
        if (!tip) {
            error = "unknown tip '" + token.substr(1) + "'";
            return std::nullopt;
        }
        if (std::find(judge.tips.begin(), judge.tips.end(), *tip) == judge.tips.end()) {
            judge.tips.push_back(*tip);
        }
        rest = after;
    }
    if (!rest.empty())
        judge.comment = rest;
    return judge;
}

std::optional<std::vector<std::string>> parse_tip_list(std::string_view text,
                                                       const std::vector<std::string>& tips,
                                                       std::string& error) {
    std::vector<std::string> chosen;
    std::string token;
    auto flush = [&]() -> bool {
        if (token.empty())
            return true;
        const auto tip = resolve_tip(token, tips);
        if (!tip) {
            error = "unknown tip '" + token + "'";
            return false;
        }
        if (std::find(chosen.begin(), chosen.end(), *tip) == chosen.end())
            chosen.push_back(*tip);
        token.clear();
        return true;
    };
    for (const char c : text) {
        if (is_space(c) || c == ',') {
            if (!flush())
                return std::nullopt;
        } else {
            token.push_back(c);
        }
    }
    if (!flush())
        return std::nullopt;
    return chosen;
}

std::optional<bool> parse_rematch_swap(std::string_view argument) {
    const std::string word = common::ascii_lower(trim(argument));
    if (word.empty())
        return false;
    if (word == "swap")
        return true;
    return std::nullopt;
}

CommandWord split_command(std::string_view line) {
    std::string text = trim(line);
    if (!text.empty() && text.front() == '/')
        text.erase(0, 1);
    auto [word, rest] = first_word(text);
    return {common::ascii_lower(word), std::move(rest)};
}

}  // namespace rapidfire::client
