#pragma once
// A player's identity: a secret the client draws once and sends with create_room and join. The
// engine keeps and records only its digest, so the record never holds a live secret and
// personal bests belong to whoever holds the secret, not to whoever types a nickname.

#include <string>
#include <string_view>

namespace rapidfire::core {

// SHA-256 of the secret, in lower-case hex (64 characters).
std::string identity_digest(std::string_view secret);

}  // namespace rapidfire::core
