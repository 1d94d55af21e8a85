#include "match_lobby.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include "hosted_room.hpp"
#include "rapidfire/protocol/codec.hpp"

namespace rapidfire::net {

namespace asio = boost::asio;

MatchLobby::MatchLobby(ConnectionStrand strand, std::shared_ptr<const content::Bank> bank,
                       core::MatchLimits limits, RoomRegistry& rooms, const ServerClock& clock,
                       Metrics& metrics)
    : strand_(std::move(strand)),
      timer_(std::in_place, strand_),
      matcher_(std::move(bank), limits),
      rooms_(rooms),
      clock_(clock),
      metrics_(metrics) {}

MatchLobby::~MatchLobby() = default;

template <class Call>
void MatchLobby::on_strand(std::shared_ptr<Connection> caller, Call call) {
    asio::post(strand_, [self = shared_from_this(), caller = std::move(caller),
                         call = std::move(call)]() mutable {
        if (!self->timer_)
            return;  // cleared at shutdown
        const auto now = self->clock_.now();
        call(*self, now);
        self->after_call(now, caller.get());
    });
}

void MatchLobby::join(std::shared_ptr<Connection> connection, protocol::MatchJoin request) {
    auto call = [connection, request = std::move(request)](MatchLobby& lobby,
                                                           protocol::Millis now) {
        const auto id = connection->id();
        lobby.tickets_.try_emplace(id, connection);
        lobby.matcher_.join(id, request, now);
    };
    on_strand(std::move(connection), std::move(call));
}

void MatchLobby::leave(std::shared_ptr<Connection> connection) {
    const auto id = connection->id();
    on_strand(std::move(connection),
              [id](MatchLobby& lobby, protocol::Millis now) { lobby.matcher_.leave(id, now); });
}

void MatchLobby::confirm(std::shared_ptr<Connection> connection) {
    const auto id = connection->id();
    on_strand(std::move(connection),
              [id](MatchLobby& lobby, protocol::Millis now) { lobby.matcher_.confirm(id, now); });
}

void MatchLobby::disconnected(std::uint64_t connection_id) {
    on_strand(nullptr, [connection_id](MatchLobby& lobby, protocol::Millis now) {
        lobby.tickets_.erase(connection_id);
        lobby.matcher_.disconnected(connection_id, now);
    });
}

void MatchLobby::clear() {
    tickets_.clear();
    timer_.reset();
}

void MatchLobby::after_call(protocol::Millis now, Connection* caller) {
    for (auto& out : matcher_.take_outbox()) {
        const auto it = tickets_.find(out.to);
        // The caller may hold no ticket (a late match_leave): the answer goes to it all the same.
        Connection* to = it != tickets_.end()                          ? it->second.get()
                         : caller != nullptr && caller->id() == out.to ? caller
                                                                       : nullptr;
        if (to == nullptr)
            continue;
        metrics_.messages_sent(1);
        to->deliver({make_frame(protocol::encode(out.message))});
        if (out.ended) {
            to->left_queue();
            if (it != tickets_.end())
                tickets_.erase(it);
        }
    }
    for (auto& pair : matcher_.take_pairs())
        make_room(std::move(pair));
    arm_timer(now);
}

void MatchLobby::make_room(core::MatchedPair pair) {
    const auto interviewer = tickets_.extract(pair.interviewer);
    const auto candidate = tickets_.extract(pair.candidate);
    if (interviewer.empty() || candidate.empty()) {
        spdlog::error("matching: a pair without its connections");
        return;
    }
    auto created = rooms_.create(pair.spec);
    if (auto* error = std::get_if<protocol::Error>(&created)) {
        spdlog::warn("matching: no room for {} and {}: {}", pair.spec.interviewer.nickname,
                     pair.spec.candidate.nickname, error->message);
        const auto frame = make_frame(protocol::encode(*error));
        for (const auto* side : {&interviewer, &candidate}) {
            metrics_.messages_sent(1);
            side->mapped()->deliver({frame});
            side->mapped()->left_queue();
        }
        return;
    }
    const auto& room = std::get<std::shared_ptr<HostedRoom>>(created);
    spdlog::info("matching: {} and {} paired in room {}", pair.spec.interviewer.nickname,
                 pair.spec.candidate.nickname, room->code());
    auto found = [&](const std::string& partner, protocol::MatchRole role) {
        metrics_.messages_sent(1);
        return make_frame(
            protocol::encode(protocol::MatchFound{room->code(), partner, role, pair.spec.topics}));
    };
    room->seat_pair(
        interviewer.mapped(), found(pair.spec.candidate.nickname, protocol::MatchRole::interviewer),
        candidate.mapped(), found(pair.spec.interviewer.nickname, protocol::MatchRole::candidate));
}

void MatchLobby::arm_timer(protocol::Millis now) {
    const auto due = matcher_.next_wakeup();
    if (!due || timer_due_ == due)
        return;
    timer_due_ = due;
    const auto generation = ++timer_generation_;
    timer_->expires_at(clock_.to_steady(std::max(*due, now)));
    timer_->async_wait([self = shared_from_this(), generation](boost::system::error_code ec) {
        if (ec || generation != self->timer_generation_ || !self->timer_)
            return;
        self->timer_due_.reset();
        const auto now = self->clock_.now();
        self->matcher_.tick(now);
        self->after_call(now, nullptr);
    });
}

}  // namespace rapidfire::net
