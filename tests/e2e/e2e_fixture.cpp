#include "e2e_fixture.hpp"

#include <fstream>
#include <sstream>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <boost/json.hpp>

#include "rapidfire/content/loader.hpp"

namespace rapidfire::e2e {

void EndToEnd::SetUp() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "rapidfire-e2e-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    scratch_ = pattern;
    // Hosts remember their rooms' tokens under $XDG_STATE_HOME: here, not in the user's home.
    ::setenv("XDG_STATE_HOME", (scratch_ + "/state").c_str(), 1);

    // Each test's server keeps its record in the test's own folder: tests run in parallel.
    server_ = Process::start(RAPIDFIRE_SERVER_BIN, {"--port", "0", "--log-level", "warn",
                                                    "--data-dir", scratch_ + "/data"});
    const auto line = server_->read_line(20s);
    ASSERT_TRUE(line.has_value()) << "the server printed nothing\n" << server_->transcript();
    const std::string prefix = "listening on ";
    ASSERT_EQ(line->rfind(prefix, 0), 0u) << *line;
    url_ = "ws://" + line->substr(prefix.size()) + "/ws";

    for (const auto& q : content::load_bank(content::bundled_bank_path()).questions) {
        answers_[q.text] = q.answer;
    }
}

void EndToEnd::TearDown() {
    server_.reset();  // killed
    if (!scratch_.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(scratch_, ignored);
    }
}

std::unique_ptr<Process> EndToEnd::client(const std::vector<std::string>& args,
                                          const std::vector<std::string>& env) {
    std::vector<std::string> all{"--url", url_, "--no-color"};
    all.insert(all.end(), args.begin(), args.end());
    return Process::start(RAPIDFIRE_CLIENT_BIN, all, env);
}

std::string EndToEnd::host_room(std::unique_ptr<Process>& host,
                                const std::vector<std::string>& args) {
    host = client(args);
    const auto line = host->wait_for_line("room ");
    if (!line || line->rfind("room ", 0) != 0) {
        ADD_FAILURE() << "no room code\n" << host->transcript();
        return {};
    }
    return line->substr(5);
}

std::optional<SeenQuestion> EndToEnd::next_question(Process& p, int choices) {
    const auto line = p.wait_for_line("question ");
    if (!line)
        return std::nullopt;
    SeenQuestion q;
    const auto slash = line->find('/');
    const auto colon = line->find(": ");
    if (line->rfind("question ", 0) != 0 || slash == std::string::npos ||
        colon == std::string::npos) {
        return std::nullopt;
    }
    q.number = std::stoi(line->substr(9, slash - 9));
    q.total = std::stoi(line->substr(slash + 1, colon - slash - 1));
    q.text = line->substr(colon + 2);
    for (int i = 1; i <= choices; ++i) {
        const auto choice = p.read_line();
        const std::string prefix = "choice " + std::to_string(i) + ": ";
        if (!choice || choice->rfind(prefix, 0) != 0)
            return std::nullopt;
        q.choices.push_back(choice->substr(prefix.size()));
    }
    return q;
}

std::int64_t EndToEnd::finished_game_in_history(const std::string& code, int round,
                                                const std::vector<std::string>& env) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
        auto history = client({"--json", "history"}, env);
        EXPECT_EQ(history->wait_exit(), 0) << history->transcript();
        for (const auto& line : history->lines()) {
            const auto game = boost::json::parse(line).as_object();
            if (game.at("code").as_string() == code && game.at("round").as_int64() == round &&
                !game.at("end_reason").as_string().empty())
                return game.at("id").as_int64();
        }
        std::this_thread::sleep_for(100ms);
    }
    return 0;
}

const std::string& EndToEnd::reference(const std::string& question_text) const {
    static const std::string unknown = "(unknown question)";
    const auto it = answers_.find(question_text);
    return it == answers_.end() ? unknown : it->second;
}

int EndToEnd::correct_choice(const SeenQuestion& q) const {
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        if (q.choices[i] == reference(q.text))
            return static_cast<int>(i) + 1;
    }
    ADD_FAILURE() << "no choice is the reference answer of: " << q.text;
    return 1;
}

int EndToEnd::wrong_choice(const SeenQuestion& q) const {
    return correct_choice(q) == 1 ? 2 : 1;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

int count_lines(const Process& p, const std::string& text) {
    int count = 0;
    for (const auto& line : p.lines())
        count += line.find(text) != std::string::npos ? 1 : 0;
    return count;
}

}  // namespace rapidfire::e2e
