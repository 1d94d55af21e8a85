#pragma once
// What a typed line means: a choice, a self grade, a judge's mark, or a command word.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/protocol/enums.hpp"

namespace rapidfire::client {

std::string trim(std::string_view text);

// "1".."choices" to a 0-based choice index.
std::optional<int> parse_choice(std::string_view line, int choices);

// again|hard|good|easy, or 1-4 in that order.
std::optional<protocol::SelfGrade> parse_grade(std::string_view line);

// A judge's line: `c|p|w [+TIP]... [comment]` or `a` (accept every suggestion). The long words
// correct, partial, wrong and accept work too. A tip is its number in `tips` (1-based) or its id.
struct JudgeLine {
    bool accept_all = false;
    protocol::Verdict verdict = protocol::Verdict::wrong;
    std::vector<std::string> tips;
    std::optional<std::string> comment;
};
// Whether the line's first word is a judge word (so it waits for a group to judge).
bool is_judge_line(std::string_view line);
// Absent with `error` set when a tip is not known.
std::optional<JudgeLine> parse_judge_line(std::string_view line,
                                          const std::vector<std::string>& tips, std::string& error);
// Tips by number or id, separated by spaces or commas ("1 3", "structure,2").
std::optional<std::vector<std::string>> parse_tip_list(std::string_view text,
                                                       const std::vector<std::string>& tips,
                                                       std::string& error);

// The argument of the host's `rematch`: nothing (false) or `swap` (true: in an interview, the
// first connected candidate becomes the interviewer). Absent when it is neither.
std::optional<bool> parse_rematch_swap(std::string_view argument);

// A command: its word (lower-cased, without a leading '/') and the rest of the line.
struct CommandWord {
    std::string word;
    std::string argument;
};
CommandWord split_command(std::string_view line);

}  // namespace rapidfire::client
