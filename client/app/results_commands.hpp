#pragma once
// `history` and `export`: the record of games, read from the server's HTTP API with the host
// tokens given or remembered (remembered_rooms.hpp); `leaderboard`: the solo leaderboard of one
// configuration, which anyone may read.

#include "rapidfire/client/options.hpp"

namespace rapidfire::client {

// Returns the exit code: 0 done, 1 a usage or connection error, 2 refused by the server (401,
// 403, 404), with the server's message on stderr.
int run_results_command(const Options& options);

}  // namespace rapidfire::client
