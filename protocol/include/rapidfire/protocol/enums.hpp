#pragma once
// Enumerations that travel on the wire as lower-case strings (their C++ names).

#include <string>

#include <boost/describe/enum.hpp>
#include <boost/describe/enum_to_string.hpp>

namespace rapidfire::protocol {

// What a room is for: a classroom quiz, a peer mock interview, or a solo run against the clock.
enum class RoomKind { quiz, interview, solo };
BOOST_DESCRIBE_ENUM(RoomKind, quiz, interview, solo)

// How answers are given and marked.
enum class AnswerMode { choice, judge, self };
BOOST_DESCRIBE_ENUM(AnswerMode, choice, judge, self)

// A solo run's clock: a fresh clock per question, or one clock for the whole run.
enum class ClockMode { per_question, total };
BOOST_DESCRIBE_ENUM(ClockMode, per_question, total)

// A judge's (or the automatic) mark for an answer.
enum class Verdict { correct, partial, wrong };
BOOST_DESCRIBE_ENUM(Verdict, correct, partial, wrong)

// A player's own grade in self mode; good and easy count as correct, hard as partial.
enum class SelfGrade { again, hard, good, easy };
BOOST_DESCRIBE_ENUM(SelfGrade, again, hard, good, easy)

// The phase a room is in.
enum class RoomPhase { lobby, question, judging, grading, reveal, finished };
BOOST_DESCRIBE_ENUM(RoomPhase, lobby, question, judging, grading, reveal, finished)

// The seat someone holds in a room.
enum class Role { host, player };
BOOST_DESCRIBE_ENUM(Role, host, player)

// Why a room is paused.
enum class PauseReason { host, host_disconnected };
BOOST_DESCRIBE_ENUM(PauseReason, host, host_disconnected)

// Why a solo run does not count for personal bests and the leaderboard: a question's clock was
// stopped by `pause`, stopped because the player's connection dropped, or lengthened by `extend`.
enum class NotCounted { paused, disconnected, extended };
BOOST_DESCRIBE_ENUM(NotCounted, paused, disconnected, extended)

// Why a game ended.
enum class EndReason { completed, ended_by_host, host_gone, time_up };
BOOST_DESCRIBE_ENUM(EndReason, completed, ended_by_host, host_gone, time_up)

// Matching: which side of the interview a player asks to take first. Both sides play both turns;
// `either` pairs with anyone whose role fits.
enum class MatchRole { either, interviewer, candidate };
BOOST_DESCRIBE_ENUM(MatchRole, either, interviewer, candidate)

// Matching: the level a player says they practise at. Pairs are made at the same level first,
// at a neighbouring level after a wait (GAME.md).
enum class Level { beginner, intermediate, advanced };
BOOST_DESCRIBE_ENUM(Level, beginner, intermediate, advanced)

// Why a player waiting for a partner is back in the queue (at its front, as the oldest).
enum class Requeued { partner_declined, partner_no_show, partner_gone };
BOOST_DESCRIBE_ENUM(Requeued, partner_declined, partner_no_show, partner_gone)

// Why a player is no longer in the matching queue.
enum class MatchLeftReason { left, declined, no_show };
BOOST_DESCRIBE_ENUM(MatchLeftReason, left, declined, no_show)

// The wire name of a described enumerator ("quiz", "per_question"), for logs, metrics, the
// record and the client's text; "unknown" for a value outside the enumeration.
template <class E>
std::string name_of(E value) {
    return boost::describe::enum_to_string(value, "unknown");
}

}  // namespace rapidfire::protocol
