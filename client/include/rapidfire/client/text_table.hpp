#pragma once
// A table of text for the terminal: columns as wide as their widest cell, in characters (a name
// with accents lines up like one without), two spaces apart.

#include <string>
#include <vector>

namespace rapidfire::client {

// One line per row. `right_aligned[c]` lines column c up on the right (counts), else on the
// left; the last column is not padded, and no line ends in spaces.
std::string text_table(const std::vector<std::vector<std::string>>& rows,
                       const std::vector<bool>& right_aligned);

}  // namespace rapidfire::client
