#include "hosted_room.hpp"

#include <chrono>

#include <spdlog/spdlog.h>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>

#include "open_rooms.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/store/store.hpp"

namespace rapidfire::net {

namespace asio = boost::asio;
using core::Audience;
using core::MemberId;

namespace {

// With no timer pending, how often a room still checks whether it has closed.
constexpr protocol::Millis idle_check_ms = 30'000;

}  // namespace

HostedRoom::HostedRoom(Strand strand, std::unique_ptr<core::Room> room,
                       const RoomServices& services)
    : strand_(std::move(strand)),
      timer_(strand_),
      services_(services),
      room_(std::move(room)),
      code_(room_->code()) {}

HostedRoom::~HostedRoom() = default;

void HostedRoom::seat_creator(std::shared_ptr<Connection> creator) {
    asio::post(strand_, [self = shared_from_this(), creator = std::move(creator)] {
        const auto now = self->services_.clock.now();
        const MemberId host = self->room_->host();
        self->seat(host, creator);
        spdlog::info("room {} created: {} by {}", self->code_,
                     protocol::name_of(self->room_->kind()), self->room_->nickname(host));
        self->after_call(now);
    });
}

void HostedRoom::seat_pair(std::shared_ptr<Connection> interviewer, Frame interviewer_found,
                           std::shared_ptr<Connection> candidate, Frame candidate_found) {
    asio::post(strand_,
               [self = shared_from_this(), interviewer = std::move(interviewer),
                candidate = std::move(candidate), interviewer_found = std::move(interviewer_found),
                candidate_found = std::move(candidate_found)] {
                   const auto now = self->services_.clock.now();
                   // From this strand, so each match_found goes out before the room's joined.
                   interviewer->deliver({interviewer_found});
                   candidate->deliver({candidate_found});
                   self->seat(core::pair_interviewer, interviewer);
                   self->seat(core::pair_candidate, candidate);
                   spdlog::info("room {} created for the pair {} and {}", self->code_,
                                self->room_->nickname(core::pair_interviewer),
                                self->room_->nickname(core::pair_candidate));
                   self->after_call(now);
               });
}

template <class Ask>
void HostedRoom::ask_for_seat(std::shared_ptr<Connection> connection,
                              protocol::Error refusal_when_closed, std::string_view done, Ask ask) {
    asio::post(strand_, [self = shared_from_this(), connection = std::move(connection),
                         refusal = std::move(refusal_when_closed), done, ask = std::move(ask)] {
        if (self->closed_)
            return self->refuse(*connection, refusal);
        const auto now = self->services_.clock.now();
        const core::Seat seat = ask(*self->room_, now);
        if (const auto* member = std::get_if<MemberId>(&seat))
            spdlog::info("room {}: {} {}", self->code_, self->room_->nickname(*member), done);
        self->take_seat(connection, seat, now);
    });
}

void HostedRoom::join(std::shared_ptr<Connection> connection, protocol::Join request) {
    ask_for_seat(std::move(connection), protocol::room_not_found_error(), "joined",
                 [request = std::move(request)](core::Room& room, protocol::Millis now) {
                     return room.join(request, now);
                 });
}

void HostedRoom::resume(std::shared_ptr<Connection> connection, std::string token) {
    ask_for_seat(std::move(connection), protocol::bad_resume_token_error(), "resumed",
                 [token = std::move(token)](core::Room& room, protocol::Millis now) {
                     return room.resume(token, now);
                 });
}

void HostedRoom::take_seat(const std::shared_ptr<Connection>& connection, const core::Seat& seat,
                           protocol::Millis now) {
    if (const auto* error = std::get_if<protocol::Error>(&seat)) {
        refuse(*connection, *error);
    } else {
        this->seat(std::get<MemberId>(seat), connection);
    }
    after_call(now);
}

void HostedRoom::refuse(Connection& connection, const protocol::Error& error) {
    services_.metrics.messages_sent(1);
    connection.seat_refused(make_frame(protocol::encode(error)));
}

void HostedRoom::handle(std::shared_ptr<Connection> connection, MemberId member,
                        protocol::ClientMessage message) {
    asio::post(strand_, [self = shared_from_this(), connection = std::move(connection), member,
                         message = std::move(message)] {
        const auto* holder = self->seats_.find(member);
        if (self->closed_ || holder == nullptr || holder->connection_id != connection->id()) {
            // The seat moved on (kick, leave, another tab) while this message was on its way;
            // the connection already has, or is about to get, the news.
            self->services_.metrics.messages_sent(1);
            connection->deliver({make_frame(
                protocol::encode(protocol::not_in_room_error(protocol::type_of(message))))});
            return;
        }
        const auto now = self->services_.clock.now();
        self->room_->handle(member, message, now);
        self->after_call(now);
    });
}

void HostedRoom::disconnected(std::uint64_t connection_id, MemberId member) {
    asio::post(strand_, [self = shared_from_this(), connection_id, member] {
        const auto* holder = self->seats_.find(member);
        // Only the connection that holds the seat can drop it: a tab that was replaced by a
        // resume elsewhere leaves the seat alone.
        if (self->closed_ || holder == nullptr || holder->connection_id != connection_id)
            return;
        self->seats_.release(member);
        const auto now = self->services_.clock.now();
        spdlog::info("room {}: {} disconnected", self->code_, self->room_->nickname(member));
        self->room_->disconnected(member, now);
        self->after_call(now);
    });
}

void HostedRoom::seat(MemberId member, const std::shared_ptr<Connection>& connection) {
    auto& holder = seats_.slot(member);
    if (auto previous = holder.connection.lock();
        previous && holder.connection_id != connection->id()) {
        // Another connection resumed this seat: the old one stops receiving room messages
        // (PROTOCOL.md, resume) and its later disconnect leaves the seat alone.
        previous->unseated(this, member);
    }
    holder.connection = connection;
    holder.connection_id = connection->id();
    // Posted before the outbox is sent, so the connection knows its seat before joined arrives.
    connection->seated(shared_from_this(), member);
}

void HostedRoom::after_call(protocol::Millis now) {
    // Encoding the call's messages and handing them over is what the broadcast histogram
    // measures, for the calls that reach more than one connection.
    const auto started = std::chrono::steady_clock::now();
    for (const auto& outgoing : room_->take_outbox()) {
        observe(outgoing);
        send(outgoing, make_frame(protocol::encode(outgoing.message)));
    }
    record();
    if (flush() > 1)
        services_.metrics.broadcast_handed(std::chrono::steady_clock::now() - started);
    report_gauge(room_->stats());
    publish_listing(room_->listing());
    if (room_->closed()) {
        close();
    } else {
        arm_timer(now);
    }
}

void HostedRoom::send(const core::Outgoing& outgoing, const Frame& frame) {
    const auto& audience = outgoing.audience;
    std::int64_t sent = 0;
    auto deliver_to = [&](MemberId member, SeatHolder& holder) {
        if (holder.pending.empty())
            pending_.push_back(member);
        holder.pending.push_back(frame);
        ++sent;
        if (outgoing.unbind) {
            // The connection gets what it was sent so far, then loses the seat.
            flush(holder);
            if (auto connection = holder.connection.lock())
                connection->unseated(this, member);
        }
    };

    if (audience.kind == Audience::Kind::member) {
        if (auto* holder = seats_.find(audience.member)) {
            deliver_to(audience.member, *holder);
            if (outgoing.unbind)
                seats_.release(audience.member);
        }
    } else {
        // One encoded buffer for every recipient.
        room_->resolve(audience, audience_);
        for (const MemberId member : audience_) {
            if (auto* holder = seats_.find(member))
                deliver_to(member, *holder);
        }
    }
    services_.metrics.messages_sent(sent);
}

std::size_t HostedRoom::flush() {
    std::size_t connections = 0;
    for (const MemberId member : pending_) {
        // A seat dropped in the meantime (unbind) was flushed before it went.
        if (auto* holder = seats_.find(member))
            connections += flush(*holder);
    }
    pending_.clear();
    return connections;
}

bool HostedRoom::flush(SeatHolder& holder) {
    if (holder.pending.empty())
        return false;
    auto connection = holder.connection.lock();
    if (connection)
        connection->deliver(std::move(holder.pending));
    holder.pending.clear();
    return connection != nullptr;
}

// Counts and log lines, read off the engine's messages.
void HostedRoom::observe(const core::Outgoing& outgoing) {
    auto& metrics = services_.metrics;
    const MemberId member = outgoing.audience.member;
    auto nickname = [&] { return room_->nickname(member); };
    std::visit(
        [&](const auto& message) {
            using Message = std::decay_t<decltype(message)>;
            if constexpr (std::is_same_v<Message, protocol::AnswerAccepted>) {
                metrics.answer_accepted();
            } else if constexpr (std::is_same_v<Message, protocol::AnswerRejected>) {
                metrics.answer_rejected(message.code);
            } else if constexpr (std::is_same_v<Message, protocol::Kicked>) {
                spdlog::info("room {}: {} kicked ({})", code_, nickname(), message.reason);
            } else if constexpr (std::is_same_v<Message, protocol::Left>) {
                spdlog::info("room {}: {} left", code_, nickname());
            } else if constexpr (std::is_same_v<Message, protocol::Question>) {
                if (message.question == 0 && outgoing.audience.kind == Audience::Kind::everyone) {
                    spdlog::info("room {} started: {} questions", code_, message.total);
                }
            } else if constexpr (std::is_same_v<Message, protocol::GameOver>) {
                spdlog::info("room {} finished: {} after {} questions, {} players", code_,
                             protocol::name_of(message.reason), message.questions, message.count);
            }
        },
        outgoing.message);
}

void HostedRoom::record() {
    auto journal = room_->take_journal();
    if (journal.empty() || services_.record == nullptr)
        return;
    std::optional<core::GameFinished> solo_run;
    if (room_->kind() == protocol::RoomKind::solo) {
        for (const auto& entry : journal) {
            // A run without an identity is nobody's: no personal best is looked up for it.
            if (const auto* finished = std::get_if<core::GameFinished>(&entry);
                finished != nullptr && !finished->standings.empty() &&
                !finished->identities.empty() && !finished->identities.front().empty())
                solo_run = *finished;
        }
    }
    services_.record->submit(std::move(journal));
    if (solo_run)
        ask_personal_best(std::move(*solo_run));
}

void HostedRoom::ask_personal_best(core::GameFinished run) {
    // The lookup runs on the writer's thread after the run's batch commits: nothing on the
    // strand waits for the disk.
    services_.record->after_commit(
        [weak = weak_from_this(), run = std::move(run)](store::Store& store) {
            const auto self = weak.lock();
            if (!self)
                return;
            auto best = store.personal_best_of(run);
            if (!best) {
                spdlog::warn("room {}: personal best not available: the run is not on record",
                             self->code_);
                return;
            }
            const MemberId player = run.standings.front().player;
            asio::post(self->strand_, [self, player, best = *best] {
                if (self->closed_)
                    return;
                const core::Outgoing outgoing{Audience::to(player), best, false};
                self->send(outgoing, make_frame(protocol::encode(outgoing.message)));
                self->flush();
            });
        });
}

void HostedRoom::report_gauge(const std::optional<core::RoomStats>& now) {
    if (gauge_ == now)
        return;
    services_.metrics.room_changed(gauge_, now);
    gauge_ = now;
}

void HostedRoom::publish_listing(std::optional<core::RoomListing> now) {
    OpenRooms* const open_rooms = services_.open_rooms;
    const bool same =
        listed_.has_value() == now.has_value() && (!now || same_listing(*listed_, *now));
    if (open_rooms == nullptr || same)
        return;
    if (now) {
        open_rooms->publish(*now);
    } else {
        open_rooms->withdraw(code_);
    }
    listed_ = std::move(now);
}

void HostedRoom::arm_timer(protocol::Millis now) {
    const protocol::Millis due = room_->next_wakeup().value_or(now + idle_check_ms);
    if (timer_due_ == due)
        return;
    timer_due_ = due;
    const auto generation = ++timer_generation_;
    timer_.expires_at(services_.clock.to_steady(due));
    // The timer's executor is the strand, so the handler runs there.
    timer_.async_wait([self = shared_from_this(), generation](boost::system::error_code ec) {
        if (ec || generation != self->timer_generation_ || self->closed_)
            return;
        self->timer_due_.reset();
        self->on_timer();
    });
}

void HostedRoom::on_timer() {
    const auto now = services_.clock.now();
    room_->tick(now);
    after_call(now);
}

void HostedRoom::close() {
    if (closed_)
        return;
    closed_ = true;
    timer_.cancel();
    spdlog::info("room {} closed", code_);
    seats_.for_each([this](MemberId member, const SeatHolder& holder) {
        if (auto connection = holder.connection.lock())
            connection->unseated(this, member);
    });
    seats_.clear();
    report_gauge(std::nullopt);
    publish_listing(std::nullopt);
    if (services_.closed)
        services_.closed(*this);
}

}  // namespace rapidfire::net
