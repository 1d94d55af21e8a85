#pragma once
// Journal entries as a room hands them to the record: a game of two questions started, and
// finished with these scores.

#include <string>
#include <utility>
#include <vector>

#include "rapidfire/core/journal.hpp"

namespace rapidfire::store {

inline core::GameStarted started(const std::string& code, protocol::RoomKind kind,
                                 protocol::Millis at, int round = 1) {
    core::GameStarted g;
    g.code = code;
    g.round = round;
    g.kind = kind;
    g.settings.questions = 2;
    g.host = "Host";
    g.bank = "Bank";
    g.host_token = "host-token-" + code;
    g.questions = {{0, "q1", "What?", "That.", {"evaluation"}}, {1, "q2", "Why?", "Because.", {}}};
    g.at = at;
    return g;
}

inline core::GameFinished finished(const std::string& code,
                                   std::vector<std::pair<std::string, int>> scores,
                                   protocol::Millis at, int round = 1) {
    core::GameFinished f;
    f.code = code;
    f.round = round;
    f.questions_played = 2;
    f.run_ms = 30'000;
    int rank = 0;
    for (const auto& [nickname, points] : scores) {
        ++rank;
        f.standings.push_back(protocol::Standing{rank, rank, nickname, points, 1, 1000});
        protocol::FinalResult r;
        r.rank = rank;
        r.points = points;
        r.correct = 1;
        r.wrong = 1;
        f.results.push_back(r);
    }
    f.at = at;
    return f;
}

// Player `player`'s answer to the first question of game `code`.
inline core::AnswerRecorded answer(const std::string& code, std::int64_t player) {
    return core::AnswerRecorded{code, 1, 0, player, "p" + std::to_string(player), 10, 1, "", 2};
}

}  // namespace rapidfire::store
