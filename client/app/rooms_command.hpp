#pragma once
// `rooms`: asks the server for its open rooms over the WebSocket (list_rooms), prints them and
// exits.

#include "rapidfire/client/options.hpp"

namespace rapidfire::client {

// Returns the exit code: 0 listed, 1 a connection error or no answer in time, 2 refused by the
// server (an unknown topic), with the server's message on stderr.
int run_rooms_command(const Options& options);

}  // namespace rapidfire::client
