#pragma once
// The record of games as the server's HTTP API gives it (GET /api/games and
// /api/games/ID/results.json), turned into what `history` and `export` print.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

// One game of a /api/games list.
struct GameListing {
    std::int64_t id = 0;
    std::string code;
    int round = 1;  // 1: the room's first game; 2 and on: its rematches
    std::string kind;
    std::string host;
    std::int64_t started_at = 0;  // Unix milliseconds
    std::string end_reason;       // empty while the game runs
    int players = 0;
    int questions = 0;
    std::string json;  // the game's object as the server sent it
};

// The games of a /api/games answer; throws std::runtime_error when it is not one.
std::vector<GameListing> parse_game_list(std::string_view body);
// Several lists as one: each game once, the most recently started first, at most `limit`.
std::vector<GameListing> merge_game_lists(const std::vector<std::vector<GameListing>>& lists,
                                          std::size_t limit);

// The games as an aligned table with a header row: id, when (local time), kind, code, round
// ("1", or "2 rematch" and on), players, questions, end.
std::string games_table(const std::vector<GameListing>& games);
// One JSON object per line, as the server sent each.
std::string games_json_lines(const std::vector<GameListing>& games);

// A results.json record as Markdown: an interview's summaries (rendered like the client's own
// --summary files; `guide`, which may be null, names the tips), or for other games the
// results table and the questions. Throws std::runtime_error when the record is unreadable.
std::string results_markdown(std::string_view results_json, const content::StudyGuide* guide);

// One row of a /api/solo/leaderboard answer.
struct LeaderboardRow {
    int rank = 0;
    std::string nickname;  // the player's latest name
    int points = 0;
    int correct = 0;
    std::int64_t run_ms = 0;
    std::int64_t finished_at = 0;  // Unix milliseconds
    int runs = 0;                  // the player's runs that count in this configuration
};

// A /api/solo/leaderboard answer: the configuration shown and its rows, best first.
struct Leaderboard {
    std::string bank;
    protocol::RoundSettings config;  // mode, clock, seconds or total_seconds, questions, topics
    std::vector<LeaderboardRow> rows;
};

// The query for a configuration's leaderboard: "?mode=choice&clock=total&..." with the
// settings given (the server applies a solo run's defaults to the others) and the limit.
std::string leaderboard_query(const protocol::RoundSettings& settings, int limit);
// Throws std::runtime_error when the body is not a leaderboard.
Leaderboard parse_leaderboard(std::string_view body);
// A header line naming the configuration, then an aligned table (rank, player, points,
// correct, run time, runs, when), or a line saying there is no run yet.
std::string leaderboard_text(const Leaderboard& board);

// "2024-05-01 18:30" in local time.
std::string local_time(std::int64_t unix_ms);

}  // namespace rapidfire::client
