#pragma once
// The command line: `rapidfire-client [global options] COMMAND [command options]`. The command
// word is found first, then that command's own options are parsed.

#include <iosfwd>
#include <optional>

#include "rapidfire/client/options.hpp"

namespace rapidfire::client {

struct CommandLine {
    std::optional<Options> options;  // absent: exit with exit_code (help printed, or an error)
    int exit_code = 0;
};

// Help goes to `out` (exit 0); usage errors go to `err` (exit 1).
CommandLine parse_command_line(int argc, const char* const* argv, std::ostream& out,
                               std::ostream& err);

}  // namespace rapidfire::client
