#pragma once
// Small text helpers shared by the parsers. Private to the content library.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapidfire::content::detail {

// One line of a file without its line ending, and its 1-based number.
struct Line {
    std::string_view text;
    int number = 0;
};

// Splits on LF, dropping a CR before it, so CRLF and LF files read alike.
std::vector<Line> split_lines(std::string_view text);

// The 1-based line on which byte `offset` of `text` lies.
int line_at(std::string_view text, std::size_t offset);

// The offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Checks the whole file is UTF-8 (throwing LoadError with the line otherwise) and returns it
// without a leading byte order mark, which spreadsheet exports often add.
std::string_view checked_utf8(std::string_view text, const std::string& file);

// Unicode code points in valid UTF-8.
std::size_t count_code_points(std::string_view text);

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);

// Splits a list cell such as "evaluation; fundamentals" on any of `separators`, trimming each
// item and dropping empty ones.
std::vector<std::string> split_list(std::string_view text, std::string_view separators);

}  // namespace rapidfire::content::detail
