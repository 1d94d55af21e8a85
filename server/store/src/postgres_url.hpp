#pragma once
// A postgresql:// URL as the record's location: what makes one unfit (a password in it), and
// how to print it without anything secret.

#include <string>
#include <string_view>

namespace rapidfire::store::detail {

// The URL's user, host, port and database as a URL; no other parameter.
std::string describe_postgresql_url(std::string_view url);

}  // namespace rapidfire::store::detail
