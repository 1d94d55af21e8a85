// Dropped connections: a player resumes mid-question with its score (over ws and over wss), the
// host resumes and the game continues, a second connection takes a seat over from the first, and
// a seat given up with leave cannot be resumed.

#include <gtest/gtest.h>

#include <ostream>

#include "game_steps.hpp"
#include "test_server.hpp"
#include "tls_client.hpp"

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

// A host and the slow quiz room it created.
struct HostedRoom {
    std::unique_ptr<TestClient> host;
    protocol::RoomCreated created;
};

HostedRoom host_room(std::unique_ptr<TestClient> host) {
    auto created = create_room(*host, protocol::RoomKind::quiz, "Host", slow_quiz());
    return {std::move(host), std::move(created)};
}

// The WebSocket under the clients: plain, or over TLS. The server's sessions are templates on
// the stream type, so each is code of its own.
enum class Transport { ws, wss };

const char* name_of(Transport transport) {
    return transport == Transport::ws ? "ws" : "wss";
}

// Names the case in test listings (ctest shows the parameter).
void PrintTo(Transport transport, std::ostream* out) {
    *out << name_of(transport);
}

// A server, and clients of it over the test's transport.
class ReconnectTest : public ::testing::TestWithParam<Transport> {
  protected:
    ReconnectTest()
        : tls_(GetParam() == Transport::wss ? std::make_unique<TestTls>() : nullptr),
          server_(tls_ ? tls_->server_options() : test_options()) {}

    // A connected client that has read its welcome.
    std::unique_ptr<TestClient> client() {
        return tls_ ? tls_->wss_client(server_.port()) : server_.client();
    }

    std::unique_ptr<TestTls> tls_;  // for wss only
    TestServer server_;
};

TEST_P(ReconnectTest, PlayerDropsMidQuestionAndResumesWithItsScore) {
    auto [host, created] = host_room(client());
    auto steady = client();
    auto flaky = client();
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

    auto back = client();
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

INSTANTIATE_TEST_SUITE_P(Transports, ReconnectTest,
                         ::testing::Values(Transport::ws, Transport::wss),
                         [](const auto& info) { return std::string(name_of(info.param)); });

TEST(Reconnect, HostDropsAndResumesAndTheGameGoesOn) {
    TestServer server;
    auto [host, created] = host_room(server.client());
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
    auto [host, created] = host_room(server.client());
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
    auto [host, created] = host_room(server.client());
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
