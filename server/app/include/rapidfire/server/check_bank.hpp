#pragma once
// rapidfire-server --check-bank FILE: loads a question bank as the server would and says what
// it read, without starting a server, so that authors can check an import before a game.

#include <filesystem>
#include <iosfwd>

namespace rapidfire::server {

// Prints the bank's title, question count and one or two lines a question to `out` and
// returns 0; when the file is refused, prints "file:line:column: message" to `err` and
// returns 1.
int check_bank(const std::filesystem::path& path, std::ostream& out, std::ostream& err);

}  // namespace rapidfire::server
