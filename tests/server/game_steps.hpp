#pragma once
// Steps every game test takes: create a room, seat players, answer, score.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "test_client.hpp"

namespace rapidfire::test {

protocol::RoomCreated create_room(TestClient& host, protocol::RoomKind kind,
                                  const std::string& nickname, protocol::RoundSettings settings);
protocol::Joined join_room(TestClient& player, const std::string& code,
                           const std::string& nickname);
// `runner` creates a solo room of one question (no reveal pause) as `nickname`, with the
// identity secret `identity` if any, and starts the run: the question. `settings` may change
// the run's other settings.
protocol::Question start_one_question_solo_run(TestClient& runner, const std::string& nickname,
                                               std::optional<std::string> identity = std::nullopt,
                                               protocol::RoundSettings settings = {});

// The index of the question's right answer among its choices (from the bundled bank).
int correct_choice(const protocol::Question& question);
// Any index but the right one.
int wrong_choice(const protocol::Question& question);

// PROTOCOL.md's formula, written out independently of the engine: round(1000 (1 - (t/T)/2)),
// t clamped to [0, T], 1000 within the first 500 ms.
int expected_points(protocol::Millis elapsed_ms, protocol::Millis limit_ms);

protocol::Answer choice_answer(int question, int choice);
protocol::Answer text_answer(int question, std::string text);

class TestServer;

// A choice quiz played by two honest players beside whatever a test does to the server: Ada
// answers every question right, Ben every question wrong, each at once. A test misbehaves
// between the steps, then finish() checks that the game ended as if nothing had happened: every
// question played, each honest player's points as the scoring formula says, Ada first.
//
// The questions wait for every connected player, so a test that seats another player who does
// not answer closes each question with reveal(true) (the host's skip).
class HonestGame {
  public:
    static constexpr int questions = 3;
    enum class Who { ada, ben };

    // 3 questions of 30 s, the host moves on with skip, no streak bonus.
    static protocol::RoundSettings default_settings();

    // Creates the room and seats Ada and Ben (the game is not started).
    explicit HonestGame(TestServer& server, protocol::RoundSettings settings = default_settings());

    TestClient& host() { return *host_; }
    TestClient& ada() { return *ada_; }
    TestClient& ben() { return *ben_; }
    const protocol::RoomCreated& room() const { return created_; }
    protocol::PlayerId id_of(Who who) const { return who == Who::ada ? ada_id_ : ben_id_; }
    // The host's connection, for a test that replaces it (a host that resumed).
    void set_host(std::unique_ptr<TestClient> host) { host_ = std::move(host); }

    // The host starts the game.
    void start();
    // Seats a third player beside Ada and Ben, starts the game and waits until all three have
    // the first question: the player a test then misbehaves with. Each question waits for its
    // answer while it is connected.
    std::unique_ptr<TestClient> start_with_player(const std::string& nickname);
    // Both players read the open question (once per question); returns it.
    const protocol::Question& wait_question();
    // The player answers the open question (right for Ada, wrong for Ben) and is accepted.
    void answer(Who who);
    void answer_both();
    // The question closes (by the host's skip when `close_with_skip`): the host sees the reveal,
    // each player their result with the points the formula gives; then, with `advance`, the
    // host moves on.
    void reveal(bool close_with_skip = false, bool advance = true);
    // The host opens the next question (or ends the game after the last) with skip.
    void advance();
    void play_question(bool close_with_skip = false);
    // Plays the questions left, then checks game_over and each player's final_result.
    void finish();

    int played() const { return played_; }
    int points_of(Who who) const { return who == Who::ada ? ada_total_ : ben_total_; }

  private:
    TestServer& server_;
    std::unique_ptr<TestClient> host_;
    std::unique_ptr<TestClient> ada_;
    std::unique_ptr<TestClient> ben_;
    protocol::RoomCreated created_;
    protocol::PlayerId ada_id_ = 0;
    protocol::PlayerId ben_id_ = 0;
    std::optional<protocol::Question> open_;
    protocol::Millis ada_elapsed_ = 0;
    bool ada_answered_ = false;
    bool ben_answered_ = false;
    int played_ = 0;
    int ada_total_ = 0;
    int ben_total_ = 0;
};

}  // namespace rapidfire::test
