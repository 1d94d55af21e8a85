// A whole quiz in choice mode with three players, over real WebSockets: every question, the
// scoring formula checked against answer_accepted.elapsed_ms, the end of the game. Run with one
// I/O thread and with several, so rooms and sessions really live on different threads.

#include <gtest/gtest.h>

#include <array>
#include <set>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::Verdict;

// The parameter is the server's number of I/O threads.
class QuizGameTest : public ::testing::TestWithParam<int> {
  protected:
    static net::ServerOptions options_with_threads(int threads) {
        auto options = test_options();
        options.threads = threads;
        return options;
    }

    TestServer server_{options_with_threads(GetParam())};
};

TEST_P(QuizGameTest, ThreePlayersPlayEveryQuestionToGameOver) {
    auto host = server_.client();
    protocol::RoundSettings settings;
    settings.questions = 4;
    settings.seconds = 10;
    settings.mode = protocol::AnswerMode::choice;
    settings.reveal_seconds = 0;  // the host moves on with skip
    settings.streak_bonus = false;
    settings.show_leaderboard = true;
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Quizmaster", settings);
    EXPECT_EQ(created.code.size(), 6u);
    EXPECT_FALSE(created.player.has_value());
    ASSERT_EQ(created.settings.questions, 4);

    const std::array<std::string, 3> names = {"Ada", "Brook", "Cyd"};
    std::array<std::unique_ptr<TestClient>, 3> players;
    std::array<protocol::PlayerId, 3> ids{};
    for (std::size_t i = 0; i < players.size(); ++i) {
        players[i] = server_.client();
        const auto joined = join_room(*players[i], created.code, names[i]);
        EXPECT_EQ(joined.role, protocol::Role::player);
        EXPECT_EQ(joined.host, "Quizmaster");
        EXPECT_EQ(joined.phase, protocol::RoomPhase::lobby);
        ASSERT_TRUE(joined.player.has_value());
        ids[i] = *joined.player;
    }
    // The host's roster catches up with all three (updates are coalesced, and carry the
    // players who joined since the last one).
    std::set<protocol::PlayerId> listed;
    for (;;) {
        const auto roster = host->wait_for<protocol::Roster>();
        for (const auto& p : roster.players)
            listed.insert(p.id);
        if (roster.count == 3) {
            EXPECT_EQ(listed, std::set<protocol::PlayerId>(ids.begin(), ids.end()));
            break;
        }
    }

    host->send(protocol::Start{created.host_token});
    std::array<int, 3> totals{};
    for (int q = 0; q < 4; ++q) {
        SCOPED_TRACE("question " + std::to_string(q));
        const auto question = host->wait_for<protocol::Question>();
        EXPECT_EQ(question.question, q);
        EXPECT_EQ(question.total, 4);
        EXPECT_EQ(question.time_limit_ms, 10'000);
        EXPECT_EQ(question.choices.size(), 4u);
        const int right = correct_choice(question);

        // Ada answers right at once, Brook wrong, Cyd right but (on the first question) late
        // enough to score below 1000.
        std::array<protocol::Millis, 3> elapsed{};
        for (std::size_t i = 0; i < players.size(); ++i) {
            const auto seen = players[i]->wait_for<protocol::Question>();
            EXPECT_EQ(seen.id, question.id);
            if (i == 2 && q == 0)
                std::this_thread::sleep_for(800ms);
            players[i]->send(choice_answer(q, i == 1 ? wrong_choice(seen) : right));
            const auto accepted = players[i]->wait_for<protocol::AnswerAccepted>();
            EXPECT_EQ(accepted.question, q);
            elapsed[i] = accepted.elapsed_ms;
        }
        if (q == 0) {
            EXPECT_GT(elapsed[2], 500);
        }

        // Everyone answered: the question closes at once, without waiting for the clock.
        const auto reveal = host->wait_for<protocol::Reveal>(3s);
        EXPECT_EQ(reveal.correct_choice, right);
        EXPECT_FALSE(reveal.next_at.has_value());
        ASSERT_EQ(reveal.choice_counts.size(), 4u);
        EXPECT_EQ(reveal.choice_counts[right], 2);
        for (std::size_t i = 0; i < players.size(); ++i) {
            EXPECT_EQ(players[i]->wait_for<protocol::Reveal>().correct_choice, right);
            const auto result = players[i]->wait_for<protocol::Result>();
            EXPECT_EQ(result.question, q);
            const bool correct = i != 1;
            EXPECT_EQ(result.verdict, correct ? Verdict::correct : Verdict::wrong);
            const int points = correct ? expected_points(elapsed[i], 10'000) : 0;
            EXPECT_EQ(result.points, points) << names[i] << " took " << elapsed[i] << " ms";
            totals[i] += points;
            EXPECT_EQ(result.total, totals[i]);
            const auto standings = players[i]->wait_for<protocol::Standings>();
            EXPECT_EQ(standings.count, 3);
        }
        host->send(protocol::Skip{created.host_token});
    }

    const auto over = host->wait_for<protocol::GameOver>();
    EXPECT_EQ(over.reason, protocol::EndReason::completed);
    EXPECT_EQ(over.questions, 4);
    EXPECT_EQ(over.count, 3);
    ASSERT_EQ(over.standings.size(), 3u);
    EXPECT_EQ(over.standings.back().nickname, "Brook");
    EXPECT_EQ(over.standings.back().points, 0);
    for (std::size_t i = 0; i < players.size(); ++i) {
        EXPECT_EQ(players[i]->wait_for<protocol::GameOver>().questions, 4);
        const auto final_result = players[i]->wait_for<protocol::FinalResult>();
        EXPECT_EQ(final_result.points, totals[i]);
        EXPECT_EQ(final_result.correct, i == 1 ? 0 : 4);
        EXPECT_EQ(final_result.wrong, i == 1 ? 4 : 0);
        EXPECT_EQ(final_result.count, 3);
    }

    // Counted in the metrics: 12 answers accepted, rooms by phase.
    const auto metrics = http_get(server_.port(), "/metrics").body;
    EXPECT_NE(metrics.find("rapidfire_answers_accepted_total 12"), std::string::npos);
    EXPECT_NE(metrics.find("rapidfire_rooms{phase=\"finished\"} 1"), std::string::npos);
}

TEST_P(QuizGameTest, LateAndRepeatedAnswersAreRejectedAndCounted) {
    auto host = server_.client();
    protocol::RoundSettings settings;
    settings.questions = 2;
    settings.seconds = 5;
    settings.reveal_seconds = 0;
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", settings);
    auto a = server_.client();
    auto b = server_.client();
    join_room(*a, created.code, "A");
    join_room(*b, created.code, "B");
    host->send(protocol::Start{created.host_token});
    const auto question = a->wait_for<protocol::Question>();
    a->send(choice_answer(0, 0));
    a->wait_for<protocol::AnswerAccepted>();
    a->send(choice_answer(0, 1));
    auto rejected = a->wait_for<protocol::AnswerRejected>();
    EXPECT_EQ(rejected.code, protocol::ErrorCode::already_answered);
    a->send(choice_answer(1, 0));
    rejected = a->wait_for<protocol::AnswerRejected>();
    EXPECT_EQ(rejected.code, protocol::ErrorCode::unknown_question);
    // The host does not play.
    host->send(choice_answer(0, 0));
    EXPECT_EQ(host->wait_for<protocol::Error>().code, protocol::ErrorCode::not_a_player);
    // The clock closes the question (B never answers): the timer fires by itself.
    const auto reveal = b->wait_for<protocol::Reveal>(question.time_limit_ms * 1ms + 3s);
    EXPECT_EQ(reveal.question, 0);
    b->send(choice_answer(0, 0));
    EXPECT_EQ(b->wait_for<protocol::AnswerRejected>().code, protocol::ErrorCode::too_late);

    const auto metrics = http_get(server_.port(), "/metrics").body;
    EXPECT_NE(metrics.find("rapidfire_answers_rejected_total{reason=\"already_answered\"} 1"),
              std::string::npos)
        << metrics;
    EXPECT_NE(metrics.find("rapidfire_answers_rejected_total{reason=\"too_late\"} 1"),
              std::string::npos);
}

TEST_P(QuizGameTest, SixtyPlayersInOneRoom) {
    auto host = server_.client();
    protocol::RoundSettings settings;
    settings.questions = 2;
    settings.seconds = 20;
    settings.reveal_seconds = 0;
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Host", settings);
    constexpr int count = 60;
    std::vector<std::unique_ptr<TestClient>> players;
    for (int i = 0; i < count; ++i) {
        players.push_back(server_.client());
        join_room(*players.back(), created.code, "P" + std::to_string(i));
    }
    host->send(protocol::Start{created.host_token});
    for (int q = 0; q < 2; ++q) {
        // Everyone answers before anyone reads the acknowledgement: the answers race in.
        for (auto& player : players) {
            const auto question = player->wait_for<protocol::Question>();
            player->send(choice_answer(q, correct_choice(question)));
        }
        int accepted = 0;
        for (auto& player : players) {
            player->wait_for<protocol::AnswerAccepted>();
            ++accepted;
            EXPECT_EQ(player->wait_for<protocol::Reveal>().choice_counts.size(), 4u);
            EXPECT_EQ(player->wait_for<protocol::Result>().verdict, protocol::Verdict::correct);
        }
        EXPECT_EQ(accepted, count);
        // The host gets coalesced progress, not one message per answer.
        host->wait_for<protocol::Reveal>();
        host->send(protocol::Skip{created.host_token});
    }
    const auto over = host->wait_for<protocol::GameOver>();
    EXPECT_EQ(over.count, count);
    for (auto& player : players)
        EXPECT_EQ(player->wait_for<protocol::FinalResult>().correct, 2);
    const auto metrics = http_get(server_.port(), "/metrics").body;
    EXPECT_NE(metrics.find("rapidfire_answers_accepted_total 120"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Threads, QuizGameTest, ::testing::Values(1, 3),
                         [](const auto& info) { return std::to_string(info.param) + "_threads"; });

}  // namespace
}  // namespace rapidfire::test
