// In-room messages from a seated member: one function per message kind, and the checks they
// share (host seat and token, a running game, the question being judged, not paused).

#include <algorithm>
#include <string>

#include "rapidfire/common/constant_time.hpp"
#include "room_ops.hpp"

namespace rapidfire::core::ops {

using namespace protocol;

namespace {

// One message being handled: its sender, and the request name its errors carry.
struct Command {
    State& s;
    Member& from;
    std::string_view request;
    Millis now;

    void error(ErrorCode code, std::string text, std::string field = {}) const {
        send_error(s, from.id, code, std::move(text), request, std::move(field));
    }
};

// Each check sends its error and returns false when the command may not go on.

// Host actions: the sender must hold the host seat and carry the host token.
bool host_ok(const Command& c, const std::string& token) {
    if (!c.from.host) {
        c.error(ErrorCode::not_host, "only the host can do this");
        return false;
    }
    if (!common::constant_time_equal(token, c.s.host_token)) {
        c.error(ErrorCode::bad_host_token, "the host token is missing or wrong", "host_token");
        return false;
    }
    return true;
}

bool in_game(const Command& c) {
    if (!running(c.s)) {
        c.error(ErrorCode::wrong_state, "no game is running");
        return false;
    }
    return true;
}

// Marks are for the question being judged, and only while it is.
bool judging(const Command& c, int question) {
    if (c.s.game.phase != RoomPhase::judging) {
        c.error(ErrorCode::wrong_state, "no answers are waiting for a verdict");
        return false;
    }
    if (question != c.s.game.current) {
        c.error(ErrorCode::unknown_question, "that question is not being judged", "question");
        return false;
    }
    return true;
}

bool not_paused(const Command& c) {
    if (c.s.game.paused) {
        c.error(ErrorCode::wrong_state, "the game is paused");
        return false;
    }
    return true;
}

// A matched pair's room runs its turns by itself and stays private to the two: starting,
// rematches, kicks and the lock are not theirs to change.
bool unmatched(const Command& c) {
    if (c.s.pair) {
        c.error(ErrorCode::wrong_state,
                "a matched interview runs its turns by itself and stays private to the two");
        return false;
    }
    return true;
}

bool known_tip(const State& s, const std::string& tip) {
    return s.deps.guide && std::any_of(s.deps.guide->tips.begin(), s.deps.guide->tips.end(),
                                       [&](const auto& t) { return t.id == tip; });
}

void on(const Command& c, const Leave&) {
    State& s = c.s;
    if (!c.from.host) {
        remove_member(s, c.from, Left{}, c.now);
        return;
    }
    const bool over = s.game.phase == RoomPhase::finished;
    remove_member(s, c.from, Left{}, c.now);
    if (over) {
        // No rematch will come: the players need not wait for one.
        emit(s, Audience::players(), HostStatus{false, 0});
    } else {
        finish(s, EndReason::host_gone, c.now);
    }
}

void on(const Command& c, const Start& msg) {
    if (!unmatched(c) || !host_ok(c, msg.host_token))
        return;
    if (c.s.game.phase != RoomPhase::lobby)
        return c.error(ErrorCode::wrong_state, "the game has already started");
    if (c.s.active_players == 0)
        return c.error(ErrorCode::wrong_state, "wait for at least one player");
    start_game(c.s, c.now);
}

void on(const Command& c, const Pause& msg) {
    if (!host_ok(c, msg.host_token) || !in_game(c))
        return;
    if (c.s.game.paused)
        return c.error(ErrorCode::wrong_state, "the game is already paused");
    pause(c.s, PauseReason::host, c.now);
}

void on(const Command& c, const Continue& msg) {
    if (!host_ok(c, msg.host_token) || !in_game(c))
        return;
    if (!c.s.game.paused)
        return c.error(ErrorCode::wrong_state, "the game is not paused");
    resume_clock(c.s, c.now);
}

void on(const Command& c, const Skip& msg) {
    if (host_ok(c, msg.host_token) && in_game(c) && not_paused(c))
        skip(c.s, c.now);
}

void on(const Command& c, const Extend& msg) {
    if (!host_ok(c, msg.host_token))
        return;
    if (c.s.game.phase != RoomPhase::question)
        return c.error(ErrorCode::wrong_state, "no question is open");
    if (msg.seconds < 1 || msg.seconds > 300)
        return c.error(ErrorCode::out_of_range, "extend by 1 to 300 seconds", "seconds");
    extend(c.s, msg.seconds * Millis{1000}, c.now);
}

void on(const Command& c, const EndGame& msg) {
    if (!host_ok(c, msg.host_token))
        return;
    // PROTOCOL.md: `end` ends a running game; the lobby has none to end.
    if (c.s.game.phase == RoomPhase::lobby)
        return c.error(ErrorCode::wrong_state, "no game is running");
    if (c.s.game.phase == RoomPhase::finished)
        return c.error(ErrorCode::wrong_state, "the game is already over");
    finish(c.s, EndReason::ended_by_host, c.now);
}

void on(const Command& c, const Kick& msg) {
    if (!unmatched(c) || !host_ok(c, msg.host_token))
        return;
    Member* target = c.s.find(msg.player);
    if (target == nullptr || !target->active || target->host)
        return c.error(ErrorCode::unknown_player, "no such player in this room", "player");
    remove_member(c.s, *target, Kicked{"removed by the host"}, c.now);
}

void on(const Command& c, const Lock& msg) {
    if (!unmatched(c) || !host_ok(c, msg.host_token))
        return;
    c.s.locked = msg.locked;
    mark_roster(c.s, c.now);
}

void on(const Command& c, const protocol::Answer& msg) {
    if (!c.from.player)
        return c.error(ErrorCode::not_a_player, "the host runs the game and does not answer");
    record_answer(c.s, c.from, msg, c.now);
}

void on(const Command& c, const Judge& msg) {
    if (!host_ok(c, msg.host_token) || !judging(c, msg.question))
        return;
    if (msg.group < 0 || msg.group >= static_cast<int>(c.s.game.groups.size()))
        return c.error(ErrorCode::unknown_group, "no such answer group", "group");
    for (const auto& tip : msg.tips) {
        if (!known_tip(c.s, tip))
            return c.error(ErrorCode::out_of_range, "unknown tip '" + tip + "'", "tips");
    }
    record_verdict(c.s, msg, c.now);
}

void on(const Command& c, const AcceptSuggestions& msg) {
    if (host_ok(c, msg.host_token) && judging(c, msg.question))
        accept_suggestions(c.s, c.now);
}

void on(const Command& c, const Grade& msg) {
    if (!c.from.player)
        return c.error(ErrorCode::not_a_player, "the host does not grade themselves");
    record_grade(c.s, c.from, msg, c.now);
}

void on(const Command& c, const Rematch& msg) {
    if (!unmatched(c) || !host_ok(c, msg.host_token))
        return;
    if (c.s.game.phase != RoomPhase::finished)
        return c.error(ErrorCode::wrong_state, "a rematch follows a finished game");
    if (c.s.game.end_reason == EndReason::host_gone)
        return c.error(ErrorCode::wrong_state, "this room has closed");
    rematch(c.s, msg.swap_roles, c.now);
}

void on(const Command& c, const Feedback& msg) {
    record_feedback(c.s, c.from, msg, c.now);
}

void on(const Command& c, const ListStandings& msg) {
    if (!host_ok(c, msg.host_token))
        return;
    const int offset = msg.offset.value_or(0);
    const int limit = msg.limit.value_or(default_standings_page);
    if (offset < 0)
        return c.error(ErrorCode::out_of_range, "the offset cannot be negative", "offset");
    if (limit < 1 || limit > max_standings_page)
        return c.error(ErrorCode::out_of_range,
                       "list 1 to " + std::to_string(max_standings_page) + " players at a time",
                       "limit");
    emit(c.s, Audience::to(c.from.id), standings_page(c.s, offset, limit));
}

void on(const Command& c, const CreateRoom&) {
    c.error(ErrorCode::already_in_room, "leave this room before creating another");
}

void on(const Command& c, const Join&) {
    c.error(ErrorCode::already_in_room, "leave this room before joining another");
}

// The shell answers these itself; they never change a room.
void on(const Command&, const Hello&) {}
void on(const Command&, const Resume&) {}
void on(const Command&, const Ping&) {}
void on(const Command&, const ListRooms&) {}
void on(const Command&, const MatchJoin&) {}
void on(const Command&, const MatchLeave&) {}
void on(const Command&, const MatchConfirm&) {}

}  // namespace

void dispatch(State& s, Member& from, const ClientMessage& message, Millis now) {
    const Command command{s, from, type_of(message), now};
    std::visit([&](const auto& msg) { on(command, msg); }, message);
}

}  // namespace rapidfire::core::ops
