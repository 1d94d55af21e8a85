// Imports a bank written as a Markdown document: the first pipe table with Question and Answer
// columns, and the first level-1 heading as the title.

#include <algorithm>

#include "rapidfire/content/loader.hpp"
#include "table.hpp"
#include "text.hpp"
#include "validate.hpp"

namespace rapidfire::content {
namespace {

using detail::Line;
using detail::trim;

bool is_fence(std::string_view line) {
    line = trim(line);
    return line.starts_with("```") || line.starts_with("~~~");
}

// Marks the lines inside fenced code blocks, where a '#' or '|' means nothing to us.
std::vector<bool> code_lines(const std::vector<Line>& lines) {
    std::vector<bool> code(lines.size(), false);
    bool inside = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_fence(lines[i].text)) {
            code[i] = true;
            inside = !inside;
        } else {
            code[i] = inside;
        }
    }
    return code;
}

std::string find_title(const std::vector<Line>& lines, const std::vector<bool>& code) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto text = trim(lines[i].text);
        if (!code[i] && text.starts_with("# "))
            return std::string(trim(text.substr(2)));
    }
    return {};
}

bool is_row(std::string_view line) {
    return !trim(line).empty() && line.find('|') != std::string_view::npos;
}

// Splits "| a | b \| c |" into " a ", " b | c ": cells stay untrimmed so that cells split by a
// stray pipe can be joined back exactly.
std::vector<std::string> split_row(std::string_view line) {
    line = trim(line);
    if (line.starts_with('|'))
        line.remove_prefix(1);
    if (line.ends_with('|') && !line.ends_with("\\|"))
        line.remove_suffix(1);
    std::vector<std::string> cells(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
            cells.back() += '|';
            ++i;
        } else if (line[i] == '|') {
            cells.emplace_back();
        } else {
            cells.back() += line[i];
        }
    }
    return cells;
}

// The row under a header: |---|:--:|---:|
bool is_delimiter_row(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& cell) {
        auto text = trim(cell);
        if (text.starts_with(':'))
            text.remove_prefix(1);
        if (text.ends_with(':'))
            text.remove_suffix(1);
        return !text.empty() && text.find_first_not_of('-') == std::string_view::npos;
    });
}

bool is_blank_row(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(),
                       [](const std::string& cell) { return trim(cell).empty(); });
}

// Authors often leave a '|' unescaped in a formula such as P(y|x), which splits its cell in
// two. Extra cells are taken to come from the answer, the column most likely to hold one.
void rejoin_answer(std::vector<std::string>& cells, std::size_t width, std::size_t answer) {
    if (cells.size() <= width || answer >= width)
        return;
    const auto extra = static_cast<std::ptrdiff_t>(cells.size() - width);
    const auto first = cells.begin() + static_cast<std::ptrdiff_t>(answer) + 1;
    for (auto it = first; it != first + extra; ++it)
        cells[answer] += "|" + *it;
    cells.erase(first, first + extra);
}

}  // namespace

Bank parse_bank_markdown(std::string_view text, const std::string& file) {
    const auto lines = detail::split_lines(detail::checked_utf8(text, file));
    const auto code = code_lines(lines);

    Bank bank;
    bank.title = find_title(lines, code);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (code[i] || !is_row(lines[i].text) || !is_row(lines[i + 1].text))
            continue;
        const auto header = split_row(lines[i].text);
        const auto delimiter = split_row(lines[i + 1].text);
        if (delimiter.size() != header.size() || !is_delimiter_row(delimiter))
            continue;

        const int header_line = lines[i].number;
        const auto columns = detail::columns_from_header(header, file, header_line);
        if (!columns.question)
            continue;  // some other table
        if (!columns.answer) {
            throw LoadError(file, header_line, "answer",
                            "the table has a Question column but no Answer column");
        }
        std::vector<detail::Origin> origins;
        for (std::size_t r = i + 2; r < lines.size() && is_row(lines[r].text); ++r) {
            auto cells = split_row(lines[r].text);
            if (is_blank_row(cells))
                continue;
            rejoin_answer(cells, header.size(), *columns.answer);
            bank.questions.push_back(detail::question_from_row(
                cells, columns, bank.questions.size() + 1, file, lines[r].number));
            origins.push_back({lines[r].number, ""});
        }
        if (bank.questions.empty())
            throw LoadError(file, header_line, "", "the table has no rows");
        detail::validate_bank(bank, file, origins);
        return bank;
    }
    throw LoadError(file, 0, "", "no table with a Question and an Answer column");
}

}  // namespace rapidfire::content
