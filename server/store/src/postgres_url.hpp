#pragma once
// A postgresql:// URL as the record's location, printed without anything secret. What makes
// one unfit (postgresql_url_problem, in store.hpp) is defined with it.

#include <string>
#include <string_view>

namespace rapidfire::store::detail {

// The URL's user, host, port and database as a URL; no other parameter.
std::string describe_postgresql_url(std::string_view url);

}  // namespace rapidfire::store::detail
