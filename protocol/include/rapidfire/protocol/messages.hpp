#pragma once
// Every message of the rapidfire protocol, both directions. One WebSocket text frame carries one
// JSON object {"type": "<Message::type>", ...fields}. PROTOCOL.md documents each one; a test
// keeps the two in step. Field names on the wire are the member names below.
//
// Conventions: times are milliseconds; absolute times (`*_at`, `deadline`, `server_time`) are
// milliseconds since the Unix epoch on the server's clock. Question indexes count from 0.
// std::optional members may be absent; every other member is required, except in
// RoundSettings where every member is optional, and Judge's tips (absent: none ticked).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/describe/class.hpp>

#include "rapidfire/protocol/enums.hpp"
#include "rapidfire/protocol/error.hpp"
#include "rapidfire/protocol/limits.hpp"

namespace rapidfire::protocol {

using PlayerId = std::int64_t;
using Millis = std::int64_t;

// ---------------------------------------------------------------------------------------------
// Shared parts

// Round settings chosen when a room is created. Absent members take the defaults documented in
// GAME.md; the server answers with every member filled in (the password excepted).
struct RoundSettings {
    std::optional<int> questions;          // how many questions
    std::vector<std::string> topics;       // only questions tagged with one of these; empty = all
    std::optional<bool> shuffle;           // shuffled (true) or bank order (false)
    std::optional<std::int64_t> seed;      // seed for order and choices; reported for replays
    std::optional<int> seconds;            // time per question
    std::optional<AnswerMode> mode;        // choice, judge or self
    std::optional<ClockMode> clock;        // solo: per_question or total
    std::optional<int> total_seconds;      // solo total clock
    std::optional<bool> show_leaderboard;  // standings between questions
    std::optional<bool> streak_bonus;      // +100 per consecutive correct answer, capped
    std::optional<int> capacity;           // most players
    std::optional<int> judging_seconds;    // judge mode: apply suggestions after this; 0 = wait
    std::optional<int> reveal_seconds;     // pause on the reveal; 0 = the host advances with skip
    std::optional<std::string> password;   // players must give it to join
    // Listed in the open rooms (list_rooms, GET /api/rooms) while in the lobby; "public" on the
    // wire (a trailing underscore is dropped from every member name).
    std::optional<bool> public_;
    std::optional<std::string> label;  // a public room's short title in the list
    // Solo: the creator's questions due for review first, then new ones (GAME.md "Review").
    std::optional<bool> review;
};
BOOST_DESCRIBE_STRUCT(RoundSettings, (),
                      (questions, topics, shuffle, seed, seconds, mode, clock, total_seconds,
                       show_leaderboard, streak_bonus, capacity, judging_seconds, reveal_seconds,
                       password, public_, label, review))

struct PlayerInfo {
    PlayerId id = 0;
    std::string nickname;
    bool connected = true;
};
BOOST_DESCRIBE_STRUCT(PlayerInfo, (), (id, nickname, connected))

struct Standing {
    int rank = 0;
    PlayerId player = 0;
    std::string nickname;
    int points = 0;
    int correct = 0;
    Millis time_ms = 0;  // total answer time, the first tie-breaker
};
BOOST_DESCRIBE_STRUCT(Standing, (), (rank, player, nickname, points, correct, time_ms))

// Identical free-text answers (after normalising case and white space), marked together.
struct AnswerGroup {
    int group = 0;
    std::string answer;
    int count = 0;
    std::vector<std::string> players;  // nicknames
    Verdict suggestion = Verdict::wrong;
    double overlap = 0;  // share of the reference's key terms found in the answer, 0..1
};
BOOST_DESCRIBE_STRUCT(AnswerGroup, (), (group, answer, count, players, suggestion, overlap))

// One question of an interview, as the candidate's summary reports it.
struct SummaryItem {
    int question = 0;
    std::string text;
    std::vector<std::string> topics;
    std::string reference;
    std::optional<std::string> answer;  // absent when the candidate did not answer
    std::optional<Verdict> verdict;     // absent when the question was skipped
    std::optional<std::string> comment;
    std::vector<std::string> tips;  // communication tips the interviewer ticked
    Millis time_ms = 0;
    int points = 0;
};
BOOST_DESCRIBE_STRUCT(SummaryItem, (),
                      (question, text, topics, reference, answer, verdict, comment, tips, time_ms,
                       points))

// What to study: a topic, the questions on it not answered correctly, and the study guide's
// checklist area that covers it. The interview summary's misses_by_topic.
struct TopicMisses {
    std::string topic;                                    // "" for the questions that have no topic
    std::vector<int> questions;                           // indexes, in the order played
    std::optional<std::string> area = std::nullopt;       // the checklist area covering it
    std::optional<std::string> checklist = std::nullopt;  // that area's text
};
BOOST_DESCRIBE_STRUCT(TopicMisses, (), (topic, questions, area, checklist))

// final_result's study list: TopicMisses with the questions' texts.
struct StudyTopic {
    std::string topic;           // "" for the questions that have no topic
    std::vector<int> questions;  // indexes, in the order played
    // The texts of `questions`, in the same order; empty once the list's texts would be too long.
    std::vector<std::string> texts;
    std::optional<std::string> area = std::nullopt;
    std::optional<std::string> checklist = std::nullopt;
};
BOOST_DESCRIBE_STRUCT(StudyTopic, (), (topic, questions, texts, area, checklist))

// Matching: how many wait for a partner on one topic.
struct TopicCount {
    std::string topic;
    int waiting = 0;
};
BOOST_DESCRIBE_STRUCT(TopicCount, (), (topic, waiting))

// Feedback: one communication area (a tip of the study guide) rated 1 to 5.
struct Rating {
    std::string area;  // the tip's id, e.g. "structure"
    int score = 0;
};
BOOST_DESCRIBE_STRUCT(Rating, (), (area, score))

// Feedback: an area that may be rated.
struct FeedbackArea {
    std::string id;
    std::string title;
};
BOOST_DESCRIBE_STRUCT(FeedbackArea, (), (id, title))

// One public room waiting in its lobby, as list_rooms and GET /api/rooms show it.
struct OpenRoom {
    std::string code;
    RoomKind kind = RoomKind::quiz;
    std::string label;  // empty: none given
    std::vector<std::string> topics;
    int players = 0;
    int capacity = 0;
    std::string host;       // the host's nickname
    bool password = false;  // a password is needed to join (never the password itself)
};
BOOST_DESCRIBE_STRUCT(OpenRoom, (), (code, kind, label, topics, players, capacity, host, password))

// ---------------------------------------------------------------------------------------------
// Client to server

struct Hello {
    static constexpr std::string_view type = "hello";
    int protocol = protocol_version;
    std::string client;  // the client's name and version, for logs
};
BOOST_DESCRIBE_STRUCT(Hello, (), (protocol, client))

struct CreateRoom {
    static constexpr std::string_view type = "create_room";
    RoomKind kind = RoomKind::quiz;
    std::string nickname;  // the host's (interviewer's, solo player's) display name
    RoundSettings settings;
    // The creator's identity secret (limits.hpp); solo runs keep personal bests by it. The
    // server keeps only a digest.
    // (Default-initialised so that older aggregate initialisers stay complete.)
    std::optional<std::string> identity = std::nullopt;
};
BOOST_DESCRIBE_STRUCT(CreateRoom, (), (kind, nickname, settings, identity))

struct Join {
    static constexpr std::string_view type = "join";
    std::string code;
    std::string nickname;
    std::optional<std::string> password;
    std::optional<std::string> identity = std::nullopt;  // the identity secret, as in CreateRoom
};
BOOST_DESCRIBE_STRUCT(Join, (), (code, nickname, password, identity))

struct Resume {
    static constexpr std::string_view type = "resume";
    std::string token;
};
BOOST_DESCRIBE_STRUCT(Resume, (), (token))

struct Leave {
    static constexpr std::string_view type = "leave";
};
BOOST_DESCRIBE_STRUCT(Leave, (), ())

struct Start {
    static constexpr std::string_view type = "start";
    std::string host_token;
};
BOOST_DESCRIBE_STRUCT(Start, (), (host_token))

struct Pause {
    static constexpr std::string_view type = "pause";
    std::string host_token;
};
BOOST_DESCRIBE_STRUCT(Pause, (), (host_token))

struct Continue {
    static constexpr std::string_view type = "continue";
    std::string host_token;
};
BOOST_DESCRIBE_STRUCT(Continue, (), (host_token))

// Closes the open question (or judging) now; on a reveal, moves to the next question.
struct Skip {
    static constexpr std::string_view type = "skip";
    std::string host_token;
};
BOOST_DESCRIBE_STRUCT(Skip, (), (host_token))

struct Extend {
    static constexpr std::string_view type = "extend";
    std::string host_token;
    int seconds = 0;
};
BOOST_DESCRIBE_STRUCT(Extend, (), (host_token, seconds))

struct EndGame {
    static constexpr std::string_view type = "end";
    std::string host_token;
};
BOOST_DESCRIBE_STRUCT(EndGame, (), (host_token))

struct Kick {
    static constexpr std::string_view type = "kick";
    std::string host_token;
    PlayerId player = 0;
};
BOOST_DESCRIBE_STRUCT(Kick, (), (host_token, player))

struct Lock {
    static constexpr std::string_view type = "lock";
    std::string host_token;
    bool locked = true;
};
BOOST_DESCRIBE_STRUCT(Lock, (), (host_token, locked))

struct Answer {
    static constexpr std::string_view type = "answer";
    int question = 0;
    std::optional<int> choice;        // choice mode: index into the question's choices
    std::optional<std::string> text;  // judge and self mode: free text
};
BOOST_DESCRIBE_STRUCT(Answer, (), (question, choice, text))

struct Judge {
    static constexpr std::string_view type = "judge";
    std::string host_token;
    int question = 0;
    int group = 0;
    Verdict verdict = Verdict::wrong;
    std::optional<std::string> comment;  // interview: shown in the candidate's summary
    std::vector<std::string> tips;       // interview: tips the answer showed; may be absent
};
BOOST_DESCRIBE_STRUCT(Judge, (), (host_token, question, group, verdict, comment, tips))

// Marks every group not yet judged with its suggested verdict.
struct AcceptSuggestions {
    static constexpr std::string_view type = "accept_suggestions";
    std::string host_token;
    int question = 0;
};
BOOST_DESCRIBE_STRUCT(AcceptSuggestions, (), (host_token, question))

struct Grade {
    static constexpr std::string_view type = "self_grade";
    int question = 0;
    SelfGrade grade = SelfGrade::again;
};
BOOST_DESCRIBE_STRUCT(Grade, (), (question, grade))

// After a game: back to the lobby with the same players for another round. In an interview
// room with swap_roles, the first candidate becomes the interviewer and the interviewer a
// candidate.
struct Rematch {
    static constexpr std::string_view type = "rematch";
    std::string host_token;
    bool swap_roles = false;
};
BOOST_DESCRIBE_STRUCT(Rematch, (), (host_token, swap_roles))

// Host: one page of the current standings, for the full list on demand (standings lists only
// the top; a classroom may hold thousands).
struct ListStandings {
    static constexpr std::string_view type = "list_standings";
    std::string host_token;
    std::optional<int> offset;  // default 0
    std::optional<int> limit;   // default 50
};
BOOST_DESCRIBE_STRUCT(ListStandings, (), (host_token, offset, limit))

struct Ping {
    static constexpr std::string_view type = "ping";
    std::optional<std::int64_t> nonce;
};
BOOST_DESCRIBE_STRUCT(Ping, (), (nonce))

// Asks for a partner for a mock interview (GAME.md "Finding a partner"). Both play both turns;
// `role` says which turn the player wants first.
struct MatchJoin {
    static constexpr std::string_view type = "match_join";
    std::string nickname;
    std::vector<std::string> topics;                     // any of these; empty or absent: any topic
    std::optional<Level> level;                          // absent: any level
    std::optional<MatchRole> role;                       // absent: either
    std::optional<std::string> identity = std::nullopt;  // as in CreateRoom
};
BOOST_DESCRIBE_STRUCT(MatchJoin, (), (nickname, topics, level, role, identity))

// Leaves the matching queue, or declines the partner proposed.
struct MatchLeave {
    static constexpr std::string_view type = "match_leave";
};
BOOST_DESCRIBE_STRUCT(MatchLeave, (), ())

// Accepts the partner proposed in match_proposed.
struct MatchConfirm {
    static constexpr std::string_view type = "match_confirm";
};
BOOST_DESCRIBE_STRUCT(MatchConfirm, (), ())

// A matched interview, after both turns: one side's feedback on the other.
struct Feedback {
    static constexpr std::string_view type = "feedback";
    std::vector<Rating> ratings;  // at most one per area; areas left out are not rated
    std::string went_well;        // may be absent
    std::string work_on;          // may be absent
};
BOOST_DESCRIBE_STRUCT(Feedback, (), (ratings, went_well, work_on))

// The public rooms open in their lobby.
struct ListRooms {
    static constexpr std::string_view type = "list_rooms";
    std::optional<RoomKind> kind;
    std::optional<std::string> topic;
};
BOOST_DESCRIBE_STRUCT(ListRooms, (), (kind, topic))

using ClientMessage =
    std::variant<Hello, CreateRoom, Join, Resume, Leave, Start, Pause, Continue, Skip, Extend,
                 EndGame, Kick, Lock, Answer, Judge, AcceptSuggestions, Grade, Rematch,
                 ListStandings, Ping, MatchJoin, MatchLeave, MatchConfirm, Feedback, ListRooms>;

// ---------------------------------------------------------------------------------------------
// Server to client

struct Welcome {
    static constexpr std::string_view type = "welcome";
    int protocol = protocol_version;
    std::string server;
    int max_message_bytes = 0;
    Millis server_time = 0;  // lets a client learn its clock offset before the first question
};
BOOST_DESCRIBE_STRUCT(Welcome, (), (protocol, server, max_message_bytes, server_time))

// To the creator of a room. Solo rooms seat the creator as their only player.
struct RoomCreated {
    static constexpr std::string_view type = "room_created";
    std::string code;
    std::string host_token;
    std::string resume_token;
    std::optional<PlayerId> player;
    RoomKind kind = RoomKind::quiz;
    RoundSettings settings;
    int questions_available = 0;
};
BOOST_DESCRIBE_STRUCT(RoomCreated, (),
                      (code, host_token, resume_token, player, kind, settings, questions_available))

// To a player who joined, or to anyone (host included) who resumed with a token.
struct Joined {
    static constexpr std::string_view type = "joined";
    std::string code;
    Role role = Role::player;
    std::optional<PlayerId> player;
    std::string nickname;
    std::string resume_token;
    std::optional<std::string> host_token;  // only to a host who resumed
    RoomKind kind = RoomKind::quiz;
    RoomPhase phase = RoomPhase::lobby;
    RoundSettings settings;
    std::string host;  // the host's nickname
    bool resumed = false;
    int points = 0;  // the player's points so far (non-zero after a resume)
};
BOOST_DESCRIBE_STRUCT(Joined, (),
                      (code, role, player, nickname, resume_token, host_token, kind, phase,
                       settings, host, resumed, points))

// Who is in the room. Coalesced: sent at most a few times a second. The host gets the list of
// players; players get the counts only (players is empty).
// To the host, the list of players goes as changes: `full` starts the list anew (after joining
// or resuming the host seat), later rosters carry who joined or changed and who was removed,
// so no roster grows with the room. Players get the counts only.
struct Roster {
    static constexpr std::string_view type = "roster";
    int count = 0;
    int connected = 0;
    bool locked = false;
    bool full = false;                // players starts the host's list anew
    std::vector<PlayerInfo> players;  // joined or changed since the last roster (or the list)
    std::vector<PlayerId> removed;    // no longer in the room
};
BOOST_DESCRIBE_STRUCT(Roster, (), (count, connected, locked, full, players, removed))

struct Question {
    static constexpr std::string_view type = "question";
    int question = 0;  // index in this round
    int total = 0;     // questions in this round
    std::string id;    // the bank's id for the question
    std::string text;
    std::vector<std::string> topics;
    AnswerMode mode = AnswerMode::choice;
    std::vector<std::string> choices;  // choice mode only
    Millis time_limit_ms = 0;
    Millis opened_at = 0;
    Millis deadline = 0;
    Millis server_time = 0;
    Millis remaining_ms = 0;
    bool paused = false;
    std::optional<std::string> reference;  // interview rooms: to the interviewer only
};
BOOST_DESCRIBE_STRUCT(Question, (),
                      (question, total, id, text, topics, mode, choices, time_limit_ms, opened_at,
                       deadline, server_time, remaining_ms, paused, reference))

struct AnswerAccepted {
    static constexpr std::string_view type = "answer_accepted";
    int question = 0;
    Millis elapsed_ms = 0;
};
BOOST_DESCRIBE_STRUCT(AnswerAccepted, (), (question, elapsed_ms))

struct AnswerRejected {
    static constexpr std::string_view type = "answer_rejected";
    int question = 0;
    ErrorCode code = ErrorCode::wrong_state;
    std::string message;
};
BOOST_DESCRIBE_STRUCT(AnswerRejected, (), (question, code, message))

// To the host: how many have answered. Coalesced.
struct AnswerProgress {
    static constexpr std::string_view type = "answer_progress";
    int question = 0;
    int answered = 0;
    int expected = 0;
};
BOOST_DESCRIBE_STRUCT(AnswerProgress, (), (question, answered, expected))

// To everyone when a question closes and its answers go to the judge: the countdown stops and
// the reveal follows the judge's marks.
struct QuestionClosed {
    static constexpr std::string_view type = "question_closed";
    int question = 0;
    int answered = 0;  // answers the judge will mark
};
BOOST_DESCRIBE_STRUCT(QuestionClosed, (), (question, answered))

// To the host in judge mode: every answer group beside the reference answer.
struct JudgeRequest {
    static constexpr std::string_view type = "judge_request";
    int question = 0;
    std::string text;
    std::string reference;
    std::vector<std::string> key_terms;
    std::vector<AnswerGroup> groups;
    std::vector<std::string> tips;   // interview: the rubric the judge may tick
    std::optional<Millis> deadline;  // when suggestions are applied automatically
};
BOOST_DESCRIBE_STRUCT(JudgeRequest, (),
                      (question, text, reference, key_terms, groups, tips, deadline))

// To the host: a mark was recorded.
struct Judged {
    static constexpr std::string_view type = "judged";
    int question = 0;
    int group = 0;
    Verdict verdict = Verdict::wrong;
    int remaining = 0;  // groups still to mark
};
BOOST_DESCRIBE_STRUCT(Judged, (), (question, group, verdict, remaining))

// To everyone when a question closes (after judging in judge mode).
struct Reveal {
    static constexpr std::string_view type = "reveal";
    int question = 0;
    std::string reference;
    std::optional<int> correct_choice;  // choice mode: the first of correct_choices
    // Choice mode: every right choice, ascending (a question may have several; picking any of
    // them is correct).
    std::optional<std::vector<int>> correct_choices;
    std::vector<int> choice_counts;       // choice mode: answers per choice
    bool grading = false;                 // self mode: players now grade themselves
    std::optional<Millis> next_at;        // when the next question opens, if automatic
    std::optional<std::string> feedback;  // the question's feedback, when the bank has one
};
BOOST_DESCRIBE_STRUCT(Reveal, (),
                      (question, reference, correct_choice, correct_choices, choice_counts, grading,
                       next_at, feedback))

// To one player: how their answer was marked.
struct Result {
    static constexpr std::string_view type = "result";
    int question = 0;
    std::optional<Verdict> verdict;  // absent: no answer
    std::optional<SelfGrade> grade;
    int points = 0;  // earned on this question, streak bonus included
    int total = 0;   // points so far
    int streak = 0;
    int rank = 0;
    std::optional<std::string> comment;
    // A review run: when this question comes back for review, and in how many days.
    std::optional<Millis> next_review;
    std::optional<int> review_days;
};
BOOST_DESCRIBE_STRUCT(Result, (),
                      (question, verdict, grade, points, total, streak, rank, comment, next_review,
                       review_days))

struct Standings {
    static constexpr std::string_view type = "standings";
    int question = 0;
    int count = 0;  // players ranked
    std::vector<Standing> top;
};
BOOST_DESCRIBE_STRUCT(Standings, (), (question, count, top))

// The answer to list_standings: players ranked offset+1 to offset+size, best first.
struct StandingsPage {
    static constexpr std::string_view type = "standings_page";
    int questions = 0;  // questions counted in these ranks
    int offset = 0;
    int count = 0;  // players ranked
    std::vector<Standing> standings;
};
BOOST_DESCRIBE_STRUCT(StandingsPage, (), (questions, offset, count, standings))

struct Paused {
    static constexpr std::string_view type = "paused";
    PauseReason reason = PauseReason::host;
    Millis remaining_ms = 0;
};
BOOST_DESCRIBE_STRUCT(Paused, (), (reason, remaining_ms))

struct Continued {
    static constexpr std::string_view type = "continued";
    Millis deadline = 0;
    Millis remaining_ms = 0;
};
BOOST_DESCRIBE_STRUCT(Continued, (), (deadline, remaining_ms))

struct TimeExtended {
    static constexpr std::string_view type = "time_extended";
    int question = 0;
    Millis deadline = 0;
    Millis remaining_ms = 0;
};
BOOST_DESCRIBE_STRUCT(TimeExtended, (), (question, deadline, remaining_ms))

// To the players when the host's connection drops or comes back.
struct HostStatus {
    static constexpr std::string_view type = "host_status";
    bool connected = true;
    Millis grace_ms = 0;  // when disconnected: how long before the game ends
};
BOOST_DESCRIBE_STRUCT(HostStatus, (), (connected, grace_ms))

struct GameOver {
    static constexpr std::string_view type = "game_over";
    EndReason reason = EndReason::completed;
    int questions = 0;                // questions played
    int count = 0;                    // players ranked
    std::vector<Standing> standings;  // the top of the final standings
};
BOOST_DESCRIBE_STRUCT(GameOver, (), (reason, questions, count, standings))

// To one player at the end.
struct FinalResult {
    static constexpr std::string_view type = "final_result";
    int rank = 0;
    int count = 0;
    int points = 0;
    int correct = 0;
    int partial = 0;
    int wrong = 0;
    int unanswered = 0;
    Millis time_ms = 0;  // total answer time
    Millis run_ms = 0;   // from the first question opening to the end
    // What this player missed, by topic, most missed first; absent when nothing was.
    std::optional<std::vector<StudyTopic>> study = std::nullopt;
};
BOOST_DESCRIBE_STRUCT(FinalResult, (),
                      (rank, count, points, correct, partial, wrong, unanswered, time_ms, run_ms,
                       study))

// Solo: to a player who gave an identity, after final_result, when the server keeps a record of
// runs: how this run compares with the best of the same identity's earlier runs in the same
// configuration (bank, mode, clock, questions, topics, streak bonus) that count.
struct PersonalBest {
    static constexpr std::string_view type = "personal_best";
    int points = 0;               // this run
    std::optional<int> previous;  // the best earlier run; absent on a first run
    bool new_best = false;        // this run beat every earlier one (never when not counted)
    int runs = 0;                 // earlier runs on record that count
    std::optional<NotCounted> not_counted = std::nullopt;  // present: counts for no best; why
};
BOOST_DESCRIBE_STRUCT(PersonalBest, (), (points, previous, new_best, runs, not_counted))

// Interview: to the candidate and to the interviewer.
struct Summary {
    static constexpr std::string_view type = "summary";
    PlayerId player = 0;
    std::string nickname;
    std::string interviewer;
    int points = 0;
    int rank = 0;
    int correct = 0;
    int partial = 0;
    int wrong = 0;
    int unanswered = 0;
    Millis time_ms = 0;
    std::vector<SummaryItem> items;
    std::vector<TopicMisses> misses_by_topic;
    std::vector<std::string> tips_shown;
    std::vector<std::string> tips_missed;
};
BOOST_DESCRIBE_STRUCT(Summary, (),
                      (player, nickname, interviewer, points, rank, correct, partial, wrong,
                       unanswered, time_ms, items, misses_by_topic, tips_shown, tips_missed))

struct Kicked {
    static constexpr std::string_view type = "kicked";
    std::string reason;
};
BOOST_DESCRIBE_STRUCT(Kicked, (), (reason))

// Acknowledges leave: the seat is given up and the resume token revoked.
struct Left {
    static constexpr std::string_view type = "left";
};
BOOST_DESCRIBE_STRUCT(Left, (), ())

struct Error {
    static constexpr std::string_view type = "error";
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::optional<std::string> field;    // the offending field, when there is one
    std::optional<std::string> request;  // the type of the message refused, when known
};
BOOST_DESCRIBE_STRUCT(Error, (), (code, message, field, request))

struct Pong {
    static constexpr std::string_view type = "pong";
    std::optional<std::int64_t> nonce;
    Millis server_time = 0;
};
BOOST_DESCRIBE_STRUCT(Pong, (), (nonce, server_time))

// Matching: to a player waiting for a partner, when they join the queue and then at most once
// a second while what it says changes.
struct MatchStatus {
    static constexpr std::string_view type = "match_status";
    int position = 0;                  // 1: the longest waiting
    int waiting = 0;                   // players waiting in all
    std::vector<TopicCount> topics;    // players waiting per topic asked for
    std::optional<Millis> wider_at;    // when neighbouring levels are accepted too
    std::optional<Requeued> requeued;  // back in the queue after a proposal fell through
};
BOOST_DESCRIBE_STRUCT(MatchStatus, (), (position, waiting, topics, wider_at, requeued))

// Matching: a partner is proposed; both confirm (match_confirm) by `confirm_by`.
struct MatchProposed {
    static constexpr std::string_view type = "match_proposed";
    std::string partner;                      // their nickname
    MatchRole role = MatchRole::interviewer;  // this player's first turn
    std::vector<std::string> topics;          // the topics the two share; empty: any
    std::optional<Level> level;               // the partner's level, if they gave one
    Millis confirm_by = 0;
};
BOOST_DESCRIBE_STRUCT(MatchProposed, (), (partner, role, topics, level, confirm_by))

// Matching: both confirmed. The pair's private room is made and both are seated in it: the
// joined that follows carries the tokens.
struct MatchFound {
    static constexpr std::string_view type = "match_found";
    std::string code;
    std::string partner;
    MatchRole role = MatchRole::interviewer;  // this player's first turn
    std::vector<std::string> topics;
};
BOOST_DESCRIBE_STRUCT(MatchFound, (), (code, partner, role, topics))

// Matching: this player is out of the queue.
struct MatchLeft {
    static constexpr std::string_view type = "match_left";
    MatchLeftReason reason = MatchLeftReason::left;
};
BOOST_DESCRIBE_STRUCT(MatchLeft, (), (reason))

// A matched interview: both turns are over; each side may send feedback until `deadline`.
struct FeedbackRequest {
    static constexpr std::string_view type = "feedback_request";
    std::string partner;
    std::vector<FeedbackArea> areas;
    Millis deadline = 0;
};
BOOST_DESCRIBE_STRUCT(FeedbackRequest, (), (partner, areas, deadline))

// A matched interview: the feedback was kept; the partner's comes once they sent theirs or the
// deadline passed.
struct FeedbackSaved {
    static constexpr std::string_view type = "feedback_saved";
};
BOOST_DESCRIBE_STRUCT(FeedbackSaved, (), ())

// A matched interview: what the partner said (sent: false when they sent nothing in time).
struct PartnerFeedback {
    static constexpr std::string_view type = "partner_feedback";
    std::string from;
    bool sent = false;
    std::vector<Rating> ratings;
    std::string went_well;
    std::string work_on;
};
BOOST_DESCRIBE_STRUCT(PartnerFeedback, (), (from, sent, ratings, went_well, work_on))

// A matched pair ends early: the partner left, or their seat's grace passed. No more turns and
// no feedback; the room closes once the seats are given up.
struct PairEnded {
    static constexpr std::string_view type = "pair_ended";
    std::string partner;
};
BOOST_DESCRIBE_STRUCT(PairEnded, (), (partner))

// The answer to list_rooms: the public rooms open in their lobby, at most a page.
struct RoomList {
    static constexpr std::string_view type = "room_list";
    std::vector<OpenRoom> rooms;
    int total = 0;     // public rooms that match, listed or not
    Millis as_of = 0;  // when the list was taken (it is refreshed at most once a second)
};
BOOST_DESCRIBE_STRUCT(RoomList, (), (rooms, total, as_of))

using ServerMessage =
    std::variant<Welcome, RoomCreated, Joined, Roster, Question, AnswerAccepted, AnswerRejected,
                 AnswerProgress, QuestionClosed, JudgeRequest, Judged, Reveal, Result, Standings,
                 StandingsPage, Paused, Continued, TimeExtended, HostStatus, GameOver, FinalResult,
                 PersonalBest, Summary, Kicked, Left, Error, Pong, MatchStatus, MatchProposed,
                 MatchFound, MatchLeft, FeedbackRequest, FeedbackSaved, PartnerFeedback, PairEnded,
                 RoomList>;

// The wire name of a message.
template <class Message>
constexpr std::string_view type_of(const Message&) {
    return Message::type;
}
std::string_view type_of(const ClientMessage& message);
std::string_view type_of(const ServerMessage& message);

}  // namespace rapidfire::protocol
