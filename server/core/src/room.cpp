// The Room's public face: creation, the entry points (each runs due timers first), the seam.

#include "rapidfire/core/room.hpp"

#include <algorithm>

#include "rapidfire/core/identity.hpp"
#include "room_ops.hpp"

namespace rapidfire::core {

using namespace protocol;

std::string_view room_code_of_token(std::string_view token) {
    const auto dot = token.find('.');
    return dot == std::string_view::npos ? std::string_view{} : token.substr(0, dot);
}

Room::Room(std::unique_ptr<State> state) : state_(std::move(state)) {}
Room::~Room() = default;

namespace {

// An identity is optional; one that is given must have its documented form (limits.hpp).
std::optional<protocol::Error> check_identity(const std::optional<std::string>& identity,
                                              std::string_view request) {
    if (!identity || is_valid_identity(*identity))
        return std::nullopt;
    return make_error(ErrorCode::out_of_range,
                      "the identity must be " + std::to_string(min_identity_chars) + " to " +
                          std::to_string(max_identity_chars) +
                          " characters of A-Z, a-z, 0-9, '_' and '-'",
                      request, "identity");
}

// A review run asks the runner's own due questions: it needs who they are and their cards, and
// something to ask. Nothing when the run can start.
std::optional<protocol::Error> check_review(const CreateRoom& request,
                                            const ResolvedSettings& settings,
                                            const RoomDeps& deps) {
    if (!request.identity) {
        return make_error(ErrorCode::review_unavailable,
                          "a review asks the questions due for you: it needs your identity "
                          "(the clients keep one)",
                          CreateRoom::type, "identity");
    }
    if (!deps.review) {
        return make_error(ErrorCode::review_unavailable,
                          "this server keeps no record of answers, so it has nothing to review",
                          CreateRoom::type, "settings.review");
    }
    const auto& deck = *deps.review;
    if (!learning::review_order(*deps.bank, settings.topics, deck.cards, deck.as_of, 1).empty())
        return std::nullopt;
    std::string message = settings.topics.empty()
                              ? "nothing is due for review and every question has been answered"
                              : "nothing is due for review on these topics and every question "
                                "of them has been answered";
    if (const auto next = learning::next_due(deck.cards, deck.as_of)) {
        const Millis days = (*next - deck.as_of + fsrs::day_ms - 1) / fsrs::day_ms;
        message += days <= 1
                       ? ": the next question comes back within a day"
                       : ": the next question comes back in " + std::to_string(days) + " days";
    }
    return make_error(ErrorCode::nothing_due, message, CreateRoom::type, "settings.review");
}

}  // namespace

std::variant<std::unique_ptr<Room>, protocol::Error> Room::create(std::string code,
                                                                  const CreateRoom& request,
                                                                  RoomDeps deps) {
    auto nickname = ops::clean_nickname(request.nickname, CreateRoom::type);
    if (auto* error = std::get_if<protocol::Error>(&nickname))
        return *error;
    if (auto error = check_identity(request.identity, CreateRoom::type))
        return *error;
    auto resolved =
        resolve_settings(request.kind, request.settings, *deps.bank, deps.limits.max_capacity,
                         static_cast<std::int64_t>(deps.entropy->below(max_seed)));
    if (auto* error = std::get_if<protocol::Error>(&resolved))
        return *error;
    if (std::get<ResolvedSettings>(resolved).review) {
        if (auto error = check_review(request, std::get<ResolvedSettings>(resolved), deps))
            return *error;
    }

    auto state = std::make_unique<State>();
    state->code = std::move(code);
    state->deps = std::move(deps);
    state->settings = std::get<ResolvedSettings>(std::move(resolved));
    if (state->settings.review) {
        for (auto& stored : state->deps.review->cards)
            state->review_cards.insert_or_assign(std::move(stored.question), stored.card);
        state->deps.review.reset();  // the room's own copy moves with each answer
    }
    state->host_token = make_token(*state->deps.entropy);
    const bool solo = request.kind == RoomKind::solo;
    Member& host = ops::add_member(*state, std::get<std::string>(std::move(nickname)), true, solo);
    state->host_id = host.id;
    if (request.identity)
        host.identity = identity_digest(*request.identity);

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

std::variant<std::unique_ptr<Room>, protocol::Error> Room::create_pair(std::string code,
                                                                       const PairSpec& pair,
                                                                       RoomDeps deps, Millis now) {
    // The matcher checked both sides when they queued; checked again, as create does, so that
    // no seat is ever given to a nickname or identity the rules refuse.
    auto interviewer = ops::clean_nickname(pair.interviewer.nickname, MatchJoin::type);
    if (auto* error = std::get_if<protocol::Error>(&interviewer))
        return *error;
    auto candidate = ops::clean_nickname(pair.candidate.nickname, MatchJoin::type);
    if (auto* error = std::get_if<protocol::Error>(&candidate))
        return *error;
    for (const auto* side : {&pair.interviewer, &pair.candidate}) {
        if (auto error = check_identity(side->identity, MatchJoin::type))
            return *error;
    }
    RoundSettings requested;
    requested.topics = pair.topics;
    requested.capacity = 1;
    auto resolved =
        resolve_settings(RoomKind::interview, requested, *deps.bank, deps.limits.max_capacity,
                         static_cast<std::int64_t>(deps.entropy->below(max_seed)));
    auto* settings = std::get_if<ResolvedSettings>(&resolved);
    const int available = settings ? count_matching(*deps.bank, settings->topics) : 0;
    if (available < 2) {
        return make_error(ErrorCode::invalid_settings,
                          "these topics hold fewer than two questions: each turn needs one",
                          MatchConfirm::type, "topics");
    }
    // Both turns ask as many questions, each its own.
    settings->questions = std::min(settings->questions, available / 2);

    auto state = std::make_unique<State>();
    state->code = std::move(code);
    state->deps = std::move(deps);
    state->settings = std::move(*settings);
    state->host_token = make_token(*state->deps.entropy);
    state->locked = true;  // private to the two
    Member& host =
        ops::add_member(*state, std::get<std::string>(std::move(interviewer)), true, false);
    state->host_id = host.id;
    if (pair.interviewer.identity)
        host.identity = identity_digest(*pair.interviewer.identity);
    Member& player =
        ops::add_member(*state, std::get<std::string>(std::move(candidate)), false, true);
    if (pair.candidate.identity)
        player.identity = identity_digest(*pair.candidate.identity);
    ops::begin_pair(*state, now);
    return std::unique_ptr<Room>(new Room(std::move(state)));
}

const std::string& Room::code() const {
    return state_->code;
}

Seat Room::join(const Join& request, Millis now) {
    ops::run_timers(*state_, now);
    if (auto error = check_identity(request.identity, Join::type))
        return *error;
    Seat seat = ops::join(*state_, request, now);
    if (const auto* member = std::get_if<MemberId>(&seat); member && request.identity)
        state_->find(*member)->identity = identity_digest(*request.identity);
    return seat;
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
    if (sender == nullptr || !sender->active) {
        ops::emit(s, Audience::to(from), not_in_room_error(type_of(message)));
        return;
    }
    ops::dispatch(s, *sender, message, now);
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
    if (const auto at = ops::pair_wakeup(s))
        consider(*at);
    const Millis interval = s.deps.limits.roster_interval_ms;
    if (s.host_roster_dirty)
        consider(s.last_host_roster ? *s.last_host_roster + interval : 0);
    if (s.players_roster_dirty) {
        consider(s.last_players_roster ? *s.last_players_roster + ops::players_roster_interval(s)
                                       : 0);
    }
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

namespace {

// The one rule of who belongs to an audience.
bool belongs(const Member& m, const Audience& audience) {
    switch (audience.kind) {
        case Audience::Kind::member:
            return audience.member == m.id;
        case Audience::Kind::host:
            return m.active && m.host;
        case Audience::Kind::players:
            return m.active && m.player && !m.host;
        case Audience::Kind::everyone:
            return m.active;
    }
    return false;
}

}  // namespace

bool Room::in_audience(const Audience& audience, MemberId member) const {
    const Member* m = state_->find(member);
    return m != nullptr && belongs(*m, audience);
}

void Room::resolve(const Audience& audience, std::vector<MemberId>& members) const {
    const State& s = *state_;
    members.clear();
    // One member and the host are looked up (only the member named by host_id ever holds the
    // host flag); players and everyone are a walk over the members.
    const MemberId only = audience.kind == Audience::Kind::member ? audience.member
                          : audience.kind == Audience::Kind::host ? s.host_id
                                                                  : 0;
    if (only != 0) {
        if (in_audience(audience, only))
            members.push_back(only);
        return;
    }
    for (const auto& m : s.members) {
        if (belongs(m, audience))
            members.push_back(m.id);
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

bool Room::closed() const {
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
