// Rematches: a host and players that stay after the game (--stay) play another round in the
// same room; in an interview, `rematch swap` hands the interviewer's seat (and a host token the
// new interviewer's client remembers) to the candidate.

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <boost/json.hpp>

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, RematchTakesTheRoomBackToTheLobbyForAnotherRound) {
    std::unique_ptr<Process> host;
    const std::string code = host_room(host, {"host", "--stay", "--questions", "1", "--seconds",
                                              "10", "--reveal", "1", "--name", "Quizmaster"});
    ASSERT_EQ(code.size(), 6u);
    auto alice = client({"join", code, "--name", "alice", "--stay"});
    ASSERT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
    host->write_line("start");

    const auto q1 = next_question(*alice);
    ASSERT_TRUE(q1) << alice->transcript();
    alice->write_line(std::to_string(correct_choice(*q1)));
    ASSERT_TRUE(alice->wait_for_line("result correct +")) << alice->transcript();
    ASSERT_TRUE(host->wait_for_line("game over: completed, 1 questions, 1 players"))
        << host->transcript();
    ASSERT_TRUE(host->wait_for_line("next: rematch")) << host->transcript();
    ASSERT_TRUE(alice->wait_for_line("final rank 1/1")) << alice->transcript();
    ASSERT_TRUE(alice->wait_for_line("next: wait for the host's rematch, or /leave"))
        << alice->transcript();

    // Both stayed: the rematch reaches them, and the room is in its lobby again.
    host->write_line("rematch");
    ASSERT_TRUE(
        host->wait_for_line("rematch: room " + code + " back in the lobby, host Quizmaster"))
        << host->transcript();
    ASSERT_TRUE(host->wait_for_line("players 1: alice")) << host->transcript();
    ASSERT_TRUE(alice->wait_for_line("rematch: room " + code + " back in the lobby"))
        << alice->transcript();

    host->write_line("start");
    const auto again = next_question(*alice);
    ASSERT_TRUE(again) << alice->transcript();
    EXPECT_EQ(again->number, 1);  // a new round, from its first question
    alice->write_line(std::to_string(wrong_choice(*again)));
    ASSERT_TRUE(alice->wait_for_line("result wrong +0 total 0 rank 1")) << alice->transcript();
    ASSERT_TRUE(alice->wait_for_line("final rank 1/1 points 0")) << alice->transcript();
    ASSERT_TRUE(host->wait_for_line("next: rematch")) << host->transcript();

    host->write_line("leave");
    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    // The host is gone for good: alice's client says so and exits by itself.
    ASSERT_TRUE(alice->wait_for_line("the host has left: no rematch")) << alice->transcript();
    EXPECT_EQ(alice->wait_exit(), 0) << alice->transcript();
    EXPECT_EQ(count_lines(*host, "game over: completed"), 2) << host->transcript();
    EXPECT_EQ(count_lines(*alice, "accepted "), 2) << alice->transcript();
    EXPECT_EQ(host->errors(), "");
}

TEST_F(EndToEnd, RematchSwapMakesTheCandidateTheInterviewer) {
    std::unique_ptr<Process> iris;
    const std::string code =
        host_room(iris, {"host", "--stay", "--kind", "interview", "--questions", "1", "--seconds",
                         "30", "--reveal", "1", "--name", "Iris"});
    ASSERT_EQ(code.size(), 6u);
    // sam keeps their own state folder, as on their own machine.
    const std::vector<std::string> sams_state{"XDG_STATE_HOME=" + scratch_ + "/sam"};
    auto sam = client({"join", code, "--name", "sam", "--stay"}, sams_state);
    ASSERT_TRUE(iris->wait_for_line("players 1: sam")) << iris->transcript();
    iris->write_line("start");

    ASSERT_TRUE(next_question(*sam, 0)) << sam->transcript();
    sam->write_line("an answer from sam");
    ASSERT_TRUE(iris->wait_for_line("judge 1/1: \"an answer from sam\"")) << iris->transcript();
    iris->write_line("c Well put.");
    ASSERT_TRUE(sam->wait_for_line("result correct +")) << sam->transcript();
    ASSERT_TRUE(iris->wait_for_line("next: rematch, rematch swap")) << iris->transcript();
    ASSERT_TRUE(sam->wait_for_line("next: wait for the interviewer's rematch"))
        << sam->transcript();

    iris->write_line("rematch swap");
    ASSERT_TRUE(
        iris->wait_for_line("rematch: room " + code + " back in the lobby, interviewer sam"))
        << iris->transcript();
    ASSERT_TRUE(iris->wait_for_line("you are the candidate now")) << iris->transcript();
    ASSERT_TRUE(sam->wait_for_line("you are the interviewer now")) << sam->transcript();
    ASSERT_TRUE(sam->wait_for_line("players 1: Iris")) << sam->transcript();

    // The new interviewer runs the round with the host token the server just gave it.
    sam->write_line("start");
    ASSERT_TRUE(next_question(*iris, 0)) << iris->transcript();
    iris->write_line("an answer from Iris");
    ASSERT_TRUE(sam->wait_for_line("judge 1/1: \"an answer from Iris\"")) << sam->transcript();
    sam->write_line("w");
    ASSERT_TRUE(iris->wait_for_line("result wrong +0")) << iris->transcript();
    ASSERT_TRUE(iris->wait_for_line("# Interview summary: Iris")) << iris->transcript();
    ASSERT_TRUE(sam->wait_for_line("next: rematch, rematch swap")) << sam->transcript();

    sam->write_line("leave");
    EXPECT_EQ(sam->wait_exit(), 0) << sam->transcript();
    iris->write_line("/leave");
    EXPECT_EQ(iris->wait_exit(), 0) << iris->transcript();
    EXPECT_EQ(sam->errors(), "");
    EXPECT_EQ(iris->errors(), "");

    // sam's client remembered the host token it was given: sam's history lists the round sam
    // hosted, labelled as a rematch, and sam can export it.
    const auto hosted = read_file(scratch_ + "/sam/rapidfire/hosted");
    EXPECT_NE(hosted.find(" " + code + " "), std::string::npos) << hosted;
    const std::int64_t id = finished_game_in_history(code, 2, sams_state);
    ASSERT_NE(id, 0) << "sam's round is not in sam's history";
    auto table = client({"history"}, sams_state);
    EXPECT_EQ(table->wait_exit(), 0) << table->transcript();
    EXPECT_EQ(count_lines(*table, "interview  " + code + "  2 rematch "), 1) << table->transcript();
    auto exported = client({"export", std::to_string(id), "--format", "json"}, sams_state);
    EXPECT_EQ(exported->wait_exit(), 0) << exported->transcript();
    exported->wait_for_output(std::string(1, '\0'), 2s);  // the rest of stdout
    const auto record = boost::json::parse(exported->output()).as_object();
    EXPECT_EQ(record.at("game").at("round").as_int64(), 2);
    EXPECT_EQ(record.at("game").at("host").as_string(), "sam");
}

}  // namespace
}  // namespace rapidfire::e2e
