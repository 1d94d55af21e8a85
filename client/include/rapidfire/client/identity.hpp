#pragma once
// The player's identity: a random secret drawn once and kept in the client's private state
// folder, sent with create_room and join so that personal bests (and later progress and
// reviews) belong to this user of this machine, not to whoever types the same nickname. The
// server keeps only a digest of it. One secret per user, shared by every command.
//
//     $XDG_STATE_HOME/rapidfire/identity   (else ~/.local/state/rapidfire/identity)
//
// The folder is 0700 and the file 0600; the file holds the secret and a newline.

#include <filesystem>
#include <string>
#include <string_view>

namespace rapidfire::client {

// $XDG_STATE_HOME/rapidfire/identity, else $HOME/.local/state/rapidfire/identity; empty when
// neither variable is set (to an absolute path).
std::filesystem::path identity_file();

// 32 bytes from the operating system's random source, base64url without padding (43
// characters). Throws std::runtime_error when no random bytes can be read.
std::string new_identity_secret();

// The secret in `file`, creating the file (and its folder) with a new secret the first time.
// Two clients starting at once end up with the same secret: the file appears whole or not at
// all. Throws std::runtime_error saying why when the file cannot be read or made, or holds
// something that is not an identity (it is never overwritten: that would lose the bests).
std::string load_or_create_identity(const std::filesystem::path& file);

}  // namespace rapidfire::client
