// A mock interview: the interviewer marks with comments and tips; both sides save the
// candidate's summary as Markdown.

#include <fstream>
#include <sstream>

#include "e2e_fixture.hpp"

namespace rapidfire::e2e {
namespace {

TEST_F(EndToEnd, InterviewWithSummaryFiles) {
    const std::string host_md = scratch_ + "/interviewer.md";
    const std::string cand_md = scratch_ + "/candidate.md";
    std::unique_ptr<Process> host;
    const std::string code =
        host_room(host, {"--summary", host_md, "host", "--kind", "interview", "--questions", "2",
                         "--seconds", "10", "--reveal", "1", "--no-shuffle", "--name", "Iris"});
    auto cand = client({"--summary", cand_md, "join", code, "--name", "cand"});
    ASSERT_TRUE(host->wait_for_line("players 1: cand")) << host->transcript();
    host->write_line("start");
    host->write_line("c +1 +honesty Crisp and clear.");
    host->write_line("w Think about what it prevents.");

    const auto q1 = next_question(*cand, 0);
    ASSERT_TRUE(q1) << cand->transcript();
    cand->write_line(reference(q1->text));
    ASSERT_TRUE(host->wait_for_line("tips: 1=Structure Your Answers")) << host->transcript();
    ASSERT_TRUE(cand->wait_for_line("tip: ")) << cand->transcript();  // between questions
    const auto q2 = next_question(*cand, 0);
    ASSERT_TRUE(q2) << cand->transcript();
    cand->write_line("more layers");

    EXPECT_EQ(host->wait_exit(), 0) << host->transcript();
    EXPECT_EQ(cand->wait_exit(), 0) << cand->transcript();
    EXPECT_EQ(count_lines(*cand, "# Interview summary: cand"), 1) << cand->transcript();
    EXPECT_EQ(count_lines(*cand, "summary saved to " + cand_md), 1) << cand->transcript();

    for (const auto& path : {host_md, cand_md}) {
        const std::string md = read_file(path);
        ASSERT_FALSE(md.empty()) << path;
        for (const std::string& part :
             {std::string("# Interview summary: cand\n"), std::string("- Interviewer: Iris\n"),
              "## 1. " + q1->text + "\n", "- Answer: " + reference(q1->text) + "\n",
              std::string("- Verdict: correct, "), std::string("- Comment: Crisp and clear.\n"),
              std::string("- Communication: Structure Your Answers (structure), Admit What You "
                          "Do Not Know (honesty)\n"),
              "## 2. " + q2->text + "\n", std::string("- Answer: more layers\n"),
              std::string("- Verdict: wrong, 0 points"),
              std::string("- Comment: Think about what it prevents.\n"),
              std::string("## Topics to review\n"), std::string("To work on:")}) {
            EXPECT_NE(md.find(part), std::string::npos) << path << " lacks: " << part << "\n" << md;
        }
    }
}

}  // namespace
}  // namespace rapidfire::e2e
