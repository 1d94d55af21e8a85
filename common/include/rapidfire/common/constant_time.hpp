#pragma once
// Comparing secrets (tokens, passwords, digests) without leaking where they differ.

#include <string_view>

namespace rapidfire::common {

// True when `a` and `b` hold the same bytes. Every byte of the longer one is looked at whatever
// the first difference, so the time taken tells nothing about the secret.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace rapidfire::common
