#pragma once
// Steps every game test takes: create a room, seat players, answer, score.

#include <string>
#include <vector>

#include "test_client.hpp"

namespace rapidfire::test {

protocol::RoomCreated create_room(TestClient& host, protocol::RoomKind kind,
                                  const std::string& nickname, protocol::RoundSettings settings);
protocol::Joined join_room(TestClient& player, const std::string& code,
                           const std::string& nickname);

// The index of the question's right answer among its choices (from the bundled bank).
int correct_choice(const protocol::Question& question);
// Any index but the right one.
int wrong_choice(const protocol::Question& question);

// PROTOCOL.md's formula, written out independently of the engine: round(1000 (1 - (t/T)/2)),
// t clamped to [0, T], 1000 within the first 500 ms.
int expected_points(protocol::Millis elapsed_ms, protocol::Millis limit_ms);

protocol::Answer choice_answer(int question, int choice);
protocol::Answer text_answer(int question, std::string text);

}  // namespace rapidfire::test
