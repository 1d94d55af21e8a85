#pragma once
// The data behind a Room. Private to the core library.

#include <array>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rapidfire/core/room.hpp"
#include "rapidfire/core/round_plan.hpp"

namespace rapidfire::core {

// One player's answer to one question.
struct AnswerRecord {
    bool answered = false;
    Millis elapsed = 0;  // from the question opening, pauses excluded, clamped to the limit
    int choice = -1;
    std::string text;
    std::optional<protocol::Verdict> verdict;
    std::optional<protocol::SelfGrade> grade;
    int points = 0;
    std::optional<std::string> comment;
    std::vector<std::string> tips;
    // Once the question is revealed, for a player with an identity: what it showed they
    // remember (learning::rating_of); none for a question they may not have been there for.
    std::optional<fsrs::Rating> rating;
    // A review run: the player's card for the question after that rating (when it comes back).
    std::optional<fsrs::Card> reviewed;
};

// A member's standing in the current game; a rematch starts everyone from a fresh one.
struct Score {
    // Takes part in this game: seated when it started, or joined while it ran. Only they are
    // ranked; a player who leaves or is kicked during the game stays ranked.
    bool in_game = false;
    int points = 0;
    int correct = 0;
    int partial = 0;
    int wrong = 0;
    int streak = 0;
    Millis time_ms = 0;
    int rank = 0;
    std::vector<AnswerRecord> answers;  // by question index
};

struct Member {
    MemberId id = 0;
    std::string nickname;
    std::string folded;  // for case-insensitive uniqueness
    bool host = false;
    bool player = false;
    bool active = true;  // holds a seat: not kicked, not left, not expired from the lobby
    bool connected = true;
    Millis disconnected_at = 0;
    // Dropped during a game and not back within the resume grace: still ranked, and the token
    // still brings the seat back, but the nickname no longer blocks a newcomer who asks for it.
    bool gone = false;
    std::string token;
    std::string identity;  // the digest of the identity secret given (identity.hpp); empty: none
    int join_order = 0;
    bool roster_pending = false;  // in State::roster_changed

    Score score;

    AnswerRecord& answer(int question) {
        if (score.answers.size() <= static_cast<std::size_t>(question))
            score.answers.resize(question + 1);
        return score.answers[question];
    }
    const AnswerRecord* find_answer(int question) const {
        return static_cast<std::size_t>(question) < score.answers.size() ? &score.answers[question]
                                                                         : nullptr;
    }
};

// Identical normalised answers, marked together in judge mode.
struct JudgeGroup {
    std::string normalized;
    std::string display;  // the first player's wording
    std::vector<MemberId> members;
    protocol::Verdict suggestion = protocol::Verdict::wrong;
    double overlap = 0;
    std::optional<protocol::Verdict> verdict;
    std::optional<std::string> comment;
    std::vector<std::string> tips;
};

// Solo on one total clock: the time questions have used so far.
struct RunClock {
    Millis used = 0;
    Millis budget = 0;
    Millis started = 0;
    Millis ended = 0;
};

// One game, from start to its end; a rematch replaces it with a fresh one.
struct Game {
    protocol::RoomPhase phase = protocol::RoomPhase::lobby;
    std::vector<PlannedQuestion> plan;
    int current = -1;
    int questions_played = 0;

    // The open question's clock: elapsed = elapsed_before + (now - active_since) while running.
    Millis limit = 0;
    Millis elapsed_before = 0;
    Millis active_since = 0;
    Millis opened_at = 0;
    int answered = 0;
    int pending = 0;  // connected players the phase still waits for (answers or grades)

    // The current phase's timer (question close, judging timeout, grading timeout, reveal end).
    std::optional<Millis> phase_deadline;
    bool paused = false;
    protocol::PauseReason pause_reason = protocol::PauseReason::host;
    std::optional<Millis> paused_phase_remaining;

    std::vector<JudgeGroup> groups;
    int unjudged = 0;

    RunClock run;
    // The first time the open question's clock was stopped or lengthened (journal.hpp).
    std::optional<protocol::NotCounted> clock_changed;

    protocol::EndReason end_reason = protocol::EndReason::completed;
    std::vector<MemberId> final_order;  // players ranked, once finished
};

// A matched pair's room (Room::create_pair): two turns with the roles swapped between them,
// then each side's feedback on the other.
struct PairTurns {
    enum class Stage {
        first_turn,
        between_turns,  // the first turn is over; the roles swap at `swap_at`
        second_turn,
        feedback,  // both turns are over; feedback is taken until `feedback_deadline`
        over,      // feedback exchanged, or the pair ended early (a seat lapsed or was left)
    };
    Stage stage = Stage::first_turn;
    Millis swap_at = 0;
    Millis feedback_deadline = 0;
    std::vector<std::string> asked;  // bank ids of the first turn's questions
    // Each side's feedback once accepted, by member id - 1 (members 1 and 2).
    std::array<std::optional<protocol::Feedback>, 2> given;
    bool exchanged = false;  // partner_feedback has gone out
};

struct Room::State {
    std::string code;
    RoomDeps deps;
    ResolvedSettings settings;
    std::string host_token;
    MemberId host_id = 0;
    std::vector<Member> members;  // MemberId n is members[n - 1]
    std::unordered_map<std::string, MemberId> by_token;
    std::unordered_map<std::string, MemberId> by_nickname;
    bool locked = false;
    int next_join_order = 0;
    int active_players = 0;
    int connected_members = 0;

    Game game;

    // When the host's seat dropped; a host away past the resume grace closes the room.
    std::optional<Millis> host_gone_at;

    // The host's roster: changes since the last one (each member once: Member::roster_pending),
    // and how far a full list being sent in parts has come (empty when none is).
    bool host_roster_dirty = false;
    std::optional<Millis> last_host_roster;
    std::vector<MemberId> roster_changed;
    std::vector<protocol::PlayerId> roster_removed;
    std::optional<std::size_t> listing_from;
    // The players' counts.
    bool players_roster_dirty = false;
    std::optional<Millis> last_players_roster;
    bool progress_dirty = false;
    std::optional<Millis> last_progress;

    // (expiry time, member): seats of dropped members, kept for the resume grace.
    std::set<std::pair<Millis, MemberId>> expiries;

    std::vector<Outgoing> outbox;
    int round = 0;  // games started in this room
    std::vector<JournalEntry> journal;

    std::optional<PairTurns> pair;  // only in a matched pair's room

    // A review run: the runner's cards by question, moved as each answer is rated, so that a
    // result says when its question comes back and a rematch asks what is due after this run.
    std::unordered_map<std::string, fsrs::Card> review_cards;

    Member* find(MemberId id) {
        return (id >= 1 && static_cast<std::size_t>(id) <= members.size()) ? &members[id - 1]
                                                                           : nullptr;
    }
    const Member* find(MemberId id) const {
        return (id >= 1 && static_cast<std::size_t>(id) <= members.size()) ? &members[id - 1]
                                                                           : nullptr;
    }
};

}  // namespace rapidfire::core
