// The client over wss:// (a private CA given with --ca, resuming over TLS), and the results
// commands (history, export) against a server that keeps its record in a temporary folder.

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <boost/json.hpp>

#include "e2e_fixture.hpp"
#include "tcp_proxy.hpp"
#include "test_certificates.hpp"

namespace rapidfire::e2e {
namespace {

namespace json = boost::json;

class ResultsEndToEnd : public EndToEnd {
  protected:
    // Replaces the fixture's server by one that keeps its record in the scratch folder, over
    // TLS (with a throwaway CA made now) when `tls`.
    void restart_server(bool tls) {
        server_.reset();
        std::vector<std::string> args{"--port", "0",          "--log-level",
                                      "warn",   "--data-dir", scratch_ + "/data"};
        if (tls) {
            const std::string folder = scratch_ + "/certificates";
            std::filesystem::create_directories(folder);
            const auto files = tls_testing::make_test_certificates(folder);
            ca_ = files.ca_cert.string();
            args.insert(args.end(), {"--tls-cert", files.server_cert.string(), "--tls-key",
                                     files.server_key.string()});
        }
        server_ = Process::start(RAPIDFIRE_SERVER_BIN, args);
        const auto line = server_->read_line(20s);
        ASSERT_TRUE(line.has_value()) << "the server printed nothing\n" << server_->transcript();
        address_ = line->substr(std::string("listening on ").size());
        url_ = (tls ? "wss://" : "ws://") + address_ + "/ws";
    }

    int port() const { return std::stoi(address_.substr(address_.rfind(':') + 1)); }

    // Plays a short choice quiz: `alice` answers every question right; returns the room code.
    std::string play_quiz(int questions, const std::vector<std::string>& global = {}) {
        std::vector<std::string> host_args = global;
        host_args.insert(host_args.end(), {"host", "--questions", std::to_string(questions),
                                           "--seconds", "20", "--reveal", "1"});
        std::unique_ptr<Process> host;
        const std::string code = host_room(host, host_args);
        std::vector<std::string> join_args = global;
        join_args.insert(join_args.end(), {"join", code, "--name", "alice"});
        auto alice = client(join_args);
        EXPECT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
        host->write_line("start");
        for (int i = 0; i < questions; ++i) {
            const auto q = next_question(*alice);
            EXPECT_TRUE(q) << alice->transcript();
            if (!q)
                break;
            alice->write_line(std::to_string(correct_choice(*q)));
        }
        EXPECT_EQ(alice->wait_exit(30s), 0) << alice->transcript();
        EXPECT_EQ(host->wait_exit(30s), 0) << host->transcript();
        EXPECT_EQ(count_lines(*host, "results: rapidfire-client "), 1) << host->transcript();
        return code;
    }

    // The id of the finished game with this room code, from `--json history`. The server
    // commits its record in batches (every 100 ms): asks again until the game is finished there.
    std::int64_t finished_game_id(const std::string& code,
                                  const std::vector<std::string>& global = {}) {
        std::vector<std::string> args = global;
        args.insert(args.end(), {"--json", "history"});
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        std::string last;
        while (std::chrono::steady_clock::now() < deadline) {
            auto history = client(args);
            EXPECT_EQ(history->wait_exit(), 0) << history->transcript();
            for (const auto& line : history->lines()) {
                const auto game = json::parse(line).as_object();
                if (game.at("code").as_string() == code &&
                    !game.at("end_reason").as_string().empty())
                    return game.at("id").as_int64();
            }
            last = history->transcript();
            std::this_thread::sleep_for(100ms);
        }
        ADD_FAILURE() << "game " << code << " is not finished in the history\n" << last;
        return 0;
    }

    std::string address_;
    std::string ca_;
};

TEST_F(ResultsEndToEnd, ASoloRunOverWssWithAPrivateCa) {
    restart_server(true);
    auto solo = client({"--ca", ca_, "solo", "--name", "me", "--questions", "2", "--total", "30"});
    const auto room = solo->wait_for_line("room ");
    ASSERT_TRUE(room) << solo->transcript();
    for (int i = 1; i <= 2; ++i) {
        const auto q = next_question(*solo);
        ASSERT_TRUE(q) << solo->transcript();
        solo->write_line(std::to_string(correct_choice(*q)));
        ASSERT_TRUE(solo->wait_for_line("result correct +")) << solo->transcript();
    }
    EXPECT_EQ(solo->wait_exit(), 0) << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "new personal best! "), 1) << solo->transcript();
    EXPECT_EQ(count_lines(*solo, "results: rapidfire-client --url " + url_ + " history"), 1)
        << solo->transcript();

    // The run's host token was remembered: history over https finds the run.
    auto history = client({"--ca", ca_, "history"});
    EXPECT_EQ(history->wait_exit(), 0) << history->transcript();
    EXPECT_EQ(count_lines(*history, "solo  " + room->substr(5) + " "), 1) << history->transcript();
}

TEST_F(ResultsEndToEnd, WithoutTheCaTheServersCertificateIsRefused) {
    restart_server(true);
    auto solo = client({"solo", "--name", "me", "--questions", "1"});
    EXPECT_EQ(solo->wait_exit(), 1) << solo->transcript();
    EXPECT_NE(solo->errors().find("certificate"), std::string::npos) << solo->transcript();
    auto history = client({"history"});
    EXPECT_EQ(history->wait_exit(), 1) << history->transcript();
    EXPECT_NE(history->errors().find("certificate"), std::string::npos) << history->transcript();
}

TEST_F(ResultsEndToEnd, APlayerResumesOverWss) {
    restart_server(true);
    TcpProxy proxy(port());  // forwards the TLS bytes as they are
    std::unique_ptr<Process> host;
    const std::string code = host_room(
        host, {"--ca", ca_, "host", "--questions", "1", "--seconds", "20", "--reveal", "1"});
    auto alice = Process::start(RAPIDFIRE_CLIENT_BIN,
                                {"--url", "wss://127.0.0.1:" + std::to_string(proxy.port()) + "/ws",
                                 "--ca", ca_, "--no-color", "join", code, "--name", "alice"});
    // bob, straight to the server, keeps the question open while alice is away.
    auto bob = client({"--ca", ca_, "join", code, "--name", "bob"});
    ASSERT_TRUE(host->wait_for_line("players 2: ")) << host->transcript();
    host->write_line("start");
    const auto q = next_question(*alice);
    ASSERT_TRUE(q) << alice->transcript();
    ASSERT_TRUE(next_question(*bob)) << bob->transcript();

    proxy.cut();
    ASSERT_TRUE(alice->wait_for_line("connection lost, resuming...")) << alice->transcript();
    ASSERT_TRUE(alice->wait_for_line("resumed")) << alice->transcript();
    EXPECT_GE(proxy.accepted(), 2);
    const auto again = next_question(*alice);
    ASSERT_TRUE(again) << alice->transcript();
    alice->write_line(std::to_string(correct_choice(*again)));
    ASSERT_TRUE(alice->wait_for_line("accepted ")) << alice->transcript();
    bob->write_line("1");
    EXPECT_EQ(alice->wait_exit(), 0) << alice->transcript();
    EXPECT_EQ(bob->wait_exit(), 0) << bob->transcript();
    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    EXPECT_EQ(count_lines(*alice, "correct 1 partial 0 wrong 0"), 1) << alice->transcript();
}

TEST_F(ResultsEndToEnd, HistoryAndExportWithTheRememberedHostToken) {
    restart_server(false);
    const std::string code = play_quiz(2);
    const auto id = std::to_string(finished_game_id(code));

    const std::string hosted = scratch_ + "/state/rapidfire/hosted";
    struct stat info {};
    ASSERT_EQ(::stat(hosted.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_NE(read_file(hosted).find(" " + code + " "), std::string::npos);

    auto history = client({"history"});
    EXPECT_EQ(history->wait_exit(), 0) << history->transcript();
    ASSERT_FALSE(history->lines().empty());
    EXPECT_EQ(history->lines()[0].rfind("id  when ", 0), 0u) << history->transcript();
    EXPECT_EQ(count_lines(*history, "quiz  " + code + " "), 1) << history->transcript();
    EXPECT_EQ(count_lines(*history, " completed"), 1) << history->transcript();

    auto csv = client({"export", id, "--format", "csv"});
    EXPECT_EQ(csv->wait_exit(), 0) << csv->transcript();
    const std::string& table = csv->output();
    const std::string header = table.substr(0, table.find("\r\n"));
    EXPECT_EQ(header.rfind("rank,nickname,points,correct,partial,wrong,unanswered,time_ms,", 0), 0u)
        << table;
    EXPECT_NE(table.find("\r\n1,alice,"), std::string::npos) << table;
    EXPECT_NE(table.find(",2,0,0,0,"), std::string::npos) << table;  // 2 correct

    const std::string saved = scratch_ + "/results.json";
    auto exported = client({"export", id, "--format", "json", "--output", saved});
    EXPECT_EQ(exported->wait_exit(), 0) << exported->transcript();
    const auto record = json::parse(read_file(saved)).as_object();
    EXPECT_EQ(record.at("game").at("code").as_string(), code);
    EXPECT_EQ(record.at("results").at(0).at("nickname").as_string(), "alice");
    EXPECT_EQ(record.at("questions").as_array().size(), 2u);

    // Each question: a verdict column and a points column, headed by the question's text;
    // alice's row has "correct" and the points the record gives each answer.
    std::string alice_questions;
    for (const auto& question : record.at("questions").as_array()) {
        const auto index = question.at("index").as_int64();
        const std::string number = "Q" + std::to_string(index + 1);
        const std::string text(question.at("text").as_string());
        EXPECT_NE(header.find(number + " verdict: " + text), std::string::npos) << header;
        EXPECT_NE(header.find(number + " points: " + text), std::string::npos) << header;
        for (const auto& answer : record.at("answers").as_array()) {
            if (answer.at("question").as_int64() == index)
                alice_questions += ",correct," + std::to_string(answer.at("points").as_int64());
        }
    }
    EXPECT_NE(table.find(alice_questions + "\r\n"), std::string::npos) << table;

    auto wrong = client({"export", id, "--token", "not-the-token"});
    EXPECT_EQ(wrong->wait_exit(), 2) << wrong->transcript();
    EXPECT_NE(wrong->errors().find("refused (403)"), std::string::npos) << wrong->transcript();

    // A game that does not exist is said to be missing, with the remembered token or another.
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"export", "99"}, {"export", "99", "--token", "not-the-token"}}) {
        auto missing = client(args);
        EXPECT_EQ(missing->wait_exit(), 2) << missing->transcript();
        EXPECT_NE(missing->errors().find("game 99 on "), std::string::npos)
            << missing->transcript();
        EXPECT_NE(missing->errors().find("no such game"), std::string::npos)
            << missing->transcript();
        EXPECT_EQ(missing->errors().find("token"), std::string::npos) << missing->transcript();
    }

    // Elsewhere (nothing remembered, no token): the results stay closed.
    auto stranger = client({"export", id}, {"XDG_STATE_HOME=" + scratch_ + "/elsewhere"});
    EXPECT_EQ(stranger->wait_exit(), 2) << stranger->transcript();
    EXPECT_NE(stranger->errors().find("refused (401)"), std::string::npos)
        << stranger->transcript();
}

TEST_F(ResultsEndToEnd, AnInterviewExportsItsSummaryAsMarkdown) {
    restart_server(false);
    std::unique_ptr<Process> host;
    const std::string code =
        host_room(host, {"host", "--kind", "interview", "--questions", "1", "--seconds", "10",
                         "--reveal", "1", "--name", "Iris"});
    auto cand = client({"join", code, "--name", "cand"});
    ASSERT_TRUE(host->wait_for_line("players 1: cand")) << host->transcript();
    host->write_line("start");
    host->write_line("c +honesty Crisp and clear.");
    const auto q = next_question(*cand, 0);
    ASSERT_TRUE(q) << cand->transcript();
    cand->write_line(reference(q->text));
    EXPECT_EQ(host->wait_exit(30s), 0) << host->transcript();
    EXPECT_EQ(cand->wait_exit(30s), 0) << cand->transcript();

    const auto id = std::to_string(finished_game_id(code));
    const std::string saved = scratch_ + "/interview.md";
    auto md = client({"export", id, "--format", "md", "--output", saved});
    EXPECT_EQ(md->wait_exit(), 0) << md->transcript();
    const std::string text = read_file(saved);
    for (const std::string& part :
         {std::string("# Interview summary: cand\n"), std::string("- Interviewer: Iris\n"),
          "## 1. " + q->text + "\n", "- Answer: " + reference(q->text) + "\n",
          std::string("- Verdict: correct, "), std::string("- Comment: Crisp and clear.\n"),
          std::string("- Communication: Admit What You Do Not Know (honesty)\n")}) {
        EXPECT_NE(text.find(part), std::string::npos) << "lacks: " << part << "\n" << text;
    }
}

}  // namespace
}  // namespace rapidfire::e2e
