#pragma once
// Runs an online command (host, join, solo): the connection, stdin, the terminal and the
// client state, on one io_context thread.

#include "rapidfire/client/options.hpp"

namespace rapidfire::client {

// Returns the exit code: 0 the game finished, 1 usage or connection error, 2 refused by the
// server.
int run_online(const Options& options);

}  // namespace rapidfire::client
