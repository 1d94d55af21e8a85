// Seats: joining, resuming, dropping, leaving, kicks, expiry, and rematches.

#include <algorithm>

#include "control_characters.hpp"
#include "rapidfire/common/constant_time.hpp"
#include "rapidfire/common/text.hpp"
#include "rapidfire/core/answer_matching.hpp"
#include "rapidfire/protocol/utf8.hpp"
#include "room_ops.hpp"

namespace rapidfire::core::ops {

using namespace protocol;

namespace {

void seat_dropped(State& s, Member& m, Millis now) {
    m.connected = false;
    m.disconnected_at = now;
    --s.connected_members;
    s.expiries.emplace(now + s.deps.limits.resume_grace_ms, m.id);
}

// A connected member stops counting towards what the current phase waits for.
void stop_waiting_for(State& s, const Member& m, Millis now) {
    if (!m.player)
        return;
    const AnswerRecord* r = m.find_answer(s.game.current);
    const bool answered = r != nullptr && r->answered;
    if (s.game.phase == RoomPhase::question && !answered) {
        if (--s.game.pending <= 0 && !s.game.paused)
            close_question(s, now);
        else
            mark_progress(s, now);  // the host's answered n/m: one fewer expected
    } else if (s.game.phase == RoomPhase::grading && answered && !r->grade) {
        if (--s.game.pending <= 0 && !s.game.paused)
            finish_grading(s, now);
    }
}

void start_waiting_for(State& s, const Member& m, Millis now) {
    if (!m.player)
        return;
    const AnswerRecord* r = m.find_answer(s.game.current);
    const bool answered = r != nullptr && r->answered;
    if (s.game.phase == RoomPhase::question && !answered) {
        ++s.game.pending;
        mark_progress(s, now);  // the host's answered n/m: one more expected
    }
    if (s.game.phase == RoomPhase::grading && answered && !r->grade)
        ++s.game.pending;
}

// Frees `m`'s nickname, unless a newcomer has already taken it over.
void release_nickname(State& s, const Member& m) {
    const auto it = s.by_nickname.find(m.folded);
    if (it != s.by_nickname.end() && it->second == m.id)
        s.by_nickname.erase(it);
}

// Whether `folded` is free for a newcomer: nobody holds it, or only a seat gone past its grace,
// which then loses its claim for good (its points stay in the standings).
bool take_nickname_over(State& s, const std::string& folded) {
    const auto it = s.by_nickname.find(folded);
    if (it == s.by_nickname.end())
        return true;
    Member* holder = s.find(it->second);
    if (holder == nullptr || !holder->gone)
        return false;
    s.by_token.erase(holder->token);
    s.by_nickname.erase(it);
    return true;
}

}  // namespace

std::variant<std::string, protocol::Error> clean_nickname(std::string_view raw,
                                                          std::string_view request) {
    std::string nickname = trim(raw);
    auto refuse = [&](std::string message) {
        return make_error(ErrorCode::invalid_nickname, std::move(message), request, "nickname");
    };
    if (nickname.empty())
        return refuse("the nickname is empty");
    if (has_control_characters(nickname))
        return refuse("the nickname has control characters");
    if (utf8_length(nickname) > max_nickname_chars) {
        return refuse("the nickname is longer than " + std::to_string(max_nickname_chars) +
                      " characters");
    }
    return nickname;
}

Member& add_member(State& s, std::string nickname, bool host, bool player) {
    Member m;
    m.id = static_cast<MemberId>(s.members.size() + 1);
    m.folded = common::fold_nickname(nickname);
    m.nickname = std::move(nickname);
    m.host = host;
    m.player = player;
    m.join_order = s.next_join_order++;
    m.token = s.code + "." + make_token(*s.deps.entropy);
    s.by_token.emplace(m.token, m.id);
    s.by_nickname.emplace(m.folded, m.id);
    ++s.connected_members;
    if (player)
        ++s.active_players;
    s.members.push_back(std::move(m));
    return s.members.back();
}

Seat join(State& s, const protocol::Join& request, Millis now) {
    auto refuse = [](ErrorCode code, std::string message, std::string_view field = {}) -> Seat {
        return make_error(code, std::move(message), "join", field);
    };
    if (s.game.phase == RoomPhase::finished)
        return refuse(ErrorCode::wrong_state, "the game is over");
    if (s.locked)
        return refuse(ErrorCode::room_locked, "the host has locked this room");
    if (!s.settings.password.empty() &&
        !common::constant_time_equal(request.password.value_or(""), s.settings.password)) {
        return refuse(ErrorCode::wrong_password, "wrong room password", "password");
    }
    auto cleaned = clean_nickname(request.nickname, "join");
    if (auto* error = std::get_if<protocol::Error>(&cleaned))
        return *error;
    std::string nickname = std::get<std::string>(std::move(cleaned));
    const bool solo = s.settings.kind == RoomKind::solo;
    if (solo || s.active_players >= s.settings.capacity) {
        return refuse(ErrorCode::room_full, "the room is full");
    }
    if (!take_nickname_over(s, common::fold_nickname(nickname))) {
        return refuse(ErrorCode::nickname_taken, "someone in the room already has this nickname",
                      "nickname");
    }
    Member& m = add_member(s, std::move(nickname), false, true);
    // A late joiner takes part in the game: starts at 0 and may answer the open question.
    m.score.in_game = running(s);
    emit(s, Audience::to(m.id), joined_message(s, m, false));
    start_waiting_for(s, m, now);
    send_snapshot(s, m, now);
    roster_changed(s, m, now);
    return m.id;
}

Seat resume(State& s, std::string_view token, Millis now) {
    const auto it = s.by_token.find(std::string(token));
    Member* m = it == s.by_token.end() ? nullptr : s.find(it->second);
    if (m == nullptr || !m->active || !common::constant_time_equal(m->token, token))
        return bad_resume_token_error();
    if (!m->connected) {
        s.expiries.erase({m->disconnected_at + s.deps.limits.resume_grace_ms, m->id});
        m->gone = false;
        m->connected = true;
        ++s.connected_members;
        start_waiting_for(s, *m, now);
    }
    emit(s, Audience::to(m->id), joined_message(s, *m, true));
    send_snapshot(s, *m, now);
    if (m->host && s.host_gone_at) {
        s.host_gone_at.reset();
        emit(s, Audience::players(), HostStatus{true, 0});
        if (s.game.paused && s.game.pause_reason == PauseReason::host_disconnected)
            resume_clock(s, now);
    }
    roster_changed(s, *m, now);
    return m->id;
}

void disconnect(State& s, MemberId id, Millis now) {
    Member* m = s.find(id);
    if (m == nullptr || !m->active || !m->connected)
        return;
    seat_dropped(s, *m, now);
    if (m->host) {
        s.host_gone_at = now;
        if (running(s) && !s.game.paused)
            pause(s, PauseReason::host_disconnected, now);
        emit(s, Audience::players(), HostStatus{false, s.deps.limits.resume_grace_ms});
    }
    if (running(s))
        stop_waiting_for(s, *m, now);
    roster_changed(s, *m, now);
}

void remove_member(State& s, Member& m, ServerMessage farewell, Millis now) {
    const bool was_connected = m.connected;
    if (was_connected && running(s))
        stop_waiting_for(s, m, now);
    if (was_connected) {
        --s.connected_members;
    } else {
        s.expiries.erase({m.disconnected_at + s.deps.limits.resume_grace_ms, m.id});
    }
    m.active = false;
    m.connected = false;
    if (m.player)
        --s.active_players;
    s.by_token.erase(m.token);
    release_nickname(s, m);
    emit(s, Audience::to(m.id), std::move(farewell), true);
    roster_removed(s, m, now);
}

void expire_seats(State& s, Millis now) {
    while (!s.expiries.empty() && s.expiries.begin()->first <= now) {
        const MemberId id = s.expiries.begin()->second;
        s.expiries.erase(s.expiries.begin());
        Member* m = s.find(id);
        if (m == nullptr || !m->active || m->connected)
            continue;
        if (s.game.phase != RoomPhase::lobby && !m->host) {
            // During a game (and after it) the player's points stay in the standings and the
            // token still brings the seat back; the nickname is free for someone else.
            m->gone = true;
            continue;
        }
        // In the lobby the seat is freed; the host's seat is gone for good.
        s.by_token.erase(m->token);
        if (m->host && s.game.phase == RoomPhase::finished)
            emit(s, Audience::players(), HostStatus{false, 0});  // gone for good: no rematch
        m->active = false;
        if (m->player)
            --s.active_players;
        release_nickname(s, *m);
        if (m->player && !m->host)
            s.roster_removed.push_back(m->id);
        s.host_roster_dirty = true;
        s.players_roster_dirty = true;
    }
}

void rematch(State& s, bool swap_roles, Millis now) {
    if (swap_roles && s.settings.kind == RoomKind::interview) {
        // The first candidate who is here: a seat whose connection dropped would leave the
        // room without an interviewer. With nobody here the roles stay as they are.
        Member* candidate = nullptr;
        for (auto& m : s.members) {
            if (m.active && m.connected && m.player && !m.host) {
                candidate = &m;
                break;
            }
        }
        Member* host = s.find(s.host_id);
        if (candidate != nullptr && host != nullptr) {
            host->host = false;
            host->player = true;
            ++s.active_players;
            candidate->host = true;
            candidate->player = false;
            --s.active_players;
            s.host_id = candidate->id;
            s.host_token = make_token(*s.deps.entropy);
        }
    }
    for (auto& m : s.members) {
        m.score = {};
        if (m.active && m.gone) {
            // Past the grace: not a seat of the new game; the points were the last game's.
            s.by_token.erase(m.token);
            release_nickname(s, m);
            m.active = false;
            if (m.player)
                --s.active_players;
        }
    }
    if (!s.settings.seed_given) {
        s.settings.seed = static_cast<std::int64_t>(s.deps.entropy->below(max_seed));
    }
    s.game = Game{};
    for (auto& m : s.members) {
        if (!m.active || !m.connected)
            continue;
        protocol::Joined joined = joined_message(s, m, false);
        if (m.host)
            joined.host_token = s.host_token;
        emit(s, Audience::to(m.id), std::move(joined));
    }
    // Perhaps a new host, and seats gone since the game: the host's list starts anew.
    send_host_list(s);
    mark_roster(s, now);
}

}  // namespace rapidfire::core::ops
