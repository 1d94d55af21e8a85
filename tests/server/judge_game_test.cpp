// A quiz in judge mode: free-text answers grouped for the host, marked one group at a time or
// with the suggestions, then revealed and scored.

#include <gtest/gtest.h>

#include "game_steps.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

using protocol::Verdict;

TEST(JudgeGame, GroupedAnswersAreJudgedAndSuggestionsAccepted) {
    TestServer server;
    auto host = server.client();
    protocol::RoundSettings settings;
    settings.questions = 2;
    settings.seconds = 30;
    settings.mode = protocol::AnswerMode::judge;
    settings.judging_seconds = 0;  // wait for the host
    settings.reveal_seconds = 0;
    settings.streak_bonus = false;
    const auto created = create_room(*host, protocol::RoomKind::quiz, "Judge", settings);
    auto ana = server.client();
    auto ben = server.client();
    auto cy = server.client();
    join_room(*ana, created.code, "Ana");
    join_room(*ben, created.code, "Ben");
    join_room(*cy, created.code, "Cy");
    host->send(protocol::Start{created.host_token});

    // Question 0: Ana and Ben give the same answer in different case and spacing.
    auto question = ana->wait_for<protocol::Question>();
    EXPECT_EQ(question.mode, protocol::AnswerMode::judge);
    EXPECT_TRUE(question.choices.empty());
    const auto reference = bank_question(question.id).answer;
    ana->send(text_answer(0, reference));
    ben->wait_for<protocol::Question>();
    std::string shouted = reference;
    for (auto& c : shouted)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ben->send(text_answer(0, "  " + shouted + "  "));
    cy->wait_for<protocol::Question>();
    cy->send(text_answer(0, "no idea"));
    const auto ana_time = ana->wait_for<protocol::AnswerAccepted>().elapsed_ms;
    const auto ben_time = ben->wait_for<protocol::AnswerAccepted>().elapsed_ms;
    cy->wait_for<protocol::AnswerAccepted>();

    auto request = host->wait_for<protocol::JudgeRequest>();
    EXPECT_EQ(request.question, 0);
    EXPECT_EQ(request.reference, reference);
    ASSERT_EQ(request.groups.size(), 2u);
    EXPECT_EQ(request.groups[0].count, 2);  // the most common answer first
    EXPECT_EQ(request.groups[0].players, (std::vector<std::string>{"Ana", "Ben"}));
    EXPECT_EQ(request.groups[1].count, 1);
    EXPECT_EQ(request.groups[1].answer, "no idea");
    EXPECT_FALSE(request.deadline.has_value());

    host->send(protocol::Judge{
        created.host_token, 0, request.groups[0].group, Verdict::correct, std::nullopt, {}});
    const auto judged = host->wait_for<protocol::Judged>();
    EXPECT_EQ(judged.verdict, Verdict::correct);
    EXPECT_EQ(judged.remaining, 1);
    // A group that does not exist, then the rest by suggestion.
    host->send(protocol::Judge{created.host_token, 0, 99, Verdict::wrong, std::nullopt, {}});
    EXPECT_EQ(host->wait_for<protocol::Error>().code, protocol::ErrorCode::unknown_group);
    host->send(protocol::AcceptSuggestions{created.host_token, 0});

    const auto reveal = host->wait_for<protocol::Reveal>();
    EXPECT_EQ(reveal.reference, reference);
    EXPECT_FALSE(reveal.correct_choice.has_value());
    auto ana_result = ana->wait_for<protocol::Result>();
    EXPECT_EQ(ana_result.verdict, Verdict::correct);
    EXPECT_EQ(ana_result.points, expected_points(ana_time, 30'000));
    auto ben_result = ben->wait_for<protocol::Result>();
    EXPECT_EQ(ben_result.verdict, Verdict::correct);
    EXPECT_EQ(ben_result.points, expected_points(ben_time, 30'000));
    auto cy_result = cy->wait_for<protocol::Result>();
    EXPECT_EQ(cy_result.verdict, request.groups[1].suggestion);

    // Question 1: only suggestions.
    host->send(protocol::Skip{created.host_token});
    question = ana->wait_for<protocol::Question>();
    EXPECT_EQ(question.question, 1);
    for (auto* player : {ana.get(), ben.get(), cy.get()}) {
        if (player != ana.get())
            player->wait_for<protocol::Question>();
        player->send(text_answer(1, "gradient descent"));
        player->wait_for<protocol::AnswerAccepted>();
    }
    request = host->wait_for<protocol::JudgeRequest>();
    ASSERT_EQ(request.groups.size(), 1u);
    EXPECT_EQ(request.groups[0].count, 3);
    host->send(protocol::AcceptSuggestions{created.host_token, 1});
    host->wait_for<protocol::Reveal>();
    const auto verdict = ana->wait_for<protocol::Result>().verdict;
    EXPECT_EQ(verdict, request.groups[0].suggestion);

    host->send(protocol::Skip{created.host_token});
    const auto over = host->wait_for<protocol::GameOver>();
    EXPECT_EQ(over.reason, protocol::EndReason::completed);
    EXPECT_EQ(over.questions, 2);
    const auto final_result = ana->wait_for<protocol::FinalResult>();
    EXPECT_EQ(final_result.correct + final_result.partial + final_result.wrong, 2);
}

}  // namespace
}  // namespace rapidfire::test
