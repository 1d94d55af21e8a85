// The Room's public face: creation, command dispatch, host checks, timers.

#include "rapidfire/core/room.hpp"

#include <algorithm>

#include "room_ops.hpp"

namespace rapidfire::core {

using namespace protocol;

namespace {

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

}  // namespace

std::string_view room_code_of_token(std::string_view token) {
    const auto dot = token.find('.');
    return dot == std::string_view::npos ? std::string_view{} : token.substr(0, dot);
}

Room::Room(std::unique_ptr<State> state) : state_(std::move(state)) {}
Room::~Room() = default;

std::variant<std::unique_ptr<Room>, protocol::Error> Room::create(std::string code,
                                                                  const CreateRoom& request,
                                                                  RoomDeps deps, Millis now) {
    auto nickname = ops::clean_nickname(request.nickname, CreateRoom::type);
    if (auto* error = std::get_if<protocol::Error>(&nickname))
        return *error;
    auto resolved =
        resolve_settings(request.kind, request.settings, *deps.bank, deps.limits.max_capacity,
                         static_cast<std::int64_t>(deps.entropy->below(max_seed)));
    if (auto* error = std::get_if<protocol::Error>(&resolved))
        return *error;

    auto state = std::make_unique<State>();
    state->code = std::move(code);
    state->deps = std::move(deps);
    state->settings = std::get<ResolvedSettings>(std::move(resolved));
    state->host_token = make_token(*state->deps.entropy);
    const bool solo = request.kind == RoomKind::solo;
    Member& host =
        ops::add_member(*state, std::get<std::string>(std::move(nickname)), true, solo, now);
    state->host_id = host.id;

    RoomCreated created;
    created.code = state->code;
    created.host_token = state->host_token;
    created.resume_token = host.token;
    if (solo)
        created.player = host.id;
    created.kind = request.kind;
    created.settings = state->settings.to_wire();
    created.questions_available = count_matching(*state->deps.bank, state->settings.topics);
    ops::emit(*state, Audience::to(host.id), std::move(created));
    return std::unique_ptr<Room>(new Room(std::move(state)));
}

const std::string& Room::code() const {
    return state_->code;
}

Seat Room::join(const Join& request, Millis now) {
    ops::run_timers(*state_, now);
    return ops::join(*state_, request, now);
}

Seat Room::resume(std::string_view token, Millis now) {
    ops::run_timers(*state_, now);
    return ops::resume(*state_, token, now);
}

void Room::disconnected(MemberId member, Millis now) {
    ops::run_timers(*state_, now);
    ops::disconnect(*state_, member, now);
}

void Room::tick(Millis now) {
    ops::run_timers(*state_, now);
}

void Room::handle(MemberId from, const ClientMessage& message, Millis now) {
    State& s = *state_;
    // Timers that are due happen first: an answer that arrives after its deadline must see the
    // question closed, whatever the order the shell's timer and the message came in.
    ops::run_timers(s, now);
    Member* sender = s.find(from);
    const std::string_view request = type_of(message);
    if (sender == nullptr || !sender->active) {
        ops::emit(s, Audience::to(from),
                  protocol::Error{ErrorCode::not_in_room, "you are not in this room", std::nullopt,
                                  std::string(request)});
        return;
    }
    Member& m = *sender;
    auto error = [&](ErrorCode code, std::string text, std::string field = {}) {
        ops::send_error(s, from, code, std::move(text), request, std::move(field));
    };
    // Host actions: the sender must hold the host seat and carry the host token.
    auto host_ok = [&](const std::string& token) {
        if (!m.host) {
            error(ErrorCode::not_host, "only the host can do this");
            return false;
        }
        if (!ops::constant_time_equal(token, s.host_token)) {
            error(ErrorCode::bad_host_token, "the host token is missing or wrong", "host_token");
            return false;
        }
        return true;
    };
    auto in_game = [&] {
        if (!ops::running(s)) {
            error(ErrorCode::wrong_state, "no game is running");
            return false;
        }
        return true;
    };
    // Marks are for the question being judged, and only while it is.
    auto judging = [&](int question) {
        if (s.game.phase != RoomPhase::judging) {
            error(ErrorCode::wrong_state, "no answers are waiting for a verdict");
            return false;
        }
        if (question != s.game.current) {
            error(ErrorCode::unknown_question, "that question is not being judged", "question");
            return false;
        }
        return true;
    };
    auto not_paused = [&] {
        if (s.game.paused) {
            error(ErrorCode::wrong_state, "the game is paused");
            return false;
        }
        return true;
    };

    std::visit(
        overloaded{
            [&](const Leave&) {
                if (m.host) {
                    const bool over = s.game.phase == RoomPhase::finished;
                    ops::remove_member(s, m, Left{}, now);
                    if (over) {
                        // No rematch will come: the players need not wait for one.
                        ops::emit(s, Audience::players(), HostStatus{false, 0});
                    } else {
                        ops::finish(s, EndReason::host_gone, now);
                    }
                } else {
                    ops::remove_member(s, m, Left{}, now);
                }
            },
            [&](const Start& msg) {
                if (!host_ok(msg.host_token))
                    return;
                if (s.game.phase != RoomPhase::lobby) {
                    return error(ErrorCode::wrong_state, "the game has already started");
                }
                if (s.active_players == 0) {
                    return error(ErrorCode::wrong_state, "wait for at least one player");
                }
                ops::start_game(s, now);
            },
            [&](const Pause& msg) {
                if (!host_ok(msg.host_token) || !in_game())
                    return;
                if (s.game.paused)
                    return error(ErrorCode::wrong_state, "the game is already paused");
                ops::pause(s, PauseReason::host, now);
            },
            [&](const Continue& msg) {
                if (!host_ok(msg.host_token) || !in_game())
                    return;
                if (!s.game.paused)
                    return error(ErrorCode::wrong_state, "the game is not paused");
                ops::resume_clock(s, now);
            },
            [&](const Skip& msg) {
                if (host_ok(msg.host_token) && in_game() && not_paused())
                    ops::skip(s, now);
            },
            [&](const Extend& msg) {
                if (!host_ok(msg.host_token))
                    return;
                if (s.game.phase != RoomPhase::question) {
                    return error(ErrorCode::wrong_state, "no question is open");
                }
                if (msg.seconds < 1 || msg.seconds > 300) {
                    return error(ErrorCode::out_of_range, "extend by 1 to 300 seconds", "seconds");
                }
                ops::extend(s, msg.seconds * Millis{1000}, now);
            },
            [&](const EndGame& msg) {
                if (!host_ok(msg.host_token))
                    return;
                // PROTOCOL.md: `end` ends a running game; the lobby has none to end.
                if (s.game.phase == RoomPhase::lobby) {
                    return error(ErrorCode::wrong_state, "no game is running");
                }
                if (s.game.phase == RoomPhase::finished) {
                    return error(ErrorCode::wrong_state, "the game is already over");
                }
                ops::finish(s, EndReason::ended_by_host, now);
            },
            [&](const Kick& msg) {
                if (!host_ok(msg.host_token))
                    return;
                Member* target = s.find(msg.player);
                if (target == nullptr || !target->active || target->host) {
                    return error(ErrorCode::unknown_player, "no such player in this room",
                                 "player");
                }
                ops::remove_member(s, *target, Kicked{"removed by the host"}, now);
            },
            [&](const Lock& msg) {
                if (!host_ok(msg.host_token))
                    return;
                s.locked = msg.locked;
                ops::mark_roster(s, now);
            },
            [&](const protocol::Answer& msg) {
                if (!m.player) {
                    return error(ErrorCode::not_a_player,
                                 "the host runs the game and does not answer");
                }
                ops::record_answer(s, m, msg, now);
            },
            [&](const Judge& msg) {
                if (!host_ok(msg.host_token) || !judging(msg.question))
                    return;
                if (msg.group < 0 || msg.group >= static_cast<int>(s.game.groups.size())) {
                    return error(ErrorCode::unknown_group, "no such answer group", "group");
                }
                for (const auto& tip : msg.tips) {
                    if (!s.deps.guide ||
                        std::none_of(s.deps.guide->tips.begin(), s.deps.guide->tips.end(),
                                     [&](const auto& t) { return t.id == tip; })) {
                        return error(ErrorCode::out_of_range, "unknown tip '" + tip + "'", "tips");
                    }
                }
                ops::record_verdict(s, msg, now);
            },
            [&](const AcceptSuggestions& msg) {
                if (host_ok(msg.host_token) && judging(msg.question))
                    ops::accept_suggestions(s, now);
            },
            [&](const Grade& msg) {
                if (!m.player) {
                    return error(ErrorCode::not_a_player, "the host does not grade themselves");
                }
                ops::record_grade(s, m, msg, now);
            },
            [&](const Rematch& msg) {
                if (!host_ok(msg.host_token))
                    return;
                if (s.game.phase != RoomPhase::finished) {
                    return error(ErrorCode::wrong_state, "a rematch follows a finished game");
                }
                if (s.game.end_reason == EndReason::host_gone) {
                    return error(ErrorCode::wrong_state, "this room has closed");
                }
                ops::rematch(s, msg.swap_roles, now);
            },
            [&](const CreateRoom&) {
                error(ErrorCode::already_in_room, "leave this room before creating another");
            },
            [&](const Join&) {
                error(ErrorCode::already_in_room, "leave this room before joining another");
            },
            // The shell answers these itself; they never change a room.
            [&](const Hello&) {},
            [&](const Resume&) {},
            [&](const Ping&) {},
        },
        message);
}

std::optional<Millis> Room::next_wakeup() const {
    const State& s = *state_;
    std::optional<Millis> next;
    auto consider = [&](Millis at) { next = next ? std::min(*next, at) : at; };
    if (!s.game.paused && s.game.phase_deadline)
        consider(*s.game.phase_deadline);
    if (s.host_gone_at && s.game.phase != RoomPhase::finished) {
        consider(*s.host_gone_at + s.deps.limits.resume_grace_ms);
    }
    if (!s.expiries.empty())
        consider(s.expiries.begin()->first);
    const Millis interval = s.deps.limits.roster_interval_ms;
    if (s.roster_dirty)
        consider(s.last_roster ? *s.last_roster + interval : 0);
    if (s.progress_dirty)
        consider(s.last_progress ? *s.last_progress + interval : 0);
    return next;
}

std::vector<Outgoing> Room::take_outbox() {
    std::vector<Outgoing> out;
    out.swap(state_->outbox);
    return out;
}

std::vector<JournalEntry> Room::take_journal() {
    std::vector<JournalEntry> out;
    out.swap(state_->journal);
    return out;
}

bool Room::in_audience(const Audience& audience, MemberId member) const {
    const Member* m = state_->find(member);
    if (m == nullptr)
        return false;
    switch (audience.kind) {
        case Audience::Kind::member:
            return audience.member == member;
        case Audience::Kind::host:
            return m->active && m->host;
        case Audience::Kind::players:
            return m->active && m->player && !m->host;
        case Audience::Kind::everyone:
            return m->active;
    }
    return false;
}

void Room::resolve(const Audience& audience, std::vector<MemberId>& members) const {
    const State& s = *state_;
    members.clear();
    switch (audience.kind) {
        case Audience::Kind::member:
            if (s.find(audience.member) != nullptr)
                members.push_back(audience.member);
            return;
        case Audience::Kind::host:
            // Only the member named by host_id ever holds the host flag.
            if (const Member* host = s.find(s.host_id);
                host != nullptr && host->active && host->host)
                members.push_back(host->id);
            return;
        case Audience::Kind::players:
            for (const auto& m : s.members) {
                if (m.active && m.player && !m.host)
                    members.push_back(m.id);
            }
            return;
        case Audience::Kind::everyone:
            for (const auto& m : s.members) {
                if (m.active)
                    members.push_back(m.id);
            }
            return;
    }
}

MemberId Room::host() const {
    return state_->host_id;
}

RoomKind Room::kind() const {
    return state_->settings.kind;
}

std::string_view Room::nickname(MemberId member) const {
    const Member* m = state_->find(member);
    return m == nullptr ? std::string_view{} : std::string_view(m->nickname);
}

bool Room::closed(Millis) const {
    return state_->connected_members == 0 && state_->expiries.empty();
}

RoomStats Room::stats() const {
    // O(1): the shell asks after every call, and a room may hold thousands of players.
    const State& s = *state_;
    RoomStats stats;
    stats.phase = s.game.phase;
    stats.players = s.active_players;
    const Member* host = s.find(s.host_id);
    const bool host_counted = host != nullptr && host->active && host->connected && !host->player;
    stats.connected = s.connected_members - (host_counted ? 1 : 0);
    return stats;
}

}  // namespace rapidfire::core
