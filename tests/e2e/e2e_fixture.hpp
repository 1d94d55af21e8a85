#pragma once
// The end-to-end fixture: a real rapidfire-server on a free loopback port, real rapidfire-client
// processes scripted through pipes, and the bundled bank to know the right answers.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "process.hpp"
#include "rapidfire/content/bank.hpp"

namespace rapidfire::e2e {

// A question as a scripted client prints it: "question 1/3: TEXT" and "choice N: TEXT" lines.
struct SeenQuestion {
    int number = 0;  // from 1
    int total = 0;
    std::string text;
    std::vector<std::string> choices;
};

class EndToEnd : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    // A client with `args` after the global --url and --no-color.
    std::unique_ptr<Process> client(const std::vector<std::string>& args,
                                    const std::vector<std::string>& env = {});
    // Starts a host and returns the room code it printed.
    std::string host_room(std::unique_ptr<Process>& host, const std::vector<std::string>& args);
    // Reads the next question (and its choices, if `choices` > 0) from a scripted client.
    static std::optional<SeenQuestion> next_question(Process& p, int choices = 4);
    // The id of round `round` of room `code` in the history of the client whose state folder
    // `env` names, once that game has finished (asked again for up to 10 s); 0 if it never shows.
    std::int64_t finished_game_in_history(const std::string& code, int round,
                                          const std::vector<std::string>& env);
    // The bank's reference answer to a question text.
    const std::string& reference(const std::string& question_text) const;
    // The 1-based number of the correct choice, and of some wrong one.
    int correct_choice(const SeenQuestion& q) const;
    int wrong_choice(const SeenQuestion& q) const;

    std::unique_ptr<Process> server_;
    std::string url_;
    std::map<std::string, std::string> answers_;  // question text -> reference answer
    std::string scratch_;                         // a fresh directory for files
};

// The whole of a file (empty when it cannot be read).
std::string read_file(const std::string& path);

// Lines of `p` (read so far) that contain `text`.
int count_lines(const Process& p, const std::string& text);

}  // namespace rapidfire::e2e
