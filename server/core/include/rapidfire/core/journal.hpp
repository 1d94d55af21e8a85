#pragma once
// What happened in a room, for the record: a game started, an answer was accepted, an answer
// was marked, a game finished, a matched pair's feedback was given. The shell hands these to
// the store, off the room's hot path; the core only lists them.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "rapidfire/core/learning.hpp"
#include "rapidfire/core/outgoing.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::core {

using protocol::Millis;

struct JournalQuestion {
    int index = 0;
    std::string bank_id;
    std::string text;
    std::string reference;
    std::vector<std::string> topics;
};

struct GameStarted {
    std::string code;
    int round = 0;  // 1 for the first game in the room, then one more per rematch
    protocol::RoomKind kind = protocol::RoomKind::quiz;
    protocol::RoundSettings settings;
    std::string host;
    std::string bank;
    std::string host_token;  // the store keeps only a digest, to authorise exports
    std::vector<JournalQuestion> questions;
    Millis at = 0;
};

struct AnswerRecorded {
    std::string code;
    int round = 0;
    int question = 0;
    MemberId player = 0;
    std::string nickname;
    Millis elapsed_ms = 0;
    std::optional<int> choice;
    std::string text;
    Millis at = 0;
};

struct AnswerMarked {
    std::string code;
    int round = 0;
    int question = 0;
    MemberId player = 0;
    protocol::Verdict verdict = protocol::Verdict::wrong;
    std::optional<protocol::SelfGrade> grade;
    int points = 0;
    std::optional<std::string> comment;
    std::vector<std::string> tips;
};

struct GameFinished {
    std::string code;
    int round = 0;
    protocol::EndReason reason = protocol::EndReason::completed;
    int questions_played = 0;
    Millis run_ms = 0;
    std::vector<protocol::Standing> standings;   // every player
    std::vector<protocol::FinalResult> results;  // in the order of standings
    std::vector<protocol::Summary> summaries;    // interview rooms
    // In the order of standings: each player's identity digest (identity.hpp), empty for a
    // player who gave none. Never the secret.
    std::vector<std::string> identities;
    // In the order of standings: what each player with an identity showed they remember, a
    // rating per question (learning.hpp); empty for a player without one. The store moves
    // the identity's cards with them.
    std::vector<std::vector<learning::QuestionRating>> ratings;
    // The first time a question's clock was stopped (pause, a dropped host connection) or
    // lengthened (extend), if ever: a solo run with one counts for no personal best.
    std::optional<protocol::NotCounted> clock_changed;
    Millis at = 0;
};

// A matched pair's feedback, from one side on the other, once it was accepted. Recorded with
// the room's last game (the second turn's, or the first's when there was no second).
struct FeedbackGiven {
    std::string code;
    int round = 0;
    std::string from;  // nicknames
    std::string to;
    std::vector<protocol::Rating> ratings;
    std::string went_well;
    std::string work_on;
    Millis at = 0;
};

using JournalEntry =
    std::variant<GameStarted, AnswerRecorded, AnswerMarked, GameFinished, FeedbackGiven>;

}  // namespace rapidfire::core
