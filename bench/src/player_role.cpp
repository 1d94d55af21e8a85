#include "player_role.hpp"

#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/protocol/error.hpp"
#include "worker.hpp"

namespace rapidfire::bench {

namespace {

std::int64_t micros_between(std::chrono::steady_clock::time_point from,
                            std::chrono::steady_clock::time_point to) {
    return std::chrono::duration_cast<std::chrono::microseconds>(to - from).count();
}

std::int64_t steady_ns(std::chrono::steady_clock::time_point at) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(at.time_since_epoch()).count();
}

}  // namespace

PlayerRole::PlayerRole(Worker& worker, int room, int index, std::size_t slot)
    : worker_(worker), think_timer_(worker.io), room_(room), index_(index), slot_(slot) {}

void PlayerRole::start(std::string code) {
    code_ = std::move(code);
    state_ = State::connecting;
    connect_started_ = std::chrono::steady_clock::now();
    connection_ = ClientConnection::create(worker_.io, *this, worker_.stats);
    connection_->open(worker_.address, slot_, code_);
}

void PlayerRole::close() {
    think_timer_.cancel();
    if (connection_)
        connection_->close();
}

void PlayerRole::abort() {
    think_timer_.cancel();
    if (connection_)
        connection_->abort();
}

void PlayerRole::on_message(const protocol::ServerMessage& message, const Arrival& arrival) {
    auto& stats = worker_.stats;
    auto& progress = worker_.progress;
    if (const auto* question = std::get_if<protocol::Question>(&message))
        return on_question(*question, arrival);
    if (const auto* accepted = std::get_if<protocol::AnswerAccepted>(&message)) {
        if (awaiting_ack_ && accepted->question == open_question_) {
            awaiting_ack_ = false;
            stats.ack.add(micros_between(answer_sent_, arrival.steady));
            ++stats.answers_accepted;
        }
        return;
    }
    if (const auto* rejected = std::get_if<protocol::AnswerRejected>(&message)) {
        awaiting_ack_ = false;
        return stats.error("answer_rejected:" + std::string(protocol::to_string(rejected->code)));
    }
    if (std::holds_alternative<protocol::Result>(message)) {
        ++results_seen_;
        return;
    }
    if (std::holds_alternative<protocol::Roster>(message) ||
        std::holds_alternative<protocol::Reveal>(message) ||
        std::holds_alternative<protocol::Standings>(message) ||
        std::holds_alternative<protocol::GameOver>(message)) {
        return;
    }
    if (std::holds_alternative<protocol::Welcome>(message)) {
        if (state_ != State::connecting)
            return stats.error("unexpected:welcome");
        stats.connect.add(micros_between(connect_started_, arrival.steady));
        stats.last_open_ns.store(steady_ns(arrival.steady), std::memory_order_relaxed);
        progress.players_open.fetch_add(1, std::memory_order_relaxed);
        state_ = State::joining;
        join_sent_ = std::chrono::steady_clock::now();
        protocol::Join join;
        join.code = code_;
        join.nickname = "p" + std::to_string(room_) + "-" + std::to_string(index_);
        connection_->send(protocol::encode(protocol::ClientMessage(std::move(join))));
        return;
    }
    if (std::holds_alternative<protocol::Joined>(message)) {
        if (state_ != State::joining)
            return stats.error("unexpected:joined");
        state_ = State::playing;
        stats.join.add(micros_between(join_sent_, arrival.steady));
        stats.last_joined_ns.store(steady_ns(arrival.steady), std::memory_order_relaxed);
        progress.players_joined.fetch_add(1, std::memory_order_relaxed);
        return settle();
    }
    if (std::holds_alternative<protocol::FinalResult>(message)) {
        if (state_ != State::playing)
            return stats.error("unexpected:final_result");
        state_ = State::finished;
        think_timer_.cancel();
        if (questions_seen_ != worker_.options.questions)
            stats.error("missed_question");
        if (results_seen_ != worker_.options.questions)
            stats.error("missed_result");
        progress.players_done.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    if (const auto* error = std::get_if<protocol::Error>(&message)) {
        const std::string code(protocol::to_string(error->code));
        if (state_ == State::joining) {
            fail("join_refused:" + code);
            return connection_->close();
        }
        return stats.error("error:" + code);
    }
    stats.error("unexpected:" + std::string(protocol::type_of(message)));
}

void PlayerRole::on_question(const protocol::Question& question, const Arrival& arrival) {
    if (state_ != State::playing || question.question == open_question_)
        return;
    ++questions_seen_;
    open_question_ = question.question;
    const std::int64_t fanout_us = arrival.wall_us - question.server_time * 1000;
    worker_.stats.fanout.add(fanout_us);
    auto& by_question = worker_.stats.fanout_by_question;
    if (question.question >= 0 && question.question < worker_.options.questions) {
        if (by_question.size() <= static_cast<std::size_t>(question.question))
            by_question.resize(static_cast<std::size_t>(question.question) + 1);
        by_question[static_cast<std::size_t>(question.question)].add(fanout_us);
    }
    const int choices = static_cast<int>(question.choices.size());
    if (choices == 0) {
        worker_.stats.error("question_without_choices");
        return;
    }
    const int think_ms = worker_.options.think_ms;
    if (think_ms == 0)
        return answer(question.question, choices);
    std::uniform_int_distribution<int> delay(0, think_ms);
    think_timer_.expires_after(std::chrono::milliseconds(delay(worker_.random)));
    think_timer_.async_wait(
        [this, index = question.question, choices](boost::system::error_code ec) {
            if (!ec)
                answer(index, choices);
        });
}

void PlayerRole::answer(int question, int choices) {
    if (state_ != State::playing || question != open_question_)
        return;
    std::uniform_int_distribution<int> pick(0, choices - 1);
    protocol::Answer answer;
    answer.question = question;
    answer.choice = pick(worker_.random);
    awaiting_ack_ = true;
    ++worker_.stats.answers_sent;
    answer_sent_ = std::chrono::steady_clock::now();
    connection_->send(protocol::encode(protocol::ClientMessage(answer)));
}

void PlayerRole::on_closed(std::string_view why) {
    worker_.progress.connections_closed.fetch_add(1, std::memory_order_relaxed);
    think_timer_.cancel();
    if (state_ == State::finished || state_ == State::failed || worker_.stopping)
        return;
    fail(std::string(why));
}

void PlayerRole::fail(const std::string& kind) {
    worker_.stats.error(kind);
    state_ = State::failed;
    think_timer_.cancel();
    worker_.progress.players_failed.fetch_add(1, std::memory_order_relaxed);
    settle();
}

void PlayerRole::settle() {
    if (settled_)
        return;
    settled_ = true;
    worker_.launcher.settled();
}

}  // namespace rapidfire::bench
