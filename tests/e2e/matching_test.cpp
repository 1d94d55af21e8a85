// Practise with a stranger: two console clients find each other in the matching queue, each
// interviews the other for a turn, and they exchange feedback that ends up in both summaries
// and in the export of the game.

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <boost/json.hpp>

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

// One turn: the candidate answers the question, the interviewer marks it and ends the turn.
void play_turn(Process& interviewer, Process& candidate, const std::string& answer,
               const std::string& mark) {
    ASSERT_TRUE(candidate.wait_for_line("question 1/")) << candidate.transcript();
    candidate.write_line(answer);
    ASSERT_TRUE(interviewer.wait_for_line("judge 1/1: \"" + answer + "\""))
        << interviewer.transcript();
    interviewer.write_line(mark);
    ASSERT_TRUE(candidate.wait_for_line("result ")) << candidate.transcript();
    interviewer.write_line("end");
    ASSERT_TRUE(candidate.wait_for_line("game over: ")) << candidate.transcript();
}

TEST_F(EndToEnd, TwoStrangersAreMatchedPlayBothTurnsAndExchangeFeedback) {
    const std::string ada_md = scratch_ + "/ada.md";
    const std::string bo_md = scratch_ + "/bo.md";
    // Each keeps their own state folder, as on their own machines.
    const std::vector<std::string> adas_state{"XDG_STATE_HOME=" + scratch_ + "/ada"};
    const std::vector<std::string> bos_state{"XDG_STATE_HOME=" + scratch_ + "/bo"};
    auto ada = client({"--summary", ada_md, "match", "--name", "Ada", "--topic", "evaluation",
                       "--topic", "regularization", "--role", "interviewer"},
                      adas_state);
    ASSERT_TRUE(ada->wait_for_line("waiting for a partner: 1st in line, 1 waiting"))
        << ada->transcript();
    auto bo =
        client({"--summary", bo_md, "match", "--name", "Bo", "--topic", "evaluation"}, bos_state);
    ASSERT_TRUE(bo->wait_for_line("partner found: Ada on evaluation; you answer first"))
        << bo->transcript();
    const auto found = ada->wait_for_line("matched with Bo in room ");
    ASSERT_TRUE(found) << ada->transcript();
    const std::string prefix = "matched with Bo in room ";
    const std::string code = found->substr(prefix.size(), found->find(':') - prefix.size());
    ASSERT_TRUE(bo->wait_for_line("matched with Ada in room " + code + ": you answer first"))
        << bo->transcript();

    // Turn one: Ada interviews Bo.
    play_turn(*ada, *bo, "the area under the ROC curve", "p Name both axes.");
    ASSERT_TRUE(bo->wait_for_line("# Interview summary: Bo")) << bo->transcript();
    ASSERT_TRUE(ada->wait_for_line("next: the roles swap by themselves")) << ada->transcript();

    // Turn two, after the break: Bo interviews Ada.
    ASSERT_TRUE(bo->wait_for_line("you are the interviewer now", 40s)) << bo->transcript();
    ASSERT_TRUE(ada->wait_for_line("you are the candidate now")) << ada->transcript();
    play_turn(*bo, *ada, "precision and recall", "c Well put.");
    ASSERT_TRUE(ada->wait_for_line("# Interview summary: Ada")) << ada->transcript();

    // Feedback: three lines each.
    ASSERT_TRUE(ada->wait_for_line("feedback for Bo: rate what you saw from 1 to 5"))
        << ada->transcript();
    ASSERT_TRUE(bo->wait_for_line("ratings:")) << bo->transcript();
    ada->write_line("structure=4 clarify=2");
    ada->write_line("You named the curve at once.");
    ada->write_line("Say what each axis is.");
    ASSERT_TRUE(ada->wait_for_line("feedback sent; Bo's comes")) << ada->transcript();
    bo->write_line("honesty=6");  // out of range: said on stderr, and the next line is read again
    bo->write_line("time=5");
    bo->write_line("Quick and precise.");
    bo->write_line("");

    ASSERT_TRUE(ada->wait_for_line("feedback from Bo:")) << ada->transcript();
    ASSERT_TRUE(ada->wait_for_line("  went well: Quick and precise.")) << ada->transcript();
    ASSERT_TRUE(bo->wait_for_line("feedback from Ada:")) << bo->transcript();
    ASSERT_TRUE(bo->wait_for_line("  work on: Say what each axis is.")) << bo->transcript();
    EXPECT_EQ(ada->wait_exit(), 0) << ada->transcript();
    EXPECT_EQ(bo->wait_exit(), 0) << bo->transcript();
    EXPECT_EQ(ada->errors(), "");
    EXPECT_EQ(bo->errors(), "'honesty=6': rate an area as AREA=N, N from 1 to 5\n");

    // Both summary files hold both turns and both sides' feedback.
    for (const auto& path : {ada_md, bo_md}) {
        const std::string md = read_file(path);
        for (const std::string& part :
             {std::string("# Interview summary: Bo\n"), std::string("- Interviewer: Ada\n"),
              std::string("- Comment: Name both axes.\n"),
              std::string("# Interview summary: Ada\n"), std::string("- Interviewer: Bo\n"),
              std::string("## Feedback from Ada to Bo\n"),
              std::string("- Structure Your Answers: 4/5\n"),
              std::string("- Work on: Say what each axis is.\n"),
              std::string("## Feedback from Bo to Ada\n"), std::string("- Manage Your Time: 5/5\n"),
              std::string("- Went well: Quick and precise.\n")}) {
            EXPECT_NE(md.find(part), std::string::npos) << path << " lacks: " << part << "\n" << md;
        }
    }

    // The record keeps the feedback with the room's last game, which Bo hosted: Bo's client
    // remembered its host token, so Bo can export it.
    const std::int64_t id = finished_game_in_history(code, 2, bos_state);
    ASSERT_NE(id, 0) << "the second turn is not in Bo's history";
    // The feedback is committed with the batch after the game's: wait for it, bounded.
    boost::json::array feedback;
    const auto export_deadline = std::chrono::steady_clock::now() + 10s;
    while (feedback.size() < 2 && std::chrono::steady_clock::now() < export_deadline) {
        auto exported = client({"export", std::to_string(id), "--format", "json"}, bos_state);
        EXPECT_EQ(exported->wait_exit(), 0) << exported->transcript();
        exported->wait_for_output(std::string(1, '\0'), 2s);  // the rest of stdout
        feedback = boost::json::parse(exported->output()).as_object().at("feedback").as_array();
        if (feedback.size() < 2)
            std::this_thread::sleep_for(100ms);
    }
    ASSERT_EQ(feedback.size(), 2u);
    bool from_ada = false;
    for (const auto& entry : feedback) {
        const auto& given = entry.as_object();
        if (given.at("from").as_string() == "Ada") {
            from_ada = true;
            EXPECT_EQ(given.at("to").as_string(), "Bo");
            EXPECT_EQ(given.at("went_well").as_string(), "You named the curve at once.");
            EXPECT_EQ(given.at("ratings").as_array().size(), 2u);
        } else {
            EXPECT_EQ(given.at("from").as_string(), "Bo");
            EXPECT_EQ(given.at("work_on").as_string(), "");
        }
    }
    EXPECT_TRUE(from_ada);

    // The Markdown export holds the second turn's summary and both feedbacks.
    auto markdown = client({"export", std::to_string(id), "--format", "md"}, bos_state);
    EXPECT_EQ(markdown->wait_exit(), 0) << markdown->transcript();
    markdown->wait_for_output(std::string(1, '\0'), 2s);
    for (const std::string part : {"# Interview summary: Ada\n", "## Feedback from Ada to Bo\n",
                                   "- Went well: You named the curve at once.\n",
                                   "## Feedback from Bo to Ada\n", "- Manage Your Time: 5/5\n"}) {
        EXPECT_NE(markdown->output().find(part), std::string::npos)
            << "the export lacks: " << part << "\n"
            << markdown->output();
    }
}

}  // namespace
}  // namespace rapidfire::e2e
