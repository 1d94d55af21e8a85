#pragma once
// UTF-8 checks shared by the decoder and the game rules (nickname lengths count characters).

#include <cstddef>
#include <optional>
#include <string_view>

namespace rapidfire::protocol {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing past
// U+10FFFF).
bool is_valid_utf8(std::string_view text);

// The number of code points in well-formed UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace rapidfire::protocol
