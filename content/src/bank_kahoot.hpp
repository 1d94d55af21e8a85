#pragma once
// Telling Kahoot's quiz spreadsheet, saved as CSV, from the plain CSV bank format.

#include <string_view>

namespace rapidfire::content::detail {

// Whether some line of `text` looks like the header row of Kahoot's template (a Question, an
// Answer 1 and a Correct answer(s) column), whatever the separator.
bool has_kahoot_header(std::string_view text);

}  // namespace rapidfire::content::detail
