#include "hosted_room.hpp"

#include <chrono>

#include <spdlog/spdlog.h>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/describe/enum_to_string.hpp>

#include "rapidfire/protocol/codec.hpp"
#include "server_context.hpp"

namespace rapidfire::net {

namespace asio = boost::asio;
using core::Audience;
using core::MemberId;

namespace {

// With no timer pending, how often a room still checks whether it has closed.
constexpr protocol::Millis idle_check_ms = 30'000;

template <class Enum>
const char* name_of(Enum value) {
    return boost::describe::enum_to_string(value, "unknown");
}

}  // namespace

HostedRoom::HostedRoom(Strand strand, std::unique_ptr<core::Room> room,
                       std::shared_ptr<ServerContext> context)
    : strand_(std::move(strand)),
      timer_(strand_),
      context_(std::move(context)),
      room_(std::move(room)),
      code_(room_->code()) {}

HostedRoom::~HostedRoom() = default;

void HostedRoom::seat_creator(std::shared_ptr<Connection> creator, std::string nickname) {
    asio::post(strand_, [self = shared_from_this(), creator = std::move(creator),
                         nickname = std::move(nickname)] {
        const auto now = self->context_->clock.now();
        // Room::create addressed room_created to the creator's seat: that names the member.
        for (const auto& outgoing : self->room_->take_outbox()) {
            if (const auto* created = std::get_if<protocol::RoomCreated>(&outgoing.message);
                created != nullptr && outgoing.audience.kind == Audience::Kind::member) {
                self->nicknames_[outgoing.audience.member] = nickname;
                self->kind_ = created->kind;
                self->seat(outgoing.audience.member, creator);
                spdlog::info("room {} created: {} by {}", self->code_, name_of(created->kind),
                             nickname);
            }
            self->observe(outgoing);
            self->send(outgoing, make_frame(protocol::encode(outgoing.message)));
        }
        self->after_call(now);
    });
}

void HostedRoom::join(std::shared_ptr<Connection> connection, protocol::Join request) {
    asio::post(strand_, [self = shared_from_this(), connection = std::move(connection),
                         request = std::move(request)] {
        if (self->closed_) {
            return self->refuse(*connection,
                                protocol::Error{protocol::ErrorCode::room_not_found,
                                                "no room with that code", "code", "join"});
        }
        const auto now = self->context_->clock.now();
        self->take_seat(connection, self->room_->join(request, now), now);
    });
}

void HostedRoom::resume(std::shared_ptr<Connection> connection, std::string token) {
    asio::post(strand_, [self = shared_from_this(), connection = std::move(connection),
                         token = std::move(token)] {
        if (self->closed_) {
            return self->refuse(*connection,
                                protocol::Error{protocol::ErrorCode::bad_resume_token,
                                                "this resume token is unknown, revoked or expired",
                                                "token", "resume"});
        }
        const auto now = self->context_->clock.now();
        self->take_seat(connection, self->room_->resume(token, now), now);
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
    context_->metrics->messages_sent(1);
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
            self->context_->metrics->messages_sent(1);
            connection->deliver({make_frame(protocol::encode(
                protocol::Error{protocol::ErrorCode::not_in_room, "you are not in this room",
                                std::nullopt, std::string(protocol::type_of(message))}))});
            return;
        }
        const auto now = self->context_->clock.now();
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
        const auto now = self->context_->clock.now();
        const auto nick = self->nicknames_.find(member);
        spdlog::info("room {}: {} disconnected", self->code_,
                     nick == self->nicknames_.end() ? "?" : nick->second);
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
        context_->metrics->broadcast_handed(std::chrono::steady_clock::now() - started);
    const auto stats = room_->stats();
    phase_.store(stats.phase, std::memory_order_relaxed);
    players_.store(stats.players, std::memory_order_relaxed);
    connected_.store(stats.connected, std::memory_order_relaxed);
    if (room_->closed(now)) {
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
    } else if (auto* host = host_seat_ ? seats_.find(*host_seat_) : nullptr;
               audience.kind == Audience::Kind::host && host != nullptr &&
               room_->in_audience(audience, *host_seat_)) {
        deliver_to(*host_seat_, *host);
    } else {
        // One encoded buffer for every recipient.
        seats_.for_each([&](MemberId member, SeatHolder& holder) {
            if (!room_->in_audience(audience, member))
                return;
            if (audience.kind == Audience::Kind::host)
                host_seat_ = member;
            deliver_to(member, holder);
        });
    }
    context_->metrics->messages_sent(sent);
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
    auto& metrics = *context_->metrics;
    const MemberId member = outgoing.audience.member;
    auto nickname = [&]() -> std::string {
        const auto it = nicknames_.find(member);
        return it == nicknames_.end() ? "?" : it->second;
    };
    std::visit(
        [&](const auto& message) {
            using Message = std::decay_t<decltype(message)>;
            if constexpr (std::is_same_v<Message, protocol::AnswerAccepted>) {
                metrics.answer_accepted();
            } else if constexpr (std::is_same_v<Message, protocol::AnswerRejected>) {
                metrics.answer_rejected(message.code);
            } else if constexpr (std::is_same_v<Message, protocol::Joined>) {
                const bool known = nicknames_.count(member) != 0;
                nicknames_[member] = message.nickname;
                if (message.resumed) {
                    spdlog::info("room {}: {} {} resumed", code_, name_of(message.role),
                                 message.nickname);
                } else if (!known) {
                    spdlog::info("room {}: {} joined", code_, message.nickname);
                }
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
                             name_of(message.reason), message.questions, message.count);
            }
        },
        outgoing.message);
}

void HostedRoom::record() {
    auto journal = room_->take_journal();
    if (journal.empty() || !context_->writer)
        return;
    if (kind_ == protocol::RoomKind::solo) {
        for (const auto& entry : journal) {
            if (const auto* finished = std::get_if<core::GameFinished>(&entry))
                send_personal_best(*finished);
        }
    }
    context_->writer->submit(std::move(journal));
}

void HostedRoom::send_personal_best(const core::GameFinished& finished) {
    if (finished.standings.empty())
        return;
    const auto& run = finished.standings.front();
    protocol::PersonalBest best{run.points, std::nullopt, true, 0};
    try {
        // Read before this run is written (the writer has not seen it yet): the best so far.
        // Solo runs end rarely and the lookup is indexed, so the strand does not wait long.
        if (const auto earlier =
                context_->store->personal_best(run.nickname, context_->bank->title)) {
            best.previous = earlier->points;
            best.new_best = run.points > earlier->points;
        }
        best.runs = context_->store->solo_run_count(run.nickname, context_->bank->title);
    } catch (const std::exception& e) {
        spdlog::warn("room {}: personal best not available: {}", code_, e.what());
        return;
    }
    const core::Outgoing outgoing{Audience::to(run.player), best, false};
    send(outgoing, make_frame(protocol::encode(outgoing.message)));
}

void HostedRoom::arm_timer(protocol::Millis now) {
    const protocol::Millis due = room_->next_wakeup().value_or(now + idle_check_ms);
    if (timer_due_ == due)
        return;
    timer_due_ = due;
    const auto generation = ++timer_generation_;
    timer_.expires_at(context_->clock.to_steady(due));
    // The timer's executor is the strand, so the handler runs there.
    timer_.async_wait([self = shared_from_this(), generation](boost::system::error_code ec) {
        if (ec || generation != self->timer_generation_ || self->closed_)
            return;
        self->timer_due_.reset();
        self->on_timer();
    });
}

void HostedRoom::on_timer() {
    const auto now = context_->clock.now();
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
    phase_.store(protocol::RoomPhase::finished, std::memory_order_relaxed);
    players_.store(0, std::memory_order_relaxed);
    connected_.store(0, std::memory_order_relaxed);
    context_->rooms.remove(*this);
}

}  // namespace rapidfire::net
