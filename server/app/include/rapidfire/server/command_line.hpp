#pragma once
// The rapidfire-server command line (Boost.Program_options).

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "rapidfire/net/server_options.hpp"

namespace rapidfire::server {

struct CommandLine {
    std::optional<net::ServerOptions> options;  // absent: exit with exit_code
    int exit_code = 0;                          // 0 after --help, 2 after a usage error
    // --check-bank FILE: check this bank and exit instead of serving (options is absent).
    std::string check_bank = {};
};

// Parses argv. Help goes to `out`, usage errors to `err`.
CommandLine parse_command_line(int argc, const char* const* argv, std::ostream& out,
                               std::ostream& err);

}  // namespace rapidfire::server
