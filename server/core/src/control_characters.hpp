#pragma once
// What makes a text unprintable in a nickname or a room's label. Private to the core.

#include <string_view>

namespace rapidfire::core {

// C0 and C1 controls and DEL, in UTF-8 text; everything else (accents, CJK, emoji) is printable.
bool has_control_characters(std::string_view text);

}  // namespace rapidfire::core
