#pragma once
// The operations a Room is made of, split by concern across room_*.cpp. Private to the core.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/core/learning.hpp"
#include "room_state.hpp"

namespace rapidfire::core::ops {

using State = Room::State;

// --- messages (room_views.cpp)
void emit(State& s, Audience to, protocol::ServerMessage message, bool unbind = false);
void send_error(State& s, MemberId to, protocol::ErrorCode code, std::string message,
                std::string_view request, std::string field = {});
protocol::Joined joined_message(const State& s, const Member& m, bool resumed);
// `to_interviewer`: the host of an interview room, who also gets the reference answer.
protocol::Question question_message(const State& s, Millis now, bool to_interviewer = false);
// The visible deadline of the open question and the time left on it.
Millis question_deadline(const State& s);
Millis question_remaining(const State& s, Millis now);
Millis question_elapsed(const State& s, Millis now);
// Ranks every player (points, then answer time, then join order) and stores each rank.
void rank_players(State& s);
std::vector<protocol::Standing> top_standings(const State& s, int limit);
// Players ranked offset+1 to offset+limit (fewer at the end of the list).
protocol::StandingsPage standings_page(const State& s, int offset, int limit);
inline constexpr int default_standings_page = 50;
inline constexpr int max_standings_page = 100;
protocol::Summary summary_for(const State& s, const Member& candidate);
// The host's view of the answers to mark (groups not yet marked).
protocol::JudgeRequest judge_request_message(const State& s);
// The end-of-game record: everyone's standing and result, and the interview summaries.
protocol::FinalResult final_result_for(const State& s, const Member& m);
// Broadcasts of the game's steps.
void send_reveal(State& s, bool grading);
void send_results(State& s);  // each player's result, then the standings when shown
void send_game_over(State& s);
// Sends a member what they need to see the room as it is now (after join or resume).
void send_snapshot(State& s, Member& m, Millis now);
// Coalesced updates: the roster and the host's answer progress go out at most once per
// interval; later changes wait for the next slot (tick() sends them).
// Starts the host's list anew: a `full` roster now, the rest of a big room's list in the next
// rosters.
void send_host_list(State& s);
void mark_roster(State& s, Millis now);                // the counts or the lock changed
void roster_changed(State& s, Member& m, Millis now);  // joined, connected or dropped
void roster_removed(State& s, Member& m, Millis now);  // left, kicked, or the seat expired
// How often the players get the counts: less often as the room grows (RoomLimits).
Millis players_roster_interval(const State& s);
void mark_progress(State& s, Millis now);
void flush_updates(State& s, Millis now);

// --- game flow (room_flow.cpp)
void start_game(State& s, Millis now);
void open_question(State& s, int index, Millis now);
void close_question(State& s, Millis now);
void finish_judging(State& s, Millis now);
void finish_grading(State& s, Millis now);
void advance(State& s, Millis now);  // from the reveal to the next question or the end
void finish(State& s, protocol::EndReason reason, Millis now);
void pause(State& s, protocol::PauseReason reason, Millis now);
void resume_clock(State& s, Millis now);
void extend(State& s, Millis extra, Millis now);
void skip(State& s, Millis now);
void record_answer(State& s, Member& m, const protocol::Answer& answer, Millis now);
void record_grade(State& s, Member& m, const protocol::Grade& grade, Millis now);
void record_verdict(State& s, const protocol::Judge& judge, Millis now);
void accept_suggestions(State& s, Millis now);
void run_timers(State& s, Millis now);
bool running(const State& s);

// --- commands (room_commands.cpp)
// Handles an in-room message from a seated, active member.
void dispatch(State& s, Member& from, const protocol::ClientMessage& message, Millis now);

// --- seats (room_seats.cpp)
// The trimmed nickname, or an error when it is empty, too long or not printable.
std::variant<std::string, protocol::Error> clean_nickname(std::string_view raw,
                                                          std::string_view request);
Member& add_member(State& s, std::string nickname, bool host, bool player);
Seat join(State& s, const protocol::Join& request, Millis now);
Seat resume(State& s, std::string_view token, Millis now);
void disconnect(State& s, MemberId id, Millis now);
void remove_member(State& s, Member& m, protocol::ServerMessage farewell, Millis now);
void expire_seats(State& s, Millis now);
void rematch(State& s, bool swap_roles, Millis now);

// --- a matched pair: its two turns (room_pair.cpp) and its feedback (room_feedback.cpp)
// Members 1 (interviewer) and 2 (candidate) are seated: sends both their joined and starts the
// first turn.
void begin_pair(State& s, Millis now);
// The other side of a pair.
const Member& partner_of(const State& s, const Member& m);
// The questions of the game about to start: in a pair's second turn, only those the first did
// not ask; in a review run, the runner's due questions first, then new ones.
std::vector<PlannedQuestion> plan_game(const State& s, Millis now);
// A game of a pair ended (finish() calls it): the break before the second turn, or the
// feedback after it; a side whose seat lapsed ends the pair.
void pair_turn_over(State& s, protocol::EndReason reason, Millis now);
// The swap after the break and the end of the feedback time, when due.
void run_pair_timers(State& s, Millis now);
std::optional<Millis> pair_wakeup(const State& s);
// Asks both sides for feedback, until now + RoomLimits::feedback_ms.
void request_feedback(State& s, Millis now);
// A side's feedback: checked, recorded, answered with feedback_saved or an error.
void record_feedback(State& s, Member& from, const protocol::Feedback& feedback, Millis now);
// Sends each side what the other said (or that they said nothing).
void exchange_feedback(State& s);
// After a resume: the feedback_request still to answer, or the partner's feedback.
void send_feedback_snapshot(State& s, const Member& m);

// --- learning (room_learning.cpp)
// What a finished game showed `m` remembers: the rating of each question played that has one
// (reveal_results rates the answers of players with an identity).
std::vector<learning::QuestionRating> ratings_for(const State& s, const Member& m);
// A review run's questions at `now`, by bank id (learning::review_order over the room's cards).
std::vector<std::string> review_order(const State& s, Millis now);
// A review run: once the open question is rated, moves the runner's card for it and keeps it
// in the answer's record, for the result to say when the question comes back.
void review_answers(State& s, Millis now);

}  // namespace rapidfire::core::ops
