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

// Where something is in a file: both 1-based, the column counted in characters (code points),
// as editors show it. 0 means unknown.
struct Position {
    int line = 0;
    int column = 0;
};

// Finds the line and column of byte offsets in one text, for parsers that report both. Keeps a
// view of `text`, which must outlive it. Offsets asked in increasing order cost only the text
// between them, so that a file that is one long line stays linear to read.
class Locator {
  public:
    explicit Locator(std::string_view text);
    Position at(std::size_t offset) const;

  private:
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
    // The last answer, to count on from.
    mutable std::size_t last_offset_ = 0;
    mutable Position last_ = {1, 1};
};

// The offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Checks the whole file is UTF-8 (throwing LoadError with the line and column otherwise) and
// returns it without a leading byte order mark, which spreadsheet exports often add.
std::string_view checked_utf8(std::string_view text, const std::string& file);

// Unicode code points in valid UTF-8.
std::size_t count_code_points(std::string_view text);

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);

// Splits a list cell such as "evaluation; fundamentals" on any of `separators`, trimming each
// item and dropping empty ones.
std::vector<std::string> split_list(std::string_view text, std::string_view separators);

}  // namespace rapidfire::content::detail
