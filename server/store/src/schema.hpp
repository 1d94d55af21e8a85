#pragma once
// The schema's migrations, in order: migration N brings user_version N-1 to N. Never edit a
// migration that has shipped; add the next one.

#include <array>

namespace rapidfire::store::detail {

inline constexpr std::array<const char*, 2> migrations = {
    // 1: games, their questions, answers, results, interview summaries and solo runs.
    R"sql(
CREATE TABLE games (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    round INTEGER NOT NULL,
    kind TEXT NOT NULL,
    host TEXT NOT NULL,
    bank TEXT NOT NULL,
    settings TEXT NOT NULL,
    token_digest TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    end_reason TEXT,
    questions_played INTEGER NOT NULL DEFAULT 0,
    run_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX games_by_room ON games (code, round);
CREATE INDEX games_by_start ON games (started_at DESC);
CREATE TABLE questions (
    game_id INTEGER NOT NULL REFERENCES games (id),
    idx INTEGER NOT NULL,
    bank_id TEXT NOT NULL,
    text TEXT NOT NULL,
    reference TEXT NOT NULL,
    topics TEXT NOT NULL,
    PRIMARY KEY (game_id, idx)
);
CREATE TABLE answers (
    game_id INTEGER NOT NULL REFERENCES games (id),
    question INTEGER NOT NULL,
    player INTEGER NOT NULL,
    nickname TEXT NOT NULL,
    elapsed_ms INTEGER NOT NULL,
    choice INTEGER,
    text TEXT NOT NULL,
    accepted_at INTEGER NOT NULL,
    verdict TEXT,
    grade TEXT,
    points INTEGER NOT NULL DEFAULT 0,
    comment TEXT,
    tips TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (game_id, question, player)
);
CREATE TABLE results (
    game_id INTEGER NOT NULL REFERENCES games (id),
    player INTEGER NOT NULL,
    nickname TEXT NOT NULL,
    rank INTEGER NOT NULL,
    points INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    partial INTEGER NOT NULL,
    wrong INTEGER NOT NULL,
    unanswered INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    PRIMARY KEY (game_id, player)
);
CREATE TABLE summaries (
    game_id INTEGER NOT NULL REFERENCES games (id),
    player INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (game_id, player)
);
CREATE TABLE solo_runs (
    game_id INTEGER PRIMARY KEY REFERENCES games (id),
    nickname TEXT NOT NULL,
    nickname_key TEXT NOT NULL,
    bank TEXT NOT NULL,
    points INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    run_ms INTEGER NOT NULL,
    finished_at INTEGER NOT NULL
);
CREATE INDEX solo_best ON solo_runs (bank, nickname_key, points DESC, run_ms ASC);
)sql",
    // 2: bests belong to an identity (a digest of the client's secret) and compare runs of one
    // configuration only; runs whose clock was stopped or lengthened do not count. Runs of
    // schema 1 have no identity: they stay in the record and are nobody's best.
    R"sql(
ALTER TABLE solo_runs ADD COLUMN identity TEXT;
ALTER TABLE solo_runs ADD COLUMN config TEXT NOT NULL DEFAULT '';
ALTER TABLE solo_runs ADD COLUMN not_counted TEXT;
ALTER TABLE results ADD COLUMN identity TEXT;
DROP INDEX solo_best;
CREATE INDEX solo_best ON solo_runs (config, identity, points DESC, run_ms ASC);
CREATE INDEX solo_by_identity ON solo_runs (identity, finished_at DESC);
)sql",
};

}  // namespace rapidfire::store::detail
