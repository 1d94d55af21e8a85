#include "match_peer.hpp"

#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/protocol/error.hpp"
#include "worker.hpp"

namespace rapidfire::bench {

namespace {

std::int64_t micros_between(MatchPeer::Clock::time_point from, MatchPeer::Clock::time_point to) {
    return std::chrono::duration_cast<std::chrono::microseconds>(to - from).count();
}

// A peer who asked for a side must get it; `either` takes what comes.
bool first_turn_fits(protocol::MatchRole asked, protocol::MatchRole given) {
    return asked == protocol::MatchRole::either || asked == given;
}

}  // namespace

MatchPeer::MatchPeer(Worker& worker, std::size_t index, PeerPlan plan)
    : worker_(worker), index_(index), plan_(std::move(plan)) {
    protocol::MatchJoin join;
    join.nickname = plan_.nickname;
    join.topics = plan_.topics;
    join.role = plan_.role;
    join_text_ = protocol::encode(protocol::ClientMessage(std::move(join)));
}

void MatchPeer::open() {
    state_ = State::connecting;
    connect_started_ = Clock::now();
    connection_ = ClientConnection::create(worker_.io, *this, worker_.stats);
    connection_->open(worker_.address, index_);
}

void MatchPeer::join() {
    if (state_ != State::ready)
        return;
    state_ = State::queued;
    joined_at_ = Clock::now();
    connection_->send(join_text_);
}

void MatchPeer::close() {
    if (connection_)
        connection_->close();
}

void MatchPeer::abort() {
    if (connection_)
        connection_->abort();
}

void MatchPeer::on_message(const protocol::ServerMessage& message, const Arrival& arrival) {
    auto& stats = worker_.stats;
    // After match_found the pair's room talks (joined, the first question) while the peer
    // closes: none of it is measured.
    if (state_ == State::paired || state_ == State::failed)
        return;
    if (std::holds_alternative<protocol::Welcome>(message)) {
        if (state_ != State::connecting)
            return stats.error("unexpected:welcome");
        stats.connect.add(micros_between(connect_started_, arrival.steady));
        stats.last_open_ns.store(
            std::chrono::duration_cast<std::chrono::nanoseconds>(arrival.steady.time_since_epoch())
                .count(),
            std::memory_order_relaxed);
        welcomed_ = true;
        state_ = State::ready;
        worker_.progress.players_open.fetch_add(1, std::memory_order_relaxed);
        return settle();
    }
    const bool in_queue = state_ == State::queued || state_ == State::proposed;
    if (const auto* status = std::get_if<protocol::MatchStatus>(&message)) {
        if (!in_queue)
            return stats.error("unexpected:match_status");
        ++statuses_;
        if (status->requeued) {
            // A proposal fell through although every peer confirms: worth counting.
            stats.error("requeued:" + protocol::name_of(*status->requeued));
            state_ = State::queued;
        }
        return;
    }
    if (const auto* proposed = std::get_if<protocol::MatchProposed>(&message))
        return on_proposed(*proposed, arrival);
    if (const auto* found = std::get_if<protocol::MatchFound>(&message))
        return on_found(*found, arrival);
    if (const auto* left = std::get_if<protocol::MatchLeft>(&message))
        return fail("match_left:" + protocol::name_of(left->reason));
    if (const auto* error = std::get_if<protocol::Error>(&message)) {
        const std::string kind = "error:" + std::string(protocol::to_string(error->code));
        // Refused or dropped from the queue: nothing more will come for this peer.
        if (in_queue)
            return fail(kind);
        return stats.error(kind);
    }
    stats.error("unexpected:" + std::string(protocol::type_of(message)));
}

void MatchPeer::on_proposed(const protocol::MatchProposed& proposed, const Arrival& arrival) {
    if (state_ != State::queued)
        return worker_.stats.error("unexpected:match_proposed");
    state_ = State::proposed;
    ++proposals_;
    if (!proposed_at_)
        proposed_at_ = arrival.steady;
    if (!first_turn_fits(plan_.role, proposed.role))
        worker_.stats.error("wrong_first_turn");
    connection_->send(protocol::encode(protocol::ClientMessage(protocol::MatchConfirm{})));
}

void MatchPeer::on_found(const protocol::MatchFound& found, const Arrival& arrival) {
    if (state_ != State::proposed)
        return worker_.stats.error("unexpected:match_found");
    state_ = State::paired;
    found_at_ = arrival.steady;
    partner_ = found.partner;
    room_ = found.code;
    first_turn_ = found.role;
    if (!first_turn_fits(plan_.role, found.role))
        worker_.stats.error("wrong_first_turn");
    worker_.progress.players_done.fetch_add(1, std::memory_order_relaxed);
    connection_->close();
}

void MatchPeer::on_closed(std::string_view why) {
    worker_.progress.connections_closed.fetch_add(1, std::memory_order_relaxed);
    if (state_ == State::paired || state_ == State::failed || worker_.stopping)
        return;
    fail(std::string(why));
}

void MatchPeer::fail(const std::string& kind) {
    worker_.stats.error(kind);
    state_ = State::failed;
    worker_.progress.players_failed.fetch_add(1, std::memory_order_relaxed);
    settle();
    if (connection_)
        connection_->close();
}

void MatchPeer::settle() {
    if (settled_)
        return;
    settled_ = true;
    worker_.launcher.settled();
}

}  // namespace rapidfire::bench
