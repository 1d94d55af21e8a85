// The record of games: what a finished game leaves behind, who may read it, personal bests, and
// what survives the server being killed.

#include <gtest/gtest.h>

#include <signal.h>

#include <filesystem>
#include <random>

#include <boost/json.hpp>

#include "game_steps.hpp"
#include "rapidfire/core/identity.hpp"
#include "rapidfire/store/store.hpp"
#include "scratch_dir.hpp"
#include "server_process.hpp"
#include "test_server.hpp"

namespace rapidfire::test {
namespace {

namespace json = boost::json;

net::ServerOptions recording_options(const ScratchDir& dir) {
    auto options = test_options();
    options.data_dir = dir.path();
    return options;
}

json::value get_json(std::uint16_t port, const std::string& target, const std::string& token = {}) {
    const auto reply = http_get_authorized(port, target, token.empty() ? "" : "Bearer " + token);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    return json::parse(reply.body);
}

// The writer commits in the background: wait until `ready` holds (bounded).
template <class Ready>
void eventually(Ready ready) {
    const auto deadline = Clock::now() + 5s;
    while (!ready()) {
        ASSERT_LT(Clock::now(), deadline) << "the record did not catch up in 5 s";
        std::this_thread::sleep_for(20ms);
    }
}

TEST(Record, AFinishedQuizIsListedAndItsResultsExportWithTheHostToken) {
    ScratchDir dir;
    TestServer server(recording_options(dir));
    HonestGame game(server);
    game.start();
    game.finish();
    const auto port = server.port();
    const auto& token = game.room().host_token;

    json::array games;
    eventually([&] {
        games = get_json(port, "/api/games").at("games").as_array();
        return !games.empty();
    });
    const auto& listed = games.at(0).as_object();
    EXPECT_EQ(listed.at("code").as_string(), game.room().code);
    EXPECT_EQ(listed.at("kind").as_string(), "quiz");
    EXPECT_EQ(listed.at("end_reason").as_string(), "completed");
    EXPECT_EQ(listed.at("players").as_int64(), 2);
    EXPECT_EQ(listed.at("questions").as_int64(), HonestGame::questions);
    const auto id = std::to_string(listed.at("id").as_int64());

    // Results need the host token.
    EXPECT_EQ(http_get(port, "/api/games/" + id + "/results.json").status, 401);
    EXPECT_EQ(
        http_get_authorized(port, "/api/games/" + id + "/results.json", "Bearer wrong").status,
        403);
    // A game that does not exist says so to any token; an existing one needs its own.
    for (const std::string& authorization : {"Bearer " + token, std::string("Bearer wrong")}) {
        const auto missing =
            http_get_authorized(port, "/api/games/999/results.json", authorization);
        EXPECT_EQ(missing.status, 404);
        EXPECT_NE(missing.body.find("no such game"), std::string::npos) << missing.body;
    }

    const auto record = get_json(port, "/api/games/" + id + "/results.json", token).as_object();
    const auto& results = record.at("results").as_array();
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].at("nickname").as_string(), "Ada");
    EXPECT_EQ(results[0].at("points").as_int64(), game.points_of(HonestGame::Who::ada));
    EXPECT_EQ(results[1].at("points").as_int64(), game.points_of(HonestGame::Who::ben));
    const auto& answers = record.at("answers").as_array();
    EXPECT_EQ(answers.size(), 2u * HonestGame::questions);
    for (const auto& answer : answers) {
        const bool ada = answer.at("nickname").as_string() == "Ada";
        EXPECT_EQ(answer.at("verdict").as_string(), ada ? "correct" : "wrong");
    }
    EXPECT_EQ(record.at("questions").as_array().size(),
              static_cast<std::size_t>(HonestGame::questions));

    const auto csv =
        http_get_authorized(port, "/api/games/" + id + "/results.csv", "Bearer " + token);
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    // Each question has a verdict column and a points column, headed by its text.
    std::string header = "rank,nickname,points,correct,partial,wrong,unanswered,time_ms";
    for (const auto& question : record.at("questions").as_array()) {
        const std::string number = "Q" + std::to_string(question.at("index").as_int64() + 1);
        const std::string text(question.at("text").as_string());
        const auto field = [](const std::string& cell) {
            return cell.find_first_of(",\"") == std::string::npos ? cell : '"' + cell + '"';
        };
        header +=
            "," + field(number + " verdict: " + text) + "," + field(number + " points: " + text);
    }
    EXPECT_EQ(csv.body.substr(0, csv.body.find("\r\n")), header);
    // Ada's row ends with each question's verdict and points, as the record has them.
    std::string ada_questions;
    for (int q = 0; q < HonestGame::questions; ++q) {
        for (const auto& answer : answers) {
            if (answer.at("nickname").as_string() == "Ada" && answer.at("question").as_int64() == q)
                ada_questions += ",correct," + std::to_string(answer.at("points").as_int64());
        }
    }
    EXPECT_NE(csv.body.find(ada_questions + "\r\n"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("\r\n1,Ada," + std::to_string(game.points_of(HonestGame::Who::ada)) +
                            ",3,0,0,0,"),
              std::string::npos)
        << csv.body;

    // The host's own list, by token.
    EXPECT_EQ(get_json(port, "/api/games", token).at("games").as_array().size(), 1u);
}

TEST(Record, WithoutADataDirThereIsNoRecord) {
    TestServer server;
    EXPECT_EQ(http_get(server.port(), "/api/games").status, 404);
}

const std::string sam = "sam-identity-0123456789";
const std::string other_sam = "another-sam-0123456789";

// One solo run of one question, answered at once; its personal best, if one comes.
std::optional<protocol::PersonalBest> solo_run(TestServer& server, bool answer_right,
                                               std::optional<std::string> identity = sam,
                                               protocol::RoundSettings settings = {},
                                               bool pause = false) {
    auto runner = server.client();
    settings.questions = 1;
    settings.reveal_seconds = 0;
    runner->send(protocol::CreateRoom{protocol::RoomKind::solo, "Sam", settings, identity});
    const auto token = runner->wait_for<protocol::RoomCreated>().host_token;
    runner->send(protocol::Start{token});
    const auto question = runner->wait_for<protocol::Question>();
    if (pause) {
        runner->send(protocol::Pause{token});
        runner->wait_for<protocol::Paused>();
        runner->send(protocol::Continue{token});
        runner->wait_for<protocol::Continued>();
    }
    runner->send(
        choice_answer(0, answer_right ? correct_choice(question) : wrong_choice(question)));
    runner->wait_for<protocol::FinalResult>();
    if (!identity) {
        // No personal best without an identity: nothing follows the final result.
        const auto more = runner->next_text(std::chrono::milliseconds(500));
        EXPECT_FALSE(more.has_value()) << *more;
        return std::nullopt;
    }
    return runner->wait_for<protocol::PersonalBest>();
}

json::array leaderboard(TestServer& server, const std::string& query = "?questions=1") {
    return get_json(server.port(), "/api/solo/leaderboard" + query).at("runs").as_array();
}

TEST(Record, SoloRunsReportPersonalBests) {
    ScratchDir dir;
    TestServer server(recording_options(dir));
    const auto first = *solo_run(server, true);
    EXPECT_TRUE(first.new_best);
    EXPECT_FALSE(first.previous.has_value());
    EXPECT_EQ(first.runs, 0);
    EXPECT_GT(first.points, 0);
    EXPECT_FALSE(first.not_counted.has_value());
    eventually([&] { return !leaderboard(server).empty(); });
    const auto second = *solo_run(server, false);
    EXPECT_FALSE(second.new_best);
    EXPECT_EQ(second.previous, first.points);
    EXPECT_EQ(second.runs, 1);
    eventually(
        [&] { return get_json(server.port(), "/api/games").at("games").as_array().size() == 2; });
    const auto board = leaderboard(server);
    ASSERT_EQ(board.size(), 1u);  // one row per identity: the best run
    EXPECT_EQ(board[0].at("points").as_int64(), first.points);
    EXPECT_EQ(board[0].at("runs").as_int64(), 2);
}

TEST(Record, TwoPlayersWithOneNicknameKeepTheirOwnBests) {
    ScratchDir dir;
    TestServer server(recording_options(dir));
    const auto first = *solo_run(server, true, sam);
    EXPECT_TRUE(first.new_best);
    // Anyone typing "Sam" without Sam's secret starts from nothing.
    const auto impostor = *solo_run(server, false, other_sam);
    EXPECT_EQ(impostor.runs, 0);
    EXPECT_FALSE(impostor.previous.has_value());
    EXPECT_TRUE(impostor.new_best);
    eventually([&] { return leaderboard(server).size() == 2; });
    // Both rows are shown as "Sam"; the identity, or its digest, never is.
    const auto body = http_get(server.port(), "/api/solo/leaderboard?questions=1").body;
    EXPECT_EQ(body.find("identity"), std::string::npos) << body;
    EXPECT_EQ(body.find(sam), std::string::npos) << body;
}

TEST(Record, ARunWithoutAnIdentityGetsNoPersonalBestAndIsOnNoLeaderboard) {
    ScratchDir dir;
    TestServer server(recording_options(dir));
    solo_run(server, true, std::nullopt);
    eventually(
        [&] { return get_json(server.port(), "/api/games").at("games").as_array().size() == 1; });
    EXPECT_TRUE(leaderboard(server).empty());
}

TEST(Record, APausedRunSaysItDoesNotCountAndStaysOffTheLeaderboard) {
    ScratchDir dir;
    TestServer server(recording_options(dir));
    const auto paused = *solo_run(server, true, sam, {}, true);
    EXPECT_EQ(paused.not_counted, protocol::NotCounted::paused);
    EXPECT_FALSE(paused.new_best);
    EXPECT_EQ(paused.runs, 0);
    const auto honest = *solo_run(server, false);
    EXPECT_FALSE(honest.not_counted.has_value());
    EXPECT_TRUE(honest.new_best);  // the paused run is not a best to beat
    EXPECT_EQ(honest.runs, 0);
    eventually([&] { return !leaderboard(server).empty(); });
    const auto board = leaderboard(server);
    ASSERT_EQ(board.size(), 1u);
    EXPECT_EQ(board[0].at("points").as_int64(), honest.points);
}

TEST(Record, TheLeaderboardShowsOneConfigurationAtATime) {
    ScratchDir dir;
    TestServer server(recording_options(dir));
    protocol::RoundSettings per_question;
    per_question.clock = protocol::ClockMode::per_question;
    per_question.seconds = 20;
    solo_run(server, true, sam);                       // 1 question, total clock of 300 s
    solo_run(server, false, other_sam, per_question);  // 1 question, 20 s each
    eventually([&] {
        return leaderboard(server).size() == 1 &&
               leaderboard(server, "?questions=1&clock=per_question&seconds=20").size() == 1;
    });
    const auto total = get_json(server.port(), "/api/solo/leaderboard?questions=1");
    const auto& config = total.at("config").as_object();
    EXPECT_EQ(config.at("mode").as_string(), "choice");
    EXPECT_EQ(config.at("clock").as_string(), "total");
    EXPECT_EQ(config.at("total_seconds").as_int64(), 300);
    EXPECT_EQ(config.at("questions").as_int64(), 1);
    EXPECT_GT(total.at("runs").as_array().at(0).at("points").as_int64(), 0);
    const auto each =
        leaderboard(server, "?questions=1&clock=per_question&seconds=20").at(0).as_object();
    EXPECT_EQ(each.at("points").as_int64(), 0);  // the wrong answer
    // The solo defaults (20 questions) and self grading are other boards, empty here.
    EXPECT_TRUE(leaderboard(server, "").empty());
    EXPECT_TRUE(leaderboard(server, "?questions=1&mode=self").empty());
    // A configuration no run could have is refused.
    EXPECT_EQ(http_get(server.port(), "/api/solo/leaderboard?mode=judge").status, 400);
    EXPECT_EQ(http_get(server.port(), "/api/solo/leaderboard?seconds=1").status, 400);
    EXPECT_EQ(http_get(server.port(), "/api/solo/leaderboard?topic=no%20such").status, 400);
}

TEST(Record, AKilledServerKeepsFinishedGamesAndCommittedAnswers) {
    ScratchDir dir;
    const std::vector<std::string> args = {"--data-dir", dir.path().string()};
    std::string finished_token;
    std::string running_token;
    {
        ServerProcess process(args);
        const auto port = process.wait_listening(10s);
        auto host = welcomed_client(port);
        auto player = welcomed_client(port);

        // A game played to the end.
        protocol::RoundSettings one;
        one.questions = 1;
        one.reveal_seconds = 0;
        auto created = create_room(host, protocol::RoomKind::quiz, "Host", one);
        finished_token = created.host_token;
        join_room(player, created.code, "Pat");
        host.send(protocol::Start{created.host_token});
        auto question = player.wait_for<protocol::Question>();
        player.send(choice_answer(0, correct_choice(question)));
        player.wait_for<protocol::Result>();
        host.send(protocol::Skip{created.host_token});
        player.wait_for<protocol::GameOver>();

        // A second game, killed in the middle of its second question.
        auto host2 = welcomed_client(port);
        auto player2 = welcomed_client(port);
        auto other = welcomed_client(port);
        protocol::RoundSettings three;
        three.questions = 3;
        three.seconds = 60;
        three.reveal_seconds = 0;
        created = create_room(host2, protocol::RoomKind::quiz, "Host", three);
        running_token = created.host_token;
        join_room(player2, created.code, "Quinn");
        join_room(other, created.code, "Remy");
        host2.send(protocol::Start{created.host_token});
        question = player2.wait_for<protocol::Question>();
        player2.send(choice_answer(0, correct_choice(question)));
        other.send(choice_answer(0, wrong_choice(question)));
        player2.wait_for<protocol::Result>();
        host2.send(protocol::Skip{created.host_token});
        question = player2.wait_for<protocol::Question>();
        player2.send(choice_answer(1, correct_choice(question)));
        player2.wait_for<protocol::AnswerAccepted>();
        // Three answers accepted: wait until they are committed, then kill without warning.
        eventually([&] {
            const auto games = get_json(port, "/api/games", running_token).at("games").as_array();
            if (games.empty())
                return false;
            const auto id = std::to_string(games[0].at("id").as_int64());
            return get_json(port, "/api/games/" + id + "/results.json", running_token)
                       .at("answers")
                       .as_array()
                       .size() == 3;
        });
        process.signal(SIGKILL);
        ASSERT_TRUE(process.wait_exit(5s).has_value());
    }

    ServerProcess restarted(args);
    const auto port = restarted.wait_listening(10s);
    const auto finished = get_json(port, "/api/games", finished_token).at("games").as_array();
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].at("end_reason").as_string(), "completed");
    const auto running = get_json(port, "/api/games", running_token).at("games").as_array();
    ASSERT_EQ(running.size(), 1u);
    EXPECT_TRUE(running[0].at("finished_at").is_null());  // cut off, never finished
    const auto id = std::to_string(running[0].at("id").as_int64());
    const auto record = get_json(port, "/api/games/" + id + "/results.json", running_token);
    EXPECT_EQ(record.at("answers").as_array().size(), 3u);
}

// What a player has learnt, per topic: the answers of an identity move its cards, and only
// that identity (its secret as the bearer token) reads them.
TEST(Record, ProgressCountsWhatAnIdentityAnsweredAndNothingOfAnyoneElse) {
    ScratchDir dir;
    TestServer server(recording_options(dir));
    const auto port = server.port();
    const auto before = get_json(port, "/api/progress", sam);
    const auto questions = before.at("total").at("questions").as_int64();
    EXPECT_GT(questions, 1);
    EXPECT_EQ(before.at("total").at("new").as_int64(), questions);
    EXPECT_TRUE(before.at("total").at("retention").is_null());
    EXPECT_TRUE(before.at("next_due").is_null());

    solo_run(server, true, sam);  // one question, right: learnt, due days from now
    json::value after;
    eventually([&] {
        after = get_json(port, "/api/progress", sam);
        return after.at("total").at("learnt").as_int64() == 1;
    });
    const auto& total = after.at("total");
    EXPECT_EQ(total.at("new").as_int64(), questions - 1);
    EXPECT_EQ(total.at("due").as_int64(), 0);
    EXPECT_GT(total.at("retention").as_double(), 0.9);  // just answered: remembered
    EXPECT_GT(after.at("next_due").as_int64(), after.at("as_of").as_int64());
    std::int64_t learnt_in_topics = 0;
    for (const auto& topic : after.at("topics").as_array())
        learnt_in_topics += topic.at("learnt").as_int64();
    EXPECT_GE(learnt_in_topics, 1);

    // Another identity has learnt nothing; no identity, or a malformed one, is refused.
    EXPECT_EQ(get_json(port, "/api/progress", other_sam).at("total").at("learnt").as_int64(), 0);
    EXPECT_EQ(http_get(port, "/api/progress").status, 401);
    EXPECT_EQ(http_get_authorized(port, "/api/progress", "Bearer not an identity").status, 400);
}

// A review run reads the runner's cards from the record: what they missed three days ago comes
// first, then questions they never answered; each result says when its question comes back.
TEST(Record, AReviewRunAsksWhatTheRecordSaysIsDueFirst) {
    ScratchDir dir;
    const auto& bank = *bundled_bank();
    const std::string missed = bank.questions[7].id;
    {
        // Three days ago Sam missed one question (due the next day) and knew another well (due
        // in about a week).
        const auto store = store::Store::open(dir.path().string());
        const protocol::Millis then = std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count() -
                                      3 * core::fsrs::day_ms;
        core::GameStarted started;
        started.code = "OLDRUN";
        started.round = 1;
        started.kind = protocol::RoomKind::solo;
        started.bank = bank.title;
        started.host = "Sam";
        started.host_token = "old-host-token";
        started.at = then;
        core::GameFinished finished;
        finished.code = "OLDRUN";
        finished.round = 1;
        finished.standings = {protocol::Standing{1, 1, "Sam", 0, 0, 0}};
        finished.results = {protocol::FinalResult{}};
        finished.identities = {core::identity_digest(sam)};
        finished.ratings = {{{missed, core::fsrs::Rating::again},
                             {bank.questions[0].id, core::fsrs::Rating::easy}}};
        finished.at = then;
        store->record({started, finished});
    }
    TestServer server(recording_options(dir));
    auto runner = server.client();
    protocol::RoundSettings settings;
    settings.review = true;
    settings.questions = 2;
    settings.mode = protocol::AnswerMode::self;
    settings.clock = protocol::ClockMode::per_question;
    settings.reveal_seconds = 0;
    runner->send(protocol::CreateRoom{protocol::RoomKind::solo, "Sam", settings, sam});
    const auto created = runner->wait_for<protocol::RoomCreated>();
    EXPECT_EQ(created.settings.review, true);
    runner->send(protocol::Start{created.host_token});
    const auto first = runner->wait_for<protocol::Question>();
    EXPECT_EQ(first.id, missed);  // due for two days
    runner->send(protocol::Answer{first.question, {}, std::string("I remember now")});
    runner->send(protocol::Grade{first.question, protocol::SelfGrade::good});
    const auto result = runner->wait_for<protocol::Result>();
    ASSERT_TRUE(result.review_days.has_value());
    EXPECT_GE(*result.review_days, 1);
    ASSERT_TRUE(result.next_review.has_value());
    EXPECT_GT(*result.next_review, first.opened_at);
    runner->send(protocol::Skip{created.host_token});
    const auto second = runner->wait_for<protocol::Question>();
    EXPECT_EQ(second.id, bank.questions[1].id);  // the first never answered (q0 is not due)

    // Without an identity there is nothing to review for.
    auto stranger = server.client();
    stranger->send(protocol::CreateRoom{protocol::RoomKind::solo, "Ann", settings, std::nullopt});
    const auto refused = stranger->wait_for<protocol::Error>();
    EXPECT_EQ(refused.code, protocol::ErrorCode::review_unavailable);
    // The connection stays usable: a plain run starts.
    settings.review = false;
    stranger->send(protocol::CreateRoom{protocol::RoomKind::solo, "Ann", settings, std::nullopt});
    stranger->wait_for<protocol::RoomCreated>();
}

// A server that keeps no record has no cards to review.
TEST(Record, WithoutARecordAReviewRunIsRefused) {
    TestServer server(test_options());
    auto runner = server.client();
    protocol::RoundSettings settings;
    settings.review = true;
    runner->send(protocol::CreateRoom{protocol::RoomKind::solo, "Sam", settings, sam});
    const auto refused = runner->wait_for<protocol::Error>();
    EXPECT_EQ(refused.code, protocol::ErrorCode::review_unavailable);
    EXPECT_EQ(refused.field, "settings.review");
}

}  // namespace
}  // namespace rapidfire::test
