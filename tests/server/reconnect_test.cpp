// Dropped connections: a player resumes mid-question with its score, the host resumes and the
// game continues, and a second connection takes a seat over from the first.

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

protocol::RoundSettings slow_quiz() {
    protocol::RoundSettings settings;
    settings.questions = 3;
    settings.seconds = 30;
    settings.reveal_seconds = 0;
    settings.streak_bonus = false;
    return settings;
}

TEST(Reconnect, PlayerDropsMidQuestionAndResumesWithItsScore) {
    TestServer server;
    auto host = server.client();
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", slow_quiz());
    auto steady = server.client();
    auto flaky = server.client();
    join_room(*steady, created.code, "Steady");
    const auto joined = join_room(*flaky, created.code, "Flaky");
    host->send(protocol::Start{created.host_token});

    // Question 0: both right.
    auto question = flaky->wait_for<protocol::Question>();
    flaky->send(choice_answer(0, correct_choice(question)));
    flaky->wait_for<protocol::AnswerAccepted>();
    steady->wait_for<protocol::Question>();
    steady->send(choice_answer(0, correct_choice(question)));
    const int points = flaky->wait_for<protocol::Result>().total;
    EXPECT_GT(points, 0);
    host->wait_for<protocol::Reveal>();
    host->send(protocol::Skip{created.host_token});

    // Question 1 opens; Flaky's network drops before it answers.
    question = flaky->wait_for<protocol::Question>();
    EXPECT_EQ(question.question, 1);
    flaky->drop();
    // The host sees the seat go (roster connected 1 of 2).
    for (;;) {
        const auto roster = host->wait_for<protocol::Roster>();
        if (roster.connected == 1) {
            EXPECT_EQ(roster.count, 2);
            break;
        }
    }

    auto back = server.client();
    back->send(protocol::Resume{joined.resume_token});
    const auto resumed = back->wait_for<protocol::Joined>();
    EXPECT_TRUE(resumed.resumed);
    EXPECT_EQ(resumed.player, joined.player);
    EXPECT_EQ(resumed.nickname, "Flaky");
    EXPECT_EQ(resumed.phase, protocol::RoomPhase::question);
    EXPECT_EQ(resumed.points, points);
    EXPECT_FALSE(resumed.host_token.has_value());
    // The open question, with the time left on it.
    const auto open = back->wait_for<protocol::Question>();
    EXPECT_EQ(open.question, 1);
    EXPECT_GT(open.remaining_ms, 0);
    EXPECT_LT(open.remaining_ms, 30'000);
    EXPECT_EQ(open.deadline, question.deadline);

    back->send(choice_answer(1, correct_choice(open)));
    back->wait_for<protocol::AnswerAccepted>();
    steady->wait_for<protocol::Question>();
    steady->send(choice_answer(1, correct_choice(open)));
    const auto result = back->wait_for<protocol::Result>();
    EXPECT_GT(result.total, points);  // the old score was kept
}

TEST(Reconnect, HostDropsAndResumesAndTheGameGoesOn) {
    TestServer server;
    auto host = server.client();
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", slow_quiz());
    auto player = server.client();
    join_room(*player, created.code, "Player");
    host->send(protocol::Start{created.host_token});
    player->wait_for<protocol::Question>();

    host->drop();
    const auto paused = player->wait_for<protocol::Paused>();
    EXPECT_EQ(paused.reason, protocol::PauseReason::host_disconnected);
    const auto status = player->wait_for<protocol::HostStatus>();
    EXPECT_FALSE(status.connected);
    EXPECT_EQ(status.grace_ms, 120'000);
    // Answers wait while the game is paused.
    player->send(choice_answer(0, 0));
    EXPECT_EQ(player->wait_for<protocol::AnswerRejected>().code, protocol::ErrorCode::wrong_state);

    auto host_again = server.client();
    host_again->send(protocol::Resume{created.resume_token});
    const auto joined = host_again->wait_for<protocol::Joined>();
    EXPECT_EQ(joined.role, protocol::Role::host);
    EXPECT_TRUE(joined.resumed);
    EXPECT_EQ(joined.host_token, created.host_token);
    EXPECT_TRUE(player->wait_for<protocol::HostStatus>().connected);
    const auto continued = player->wait_for<protocol::Continued>();
    EXPECT_GT(continued.remaining_ms, 0);

    // The resumed host runs the game.
    host_again->send(protocol::Skip{created.host_token});
    EXPECT_EQ(player->wait_for<protocol::Reveal>().question, 0);
}

TEST(Reconnect, ASecondConnectionTakesTheSeatOver) {
    TestServer server;
    auto host = server.client();
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", slow_quiz());
    auto first = server.client();
    const auto joined = join_room(*first, created.code, "Twin");

    auto second = server.client();
    second->send(protocol::Resume{joined.resume_token});
    EXPECT_TRUE(second->wait_for<protocol::Joined>().resumed);

    // The first connection no longer holds the seat; closing it does not drop the seat.
    first->send(protocol::Leave{});
    EXPECT_EQ(first->wait_for<protocol::Error>().code, protocol::ErrorCode::not_in_room);
    first->drop();

    host->send(protocol::Start{created.host_token});
    const auto question = second->wait_for<protocol::Question>();
    second->send(choice_answer(0, correct_choice(question)));
    EXPECT_EQ(second->wait_for<protocol::AnswerAccepted>().question, 0);
    // The only player answered: the question closed at once, so the seat counted as connected.
    EXPECT_EQ(host->wait_for<protocol::Reveal>(3s).question, 0);
}

TEST(Reconnect, LeaveRevokesTheToken) {
    TestServer server;
    auto host = server.client();
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", slow_quiz());
    auto player = server.client();
    const auto joined = join_room(*player, created.code, "Goner");
    player->send(protocol::Leave{});
    player->wait_for<protocol::Left>();
    // Free again: may join another room (or this one).
    join_room(*player, created.code, "Goner Again");

    auto other = server.client();
    other->send(protocol::Resume{joined.resume_token});
    EXPECT_EQ(other->wait_for<protocol::Error>().code, protocol::ErrorCode::bad_resume_token);
}

}  // namespace
}  // namespace rapidfire::test
