// tips, faq, checklist and bank print the bundled material word for word, with no server; at a
// terminal, wrapped between words at its width. bank chooses topics in any case.

#include <algorithm>
#include <iterator>
#include <sstream>

#include "e2e_fixture.hpp"
#include "rapidfire/content/loader.hpp"

namespace rapidfire::e2e {
namespace {

// Reads what is left of stdout after the process exited, up to its end.
void drain(Process& p) {
    p.wait_for_output(std::string(1, '\0'), 2s);
}

std::string run(const std::vector<std::string>& args) {
    auto p = Process::start(RAPIDFIRE_CLIENT_BIN, args);
    const auto code = p->wait_exit();
    drain(*p);
    EXPECT_EQ(code, 0) << p->transcript();
    return p->output();
}

TEST(OfflineCommands, PrintTheGuideAndTheBankVerbatim) {
    const auto guide = content::load_study_guide(content::bundled_guide_path());
    const std::string tips = run({"tips"});
    for (const auto& tip : guide.tips) {
        EXPECT_NE(tips.find(tip.title + "\n" + tip.text + "\n"), std::string::npos) << tip.id;
    }
    const std::string faq = run({"faq"});
    for (const auto& entry : guide.faq) {
        EXPECT_NE(faq.find(entry.question), std::string::npos);
        EXPECT_NE(faq.find(entry.answer), std::string::npos);
    }
    const std::string checklist = run({"checklist"});
    for (const auto& item : guide.checklist) {
        EXPECT_NE(checklist.find(item.area + ": " + item.text), std::string::npos);
    }
    const auto bank = content::load_bank(content::bundled_bank_path());
    const std::string evaluation = run({"bank", "--topic", "evaluation"});
    for (const auto& q : bank.questions) {
        const bool on_topic =
            std::find(q.topics.begin(), q.topics.end(), "evaluation") != q.topics.end();
        EXPECT_EQ(evaluation.find(q.answer) != std::string::npos, on_topic) << q.id;
    }
}

// The words of `text`, in order, ignoring how it is broken into lines.
std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    return {std::istream_iterator<std::string>(in), {}};
}

bool contains_words(const std::vector<std::string>& all, const std::vector<std::string>& part) {
    return std::search(all.begin(), all.end(), part.begin(), part.end()) != all.end();
}

TEST(OfflineCommands, AtATerminalLongLinesWrapBetweenWords) {
    const auto guide = content::load_study_guide(content::bundled_guide_path());
    constexpr std::size_t width = 50;
    auto tty = Process::start_in_terminal(RAPIDFIRE_CLIENT_BIN, {"tips"}, {"TERM=xterm"}, 30,
                                          static_cast<int>(width));
    EXPECT_EQ(tty->wait_exit(), 0) << tty->output();
    drain(*tty);
    std::string screen = tty->output();
    std::erase(screen, '\r');
    const auto shown = words(screen);
    for (const auto& tip : guide.tips)
        EXPECT_TRUE(contains_words(shown, words(tip.text))) << tip.id;
    std::istringstream lines(screen);
    std::string line;
    int lines_seen = 0;
    while (std::getline(lines, line)) {
        ++lines_seen;
        const auto characters = std::count_if(line.begin(), line.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        });
        EXPECT_LE(static_cast<std::size_t>(characters), width) << "[" << line << "]";
    }
    EXPECT_GT(lines_seen, static_cast<int>(guide.tips.size()) * 3);
}

TEST(OfflineCommands, BankTopicsInAnyCaseAndUnknownTopicsListTheTopics) {
    EXPECT_EQ(run({"bank", "--topic", "EVALUATION"}), run({"bank", "--topic", "evaluation"}));

    auto unknown = Process::start(RAPIDFIRE_CLIENT_BIN, {"bank", "--topic", "astrology"});
    EXPECT_EQ(unknown->wait_exit(), 1) << unknown->transcript();
    drain(*unknown);
    EXPECT_EQ(unknown->output(), "");
    EXPECT_NE(unknown->errors().find("astrology"), std::string::npos) << unknown->transcript();
    EXPECT_NE(unknown->errors().find("evaluation"), std::string::npos) << unknown->transcript();

    const std::string topics = run({"bank", "--topics"});
    const auto bank = content::load_bank(content::bundled_bank_path());
    for (const auto& q : bank.questions) {
        for (const auto& topic : q.topics)
            EXPECT_NE(topics.find(topic + " ("), std::string::npos) << topic;
    }
}

TEST(OfflineCommands, HelpSaysWhatTheyPrint) {
    std::string help = run({"tips", "--help"});
    std::replace(help.begin(), help.end(), '\n', ' ');  // wrapped at 80 columns
    EXPECT_NE(help.find("communication tips"), std::string::npos) << help;
    EXPECT_NE(help.find("no server needed"), std::string::npos) << help;
}

}  // namespace
}  // namespace rapidfire::e2e
