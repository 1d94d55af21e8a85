#include "game_steps.hpp"

#include <algorithm>
#include <cmath>

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

}  // namespace rapidfire::test
