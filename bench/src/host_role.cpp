#include "host_role.hpp"

#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/protocol/error.hpp"
#include "worker.hpp"

namespace rapidfire::bench {

HostRole::HostRole(Worker& worker, int room, std::size_t slot)
    : worker_(worker), start_timer_(worker.io), room_(room), slot_(slot) {}

void HostRole::start() {
    connection_ = ClientConnection::create(worker_.io, *this, worker_.stats);
    connection_->open(worker_.address, slot_);
}

void HostRole::begin_game(std::chrono::milliseconds delay) {
    if (failed_ || started_ || !created())
        return;
    started_ = true;
    auto send_start = [this] {
        if (!failed_)
            connection_->send(
                protocol::encode(protocol::ClientMessage(protocol::Start{host_token_})));
    };
    if (delay.count() <= 0)
        return send_start();
    start_timer_.expires_after(delay);
    start_timer_.async_wait([send_start](boost::system::error_code ec) {
        if (!ec)
            send_start();
    });
}

void HostRole::close() {
    start_timer_.cancel();
    if (connection_)
        connection_->close();
}

void HostRole::abort() {
    if (connection_)
        connection_->abort();
}

void HostRole::on_message(const protocol::ServerMessage& message, const Arrival&) {
    const auto& options = worker_.options;
    auto& progress = worker_.progress;
    if (std::holds_alternative<protocol::Welcome>(message)) {
        protocol::CreateRoom create;
        create.kind = protocol::RoomKind::quiz;
        create.nickname = "host-" + std::to_string(room_);
        auto& settings = create.settings;
        settings.questions = options.questions;
        settings.seconds = options.seconds;
        settings.reveal_seconds = options.reveal_seconds;
        settings.capacity = options.players;
        settings.show_leaderboard = options.show_leaderboard;
        settings.mode = protocol::AnswerMode::choice;
        connection_->send(protocol::encode(protocol::ClientMessage(std::move(create))));
        return;
    }
    if (const auto* created = std::get_if<protocol::RoomCreated>(&message)) {
        if (created->settings.questions.value_or(options.questions) != options.questions)
            worker_.stats.error("bank_has_fewer_questions");
        code_ = created->code;
        host_token_ = created->host_token;
        progress.rooms_created.fetch_add(1, std::memory_order_release);
        return;
    }
    if (const auto* roster = std::get_if<protocol::Roster>(&message)) {
        if (!full_ && roster->count >= options.players) {
            full_ = true;
            progress.rooms_full.fetch_add(1, std::memory_order_relaxed);
        }
        return;
    }
    if (std::holds_alternative<protocol::GameOver>(message)) {
        if (!game_over_) {
            game_over_ = true;
            progress.rooms_over.fetch_add(1, std::memory_order_relaxed);
        }
        return;
    }
    if (const auto* error = std::get_if<protocol::Error>(&message)) {
        const std::string code(protocol::to_string(error->code));
        if (!created())
            return fail("create_refused:" + code);
        return worker_.stats.error("host_error:" + code);
    }
    // question, answer_progress, reveal, standings: the host only watches.
}

void HostRole::on_closed(std::string_view why) {
    worker_.progress.connections_closed.fetch_add(1, std::memory_order_relaxed);
    if (game_over_ || failed_ || worker_.stopping)
        return;
    fail("host_" + std::string(why));
}

void HostRole::fail(const std::string& kind) {
    if (failed_)
        return;
    failed_ = true;
    worker_.stats.error(kind);
    if (!created()) {
        worker_.progress.hosts_failed.fetch_add(1, std::memory_order_relaxed);
    } else if (!game_over_) {
        // The room's game cannot end normally; count it as over so the run does not wait.
        worker_.progress.rooms_over.fetch_add(1, std::memory_order_relaxed);
    }
    if (connection_)
        connection_->close();
}

}  // namespace rapidfire::bench
