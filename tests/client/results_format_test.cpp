// history's table and export's Markdown, from the server's JSON.

#include <cstdlib>
#include <ctime>

#include <gtest/gtest.h>

#include "rapidfire/client/results_format.hpp"
#include "rapidfire/client/summary_markdown.hpp"
#include "rapidfire/protocol/codec.hpp"

namespace rapidfire::client {
namespace {

using namespace protocol;

// 2024-05-01 18:30:00 UTC
constexpr std::int64_t may_first = 1714588200000;

std::string game_json(int id, const std::string& code, std::int64_t started_at,
                      const std::string& end_reason, const std::string& kind = "quiz",
                      int round = 1) {
    return R"({"id":)" + std::to_string(id) + R"(,"code":")" + code + R"(","round":)" +
           std::to_string(round) + R"(,"kind":")" + kind +
           R"(","host":"Iris","bank":"Bank","started_at":)" + std::to_string(started_at) +
           R"(,"finished_at":null,"end_reason":")" + end_reason +
           R"(","players":12,"questions":10})";
}

class UtcTime : public ::testing::Test {
  protected:
    void SetUp() override {
        const char* tz = std::getenv("TZ");
        saved_ = tz ? std::optional<std::string>(tz) : std::nullopt;
        ::setenv("TZ", "UTC", 1);
        ::tzset();
    }
    void TearDown() override {
        if (saved_) {
            ::setenv("TZ", saved_->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }

  private:
    std::optional<std::string> saved_;
};

TEST_F(UtcTime, HistoryIsATableOfTheGamesNewestFirst) {
    const auto first = parse_game_list(
        R"({"games":[)" + game_json(3, "AAAAAA", may_first, "completed", "quiz", 2) + "," +
        game_json(1, "BBBBBB", may_first - 86'400'000, "ended_by_host") + "]}");
    const auto second = parse_game_list(
        R"({"games":[)" + game_json(3, "AAAAAA", may_first, "completed", "quiz", 2) + "," +
        game_json(7, "CCCCCC", may_first + 60'000, "", "interview") + "]}");
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].code, "AAAAAA");
    EXPECT_EQ(first[0].players, 12);
    EXPECT_EQ(first[0].questions, 10);
    EXPECT_EQ(first[0].round, 2);
    EXPECT_EQ(first[1].round, 1);
    const auto games = merge_game_lists({first, second}, 10);
    ASSERT_EQ(games.size(), 3u);  // game 3 once
    EXPECT_EQ(games[0].id, 7);
    EXPECT_EQ(games[1].id, 3);
    EXPECT_EQ(games[2].id, 1);
    EXPECT_EQ(merge_game_lists({first, second}, 2).size(), 2u);

    EXPECT_EQ(games_table(games),
              "id  when              kind       code    round      players  questions  end\n"
              " 7  2024-05-01 18:31  interview  CCCCCC  1               12         10  running\n"
              " 3  2024-05-01 18:30  quiz       AAAAAA  2 rematch       12         10  completed\n"
              " 1  2024-04-30 18:30  quiz       BBBBBB  1               12         10  ended by "
              "the host\n");
    const std::string lines = games_json_lines(games);
    EXPECT_EQ(lines.substr(0, lines.find('\n')),
              game_json(7, "CCCCCC", may_first + 60'000, "", "interview"));
}

TEST(ResultsFormat, AnythingButAListOfGamesIsAnError) {
    EXPECT_THROW(parse_game_list("not json"), std::runtime_error);
    EXPECT_THROW(parse_game_list(R"({"error":"nope"})"), std::runtime_error);
}

TEST_F(UtcTime, AQuizExportsItsResultsTableAndQuestions) {
    const std::string record =
        R"({"game":)" + game_json(4, "K7M2QX", may_first, "completed") +
        R"(,"questions":[{"index":0,"id":"q1","text":"What is a hyperparameter?","reference":"A setting.","topics":[]}],)"
        R"("results":[{"rank":1,"player":2,"nickname":"Ada|B","points":2850,"correct":3,"partial":0,"wrong":0,"unanswered":0,"time_ms":4100}],)"
        R"("answers":[],"summaries":[]})";
    const std::string md = results_markdown(record, nullptr);
    for (const std::string part :
         {"# Results: quiz K7M2QX (game 4)\n", "- Host: Iris\n", "- Started: 2024-05-01 18:30\n",
          "| Rank | Player | Points | Correct | Partial | Wrong | Unanswered | Time |\n",
          "| 1 | Ada\\|B | 2850 | 3 | 0 | 0 | 0 | 4.1s |\n",
          "## Questions\n\n1. What is a hyperparameter?\n   - Reference: A setting.\n"}) {
        EXPECT_NE(md.find(part), std::string::npos) << "lacks: " << part << "\n" << md;
    }
}

TEST_F(UtcTime, ARematchSaysWhichRoundItIs) {
    const std::string record = R"({"game":)" +
                               game_json(5, "K7M2QX", may_first, "completed", "quiz", 2) +
                               R"(,"questions":[],"results":[],"answers":[],"summaries":[]})";
    const std::string md = results_markdown(record, nullptr);
    EXPECT_NE(md.find("# Results: quiz K7M2QX, round 2 (rematch) (game 5)\n"), std::string::npos)
        << md;
}

TEST(ResultsFormat, AnInterviewExportsItsSummariesAsTheClientRendersThem) {
    protocol::Summary summary;
    summary.player = 2;
    summary.nickname = "cand";
    summary.interviewer = "Iris";
    summary.points = 900;
    summary.rank = 1;
    summary.correct = 1;
    protocol::SummaryItem item;
    item.question = 0;
    item.text = "What is a hyperparameter?";
    item.reference = "A setting.";
    item.answer = "a knob";
    item.verdict = protocol::Verdict::correct;
    item.points = 900;
    item.comment = "Crisp.";
    summary.items.push_back(item);
    const std::string encoded = protocol::encode(protocol::ServerMessage{summary});
    const std::string record = R"({"game":)" +
                               game_json(5, "K7M2QX", may_first, "completed", "interview") +
                               R"(,"questions":[],"results":[],"answers":[],"summaries":[)" +
                               encoded + "," + encoded + "]}";
    const std::string expected = summary_markdown(summary, nullptr);
    EXPECT_EQ(results_markdown(record, nullptr), expected + "\n" + expected);
}

TEST(ResultsFormat, AMatchedPairsExportEndsWithBothFeedbacks) {
    protocol::Summary summary;
    summary.player = 2;
    summary.nickname = "Ada";
    summary.interviewer = "Bo";
    const std::string encoded = protocol::encode(protocol::ServerMessage{summary});
    const std::string record =
        R"({"game":)" + game_json(6, "K7M2QX", may_first, "completed", "interview", 2) +
        R"(,"questions":[],"results":[],"answers":[],"summaries":[)" + encoded +
        R"(],"feedback":[{"from":"Ada","to":"Bo","at":1,"ratings":[{"area":"structure","score":4}],)"
        R"("went_well":"Clear.","work_on":"Pace."},)"
        R"({"from":"Bo","to":"Ada","at":2,"ratings":[],"went_well":"","work_on":"Slow down."}]})";
    content::StudyGuide guide;
    guide.tips.push_back({"structure", "Structure Your Answers", "..."});
    EXPECT_EQ(results_markdown(record, &guide),
              summary_markdown(summary, &guide) +
                  "\n## Feedback from Ada to Bo\n\n- Structure Your Answers: 4/5\n"
                  "- Went well: Clear.\n- Work on: Pace.\n"
                  "\n## Feedback from Bo to Ada\n\n- Work on: Slow down.\n");
}

TEST(ResultsFormat, AnUnreadableRecordIsAnError) {
    EXPECT_THROW(results_markdown("{}", nullptr), std::runtime_error);
    EXPECT_THROW(results_markdown("[", nullptr), std::runtime_error);
}

TEST(ResultsFormat, ALeaderboardQueryNamesTheSettingsGiven) {
    RoundSettings settings;
    settings.mode = AnswerMode::self;
    settings.clock = ClockMode::per_question;
    settings.seconds = 30;
    settings.questions = 5;
    settings.topics = {"deep learning", "evaluation"};
    EXPECT_EQ(leaderboard_query(settings, 20),
              "?limit=20&mode=self&clock=per_question&seconds=30&questions=5"
              "&topic=deep%20learning&topic=evaluation");
    EXPECT_EQ(leaderboard_query(RoundSettings{}, 5), "?limit=5");
}

TEST_F(UtcTime, TheLeaderboardSaysWhichSettingsItShowsAboveItsTable) {
    const auto board = parse_leaderboard(
        R"({"bank":"ML interview questions","config":{"mode":"choice","clock":"total",)"
        R"("total_seconds":300,"questions":20,"topics":[],"streak_bonus":true},"runs":[)"
        R"({"rank":1,"nickname":"Zoë","points":14250,"correct":18,"run_ms":212000,)"
        R"("finished_at":1714588200000,"runs":3,"game":9},)"
        R"({"rank":2,"nickname":"Sam","points":9100,"correct":12,"run_ms":300000,)"
        R"("finished_at":1714591800000,"runs":1,"game":4}]})");
    ASSERT_EQ(board.rows.size(), 2u);
    EXPECT_EQ(board.rows[0].nickname, "Zoë");
    EXPECT_EQ(leaderboard_text(board),
              "solo leaderboard on ML interview questions: choice, 20 questions, one clock of "
              "300 s, all topics\n"
              "rank  player  points  correct     run  runs  when\n"
              "   1  Zoë      14250       18  3:32.0     3  2024-05-01 18:30\n"
              "   2  Sam       9100       12  5:00.0     1  2024-05-01 19:30\n");
    const auto empty = parse_leaderboard(
        R"({"bank":"B","config":{"mode":"self","clock":"per_question","seconds":30,)"
        R"("questions":5,"topics":["evaluation"],"streak_bonus":false},"runs":[]})");
    EXPECT_EQ(leaderboard_text(empty),
              "solo leaderboard on B: self, 5 questions, 30 s per question, topics evaluation, no "
              "streak bonus\n"
              "no runs yet with these settings (paused or extended runs do not count)\n");
    EXPECT_THROW(parse_leaderboard(R"({"games":[]})"), std::runtime_error);
}

}  // namespace
}  // namespace rapidfire::client
