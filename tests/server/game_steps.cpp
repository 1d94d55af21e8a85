#include "game_steps.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "test_server.hpp"

namespace rapidfire::test {

protocol::RoomCreated create_room(TestClient& host, protocol::RoomKind kind,
                                  const std::string& nickname, protocol::RoundSettings settings) {
    host.send(protocol::CreateRoom{kind, nickname, std::move(settings)});
    return host.wait_for<protocol::RoomCreated>();
}

protocol::Joined join_room(TestClient& player, const std::string& code,
                           const std::string& nickname) {
    player.send(protocol::Join{code, nickname, std::nullopt});
    return player.wait_for<protocol::Joined>();
}

protocol::Question start_one_question_solo_run(TestClient& runner, const std::string& nickname,
                                               std::optional<std::string> identity,
                                               protocol::RoundSettings settings) {
    settings.questions = 1;
    settings.reveal_seconds = 0;
    runner.send(protocol::CreateRoom{protocol::RoomKind::solo, nickname, std::move(settings),
                                     std::move(identity)});
    const auto created = runner.wait_for<protocol::RoomCreated>();
    runner.send(protocol::Start{created.host_token});
    return runner.wait_for<protocol::Question>();
}

int correct_choice(const protocol::Question& question) {
    const auto& answer = bank_question(question.id).answer;
    const auto it = std::find(question.choices.begin(), question.choices.end(), answer);
    if (it == question.choices.end())
        throw std::runtime_error("no right choice in " + question.id);
    return static_cast<int>(it - question.choices.begin());
}

int wrong_choice(const protocol::Question& question) {
    return (correct_choice(question) + 1) % static_cast<int>(question.choices.size());
}

int expected_points(protocol::Millis elapsed_ms, protocol::Millis limit_ms) {
    const auto t = std::clamp<protocol::Millis>(elapsed_ms, 0, limit_ms);
    if (t <= 500)
        return 1000;
    return static_cast<int>(std::lround(1000.0 * (1.0 - (static_cast<double>(t) / limit_ms) / 2)));
}

protocol::Answer choice_answer(int question, int choice) {
    return protocol::Answer{question, choice, std::nullopt};
}

protocol::Answer text_answer(int question, std::string text) {
    return protocol::Answer{question, std::nullopt, std::move(text)};
}

protocol::RoundSettings HonestGame::default_settings() {
    protocol::RoundSettings settings;
    settings.questions = questions;
    settings.seconds = 30;  // far longer than any step takes, even under a sanitizer
    settings.mode = protocol::AnswerMode::choice;
    settings.reveal_seconds = 0;
    settings.streak_bonus = false;
    settings.show_leaderboard = false;
    return settings;
}

HonestGame::HonestGame(TestServer& server, protocol::RoundSettings settings)
    : server_(server), host_(server.client()), ada_(server.client()), ben_(server.client()) {
    created_ = create_room(*host_, protocol::RoomKind::quiz, "Host", std::move(settings));
    ada_id_ = join_room(*ada_, created_.code, "Ada").player.value_or(0);
    ben_id_ = join_room(*ben_, created_.code, "Ben").player.value_or(0);
}

void HonestGame::start() {
    host_->send(protocol::Start{created_.host_token});
}

std::unique_ptr<TestClient> HonestGame::start_with_player(const std::string& nickname) {
    auto player = server_.client();
    join_room(*player, created_.code, nickname);
    start();
    wait_question();
    player->wait_for<protocol::Question>();
    return player;
}

const protocol::Question& HonestGame::wait_question() {
    if (!open_) {
        open_ = ada_->wait_for<protocol::Question>();
        EXPECT_EQ(open_->question, played_);
        EXPECT_EQ(open_->total, questions);
        EXPECT_EQ(ben_->wait_for<protocol::Question>().question, open_->question);
        ada_answered_ = false;
        ben_answered_ = false;
    }
    return *open_;
}

void HonestGame::answer(Who who) {
    const auto& question = wait_question();
    if (who == Who::ada) {
        ada_->send(choice_answer(question.question, correct_choice(question)));
        const auto accepted = ada_->wait_for<protocol::AnswerAccepted>();
        EXPECT_EQ(accepted.question, question.question);
        ada_elapsed_ = accepted.elapsed_ms;
        ada_answered_ = true;
    } else {
        ben_->send(choice_answer(question.question, wrong_choice(question)));
        EXPECT_EQ(ben_->wait_for<protocol::AnswerAccepted>().question, question.question);
        ben_answered_ = true;
    }
}

void HonestGame::answer_both() {
    wait_question();
    if (!ada_answered_)
        answer(Who::ada);
    if (!ben_answered_)
        answer(Who::ben);
}

void HonestGame::reveal(bool close_with_skip, bool advance_after) {
    const auto question = wait_question();
    if (close_with_skip)
        host_->send(protocol::Skip{created_.host_token});
    const auto reveal = host_->wait_for<protocol::Reveal>();
    EXPECT_EQ(reveal.question, question.question);
    EXPECT_EQ(reveal.correct_choice, correct_choice(question));

    const auto ada_result = ada_->wait_for<protocol::Result>();
    EXPECT_EQ(ada_result.question, question.question);
    const int ada_points =
        ada_answered_ ? expected_points(ada_elapsed_, question.time_limit_ms) : 0;
    EXPECT_EQ(ada_result.points, ada_points) << "Ada took " << ada_elapsed_ << " ms";
    ada_total_ += ada_points;
    EXPECT_EQ(ada_result.total, ada_total_);

    const auto ben_result = ben_->wait_for<protocol::Result>();
    EXPECT_EQ(ben_result.question, question.question);
    EXPECT_EQ(ben_result.points, 0);
    EXPECT_EQ(ben_result.total, ben_total_);

    open_.reset();
    ada_answered_ = false;
    ben_answered_ = false;
    ++played_;
    if (advance_after)
        advance();
}

void HonestGame::advance() {
    // With reveal_seconds 0 the host opens the next question (or ends the game after the last).
    host_->send(protocol::Skip{created_.host_token});
}

void HonestGame::play_question(bool close_with_skip) {
    wait_question();
    answer_both();
    reveal(close_with_skip);
}

void HonestGame::finish() {
    while (played_ < questions)
        play_question();
    const auto over = host_->wait_for<protocol::GameOver>();
    EXPECT_EQ(over.reason, protocol::EndReason::completed);
    EXPECT_EQ(over.questions, questions);
    ASSERT_FALSE(over.standings.empty());
    EXPECT_EQ(over.standings.front().nickname, "Ada");
    EXPECT_EQ(over.standings.front().points, ada_total_);
    EXPECT_EQ(over.standings.front().correct, questions);
    const auto ben_row =
        std::find_if(over.standings.begin(), over.standings.end(),
                     [](const protocol::Standing& row) { return row.nickname == "Ben"; });
    ASSERT_NE(ben_row, over.standings.end());
    EXPECT_EQ(ben_row->points, 0);

    const auto ada_final = ada_->wait_for<protocol::FinalResult>();
    EXPECT_EQ(ada_final.rank, 1);
    EXPECT_EQ(ada_final.points, ada_total_);
    EXPECT_EQ(ada_final.correct, questions);
    EXPECT_EQ(ada_final.wrong, 0);
    EXPECT_EQ(ada_final.unanswered, 0);
    const auto ben_final = ben_->wait_for<protocol::FinalResult>();
    EXPECT_EQ(ben_final.points, 0);
    EXPECT_EQ(ben_final.correct, 0);
    EXPECT_EQ(ben_final.wrong, questions);
    EXPECT_EQ(ben_final.unanswered, 0);
}

}  // namespace rapidfire::test
