// The command line: the command word first, then that command's options.

#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "rapidfire/client/command_line.hpp"

namespace rapidfire::client {
namespace {

using namespace protocol;

struct Parsed {
    CommandLine result;
    std::string out;
    std::string err;
};

Parsed parse(std::vector<std::string> args) {
    args.insert(args.begin(), "rapidfire-client");
    std::vector<const char*> argv;
    for (const auto& arg : args)
        argv.push_back(arg.c_str());
    std::ostringstream out;
    std::ostringstream err;
    auto result = parse_command_line(static_cast<int>(argv.size()), argv.data(), out, err);
    return {std::move(result), out.str(), err.str()};
}

TEST(CommandLine, HostTakesEveryRoundSetting) {
    const auto p = parse({"--url",       "ws://10.0.0.1:9000/ws",
                          "host",        "--kind",
                          "interview",   "--mode",
                          "judge",       "--questions",
                          "4",           "--seconds",
                          "30",          "--topic",
                          "evaluation",  "--topic",
                          "ensembles",   "--seed",
                          "42",          "--no-shuffle",
                          "--capacity",  "3",
                          "--password",  "pw",
                          "--reveal",    "2",
                          "--judging",   "60",
                          "--no-streak", "--name",
                          "Iris"});
    ASSERT_TRUE(p.result.options) << p.err;
    const Options& o = *p.result.options;
    EXPECT_EQ(o.command, Command::host);
    EXPECT_EQ(o.global.url, "ws://10.0.0.1:9000/ws");
    EXPECT_EQ(o.create.kind, RoomKind::interview);
    EXPECT_EQ(o.create.nickname, "Iris");
    const RoundSettings& s = o.create.settings;
    EXPECT_EQ(s.mode, AnswerMode::judge);
    EXPECT_EQ(s.questions, 4);
    EXPECT_EQ(s.seconds, 30);
    EXPECT_EQ(s.topics, (std::vector<std::string>{"evaluation", "ensembles"}));
    EXPECT_EQ(s.seed, 42);
    EXPECT_EQ(s.shuffle, false);
    EXPECT_EQ(s.capacity, 3);
    EXPECT_EQ(s.password, "pw");
    EXPECT_EQ(s.reveal_seconds, 2);
    EXPECT_EQ(s.judging_seconds, 60);
    EXPECT_EQ(s.streak_bonus, false);
}

TEST(CommandLine, HostDefaultsLeaveSettingsToTheServer) {
    const auto p = parse({"host"});
    ASSERT_TRUE(p.result.options);
    const Options& o = *p.result.options;
    EXPECT_EQ(o.global.url, "ws://127.0.0.1:8080/ws");
    EXPECT_EQ(o.create.kind, RoomKind::quiz);
    EXPECT_EQ(o.create.nickname, "host");
    EXPECT_FALSE(o.create.settings.mode.has_value());
    EXPECT_FALSE(o.create.settings.questions.has_value());
    EXPECT_FALSE(o.create.settings.shuffle.has_value());
}

TEST(CommandLine, JoinTakesTheCodeAsItsArgument) {
    const auto p = parse({"join", "abc234", "--name", "alice", "--password", "pw", "--json"});
    ASSERT_TRUE(p.result.options) << p.err;
    const Options& o = *p.result.options;
    EXPECT_EQ(o.command, Command::join);
    EXPECT_EQ(o.join.code, "ABC234");
    EXPECT_EQ(o.join.nickname, "alice");
    EXPECT_EQ(o.join.password, "pw");
    EXPECT_TRUE(o.global.json);  // global options may follow the command
}

TEST(CommandLine, HostAndJoinMayStayForARematch) {
    EXPECT_FALSE(parse({"host"}).result.options->stay);
    EXPECT_FALSE(parse({"join", "ABC234", "--name", "alice"}).result.options->stay);
    const auto host = parse({"host", "--kind", "interview", "--stay"});
    ASSERT_TRUE(host.result.options) << host.err;
    EXPECT_TRUE(host.result.options->stay);
    const auto join = parse({"join", "ABC234", "--stay", "--name", "alice"});
    ASSERT_TRUE(join.result.options) << join.err;
    EXPECT_TRUE(join.result.options->stay);
    const auto solo = parse({"solo", "--name", "me", "--stay"});
    EXPECT_FALSE(solo.result.options);  // a solo run has no rematch
    EXPECT_EQ(solo.result.exit_code, 1);
    EXPECT_NE(parse({"host", "--help"}).out.find("--stay"), std::string::npos);
    EXPECT_NE(parse({"join", "--help"}).out.find("--stay"), std::string::npos);
}

TEST(CommandLine, SoloTakesModeAndClock) {
    const auto p = parse({"--no-color", "solo", "--name", "me", "--mode", "self", "--clock",
                          "per-question", "--seconds", "15", "--questions", "5"});
    ASSERT_TRUE(p.result.options) << p.err;
    const Options& o = *p.result.options;
    EXPECT_EQ(o.command, Command::solo);
    EXPECT_TRUE(o.global.no_color);
    EXPECT_EQ(o.create.kind, RoomKind::solo);
    EXPECT_EQ(o.create.settings.mode, AnswerMode::self);
    EXPECT_EQ(o.create.settings.clock, ClockMode::per_question);
    EXPECT_EQ(o.create.settings.seconds, 15);
    EXPECT_EQ(o.create.settings.questions, 5);

    const auto total = parse({"solo", "--name", "me", "--total", "120"});
    ASSERT_TRUE(total.result.options);
    EXPECT_EQ(total.result.options->create.settings.clock, ClockMode::total);
    EXPECT_EQ(total.result.options->create.settings.total_seconds, 120);
}

TEST(CommandLine, SoloSecondsWithoutAClockMeanAClockPerQuestion) {
    const auto p = parse({"solo", "--name", "me", "--seconds", "30"});
    ASSERT_TRUE(p.result.options) << p.err;
    EXPECT_EQ(p.result.options->create.settings.clock, ClockMode::per_question);
    EXPECT_EQ(p.result.options->create.settings.seconds, 30);
    const auto total = parse({"solo", "--name", "me", "--seconds", "30", "--clock", "total"});
    EXPECT_EQ(total.result.options->create.settings.clock, ClockMode::total);
    EXPECT_EQ(parse({"solo", "--name", "me"}).result.options->create.settings.clock,
              ClockMode::total);
}

TEST(CommandLine, ReviewIsASelfGradedSoloRunOfTheDueQuestions) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"review", "--name", "me"}, {"solo", "--name", "me", "--mode", "review"}}) {
        const auto p = parse(args);
        ASSERT_TRUE(p.result.options) << p.err;
        const Options& o = *p.result.options;
        EXPECT_EQ(o.command, Command::solo);
        EXPECT_EQ(o.create.kind, RoomKind::solo);
        EXPECT_EQ(o.create.settings.review, true);
        EXPECT_EQ(o.create.settings.mode, AnswerMode::self);
        EXPECT_EQ(o.create.settings.clock, ClockMode::per_question);
        EXPECT_EQ(o.create.settings.seconds, 60);
        EXPECT_EQ(o.create.settings.questions, 10);
    }
    const auto p = parse(
        {"review", "--name", "me", "--questions", "4", "--seconds", "90", "--topic", "evaluation"});
    ASSERT_TRUE(p.result.options) << p.err;
    EXPECT_EQ(p.result.options->create.settings.questions, 4);
    EXPECT_EQ(p.result.options->create.settings.seconds, 90);
    EXPECT_EQ(p.result.options->create.settings.topics, std::vector<std::string>{"evaluation"});
    // A plain solo run is no review.
    EXPECT_FALSE(parse({"solo", "--name", "me"}).result.options->create.settings.review);
    EXPECT_EQ(parse({"progress"}).result.options->command, Command::progress);
}

TEST(CommandLine, LeaderboardTakesASoloRunsSettings) {
    const auto p = parse({"leaderboard", "--mode", "self", "--seconds", "30", "--questions", "5",
                          "--topic", "evaluation", "--limit", "10"});
    ASSERT_TRUE(p.result.options) << p.err;
    const Options& o = *p.result.options;
    EXPECT_EQ(o.command, Command::leaderboard);
    EXPECT_TRUE(reads_results(o.command));
    EXPECT_EQ(o.leaderboard.mode, AnswerMode::self);
    EXPECT_EQ(o.leaderboard.clock, ClockMode::per_question);
    EXPECT_EQ(o.leaderboard.seconds, 30);
    EXPECT_EQ(o.leaderboard.questions, 5);
    EXPECT_EQ(o.leaderboard.topics, std::vector<std::string>{"evaluation"});
    EXPECT_EQ(o.results.limit, 10);
    const auto defaults = parse({"leaderboard"});
    ASSERT_TRUE(defaults.result.options);
    EXPECT_EQ(defaults.result.options->leaderboard.mode, AnswerMode::choice);
    EXPECT_EQ(defaults.result.options->leaderboard.clock, ClockMode::total);
    EXPECT_FALSE(defaults.result.options->leaderboard.questions.has_value());
    const auto total = parse({"leaderboard", "--total", "120"});
    EXPECT_EQ(total.result.options->leaderboard.total_seconds, 120);
    EXPECT_EQ(parse({"leaderboard", "--mode", "judge"}).result.exit_code, 1);
    EXPECT_EQ(parse({"leaderboard", "--limit", "0"}).result.exit_code, 1);
    EXPECT_NE(parse({"leaderboard", "--help"}).out.find("--total"), std::string::npos);
    EXPECT_NE(parse({"--help"}).out.find("leaderboard"), std::string::npos);
}

TEST(CommandLine, OfflineCommands) {
    EXPECT_EQ(parse({"tips"}).result.options->command, Command::tips);
    EXPECT_EQ(parse({"faq"}).result.options->command, Command::faq);
    EXPECT_EQ(parse({"checklist"}).result.options->command, Command::checklist);
    const auto bank = parse({"bank", "--topic", "evaluation"});
    ASSERT_TRUE(bank.result.options);
    EXPECT_EQ(bank.result.options->bank_topics, (std::vector<std::string>{"evaluation"}));
    EXPECT_FALSE(bank.result.options->bank_list_topics);
    const auto topics = parse({"bank", "--topics"});
    ASSERT_TRUE(topics.result.options) << topics.err;
    EXPECT_TRUE(topics.result.options->bank_list_topics);
}

TEST(CommandLine, OfflineHelpSaysWhatTheCommandPrints) {
    for (const char* command : {"tips", "faq", "checklist", "bank"}) {
        const auto help = parse({command, "--help"});
        EXPECT_EQ(help.result.exit_code, 0);
        std::string text = help.out;  // the help is wrapped at 80 columns: as one line
        std::replace(text.begin(), text.end(), '\n', ' ');
        EXPECT_NE(text.find("no server needed"), std::string::npos) << help.out;
        EXPECT_NE(text.find("wrapped"), std::string::npos) << help.out;
        std::istringstream lines(help.out);
        for (std::string line; std::getline(lines, line);)
            EXPECT_LE(line.size(), 80u) << line;
        // No empty table of a command's own options.
        EXPECT_EQ(help.out.find(std::string(command) + " options:\n\n"), std::string::npos)
            << help.out;
    }
    EXPECT_NE(parse({"tips", "--help"}).out.find("communication tips"), std::string::npos);
    EXPECT_NE(parse({"bank", "--help"}).out.find("--topics"), std::string::npos);
}

TEST(CommandLine, HelpIsPerCommand) {
    const auto top = parse({"--help"});
    EXPECT_FALSE(top.result.options);
    EXPECT_EQ(top.result.exit_code, 0);
    EXPECT_NE(top.out.find("Commands:"), std::string::npos);
    const auto host = parse({"host", "--help"});
    EXPECT_EQ(host.result.exit_code, 0);
    EXPECT_NE(host.out.find("--judging"), std::string::npos);
    const auto join = parse({"join", "--help"});
    EXPECT_NE(join.out.find("join CODE --name NAME"), std::string::npos);
}

TEST(CommandLine, HistoryAndExportReadTheRecord) {
    auto p = parse({"--url", "wss://quiz.example.org/ws", "--ca", "ca.pem", "history", "--limit",
                    "5", "--json"});
    ASSERT_TRUE(p.result.options) << p.err;
    EXPECT_EQ(p.result.options->command, Command::history);
    EXPECT_EQ(p.result.options->results.limit, 5);
    EXPECT_TRUE(p.result.options->global.json);
    EXPECT_EQ(p.result.options->global.ca_file, "ca.pem");
    EXPECT_TRUE(p.result.options->results.token.empty());

    p = parse({"export", "12", "--format", "md", "--token", "T", "--output", "out.md"});
    ASSERT_TRUE(p.result.options) << p.err;
    const auto& results = p.result.options->results;
    EXPECT_EQ(p.result.options->command, Command::export_results);
    EXPECT_EQ(results.game, 12);
    EXPECT_EQ(results.format, ExportFormat::md);
    EXPECT_EQ(results.token, "T");
    EXPECT_EQ(results.output, "out.md");
    EXPECT_EQ(parse({"export", "3"}).result.options->results.format, ExportFormat::csv);
}

TEST(CommandLine, HostMayListTheRoomWithALabel) {
    const auto p = parse({"host", "--public", "--label", "Friday ML night"});
    ASSERT_TRUE(p.result.options) << p.err;
    const RoundSettings& s = p.result.options->create.settings;
    EXPECT_EQ(s.public_, true);
    EXPECT_EQ(s.label, "Friday ML night");
    // Left out, the server's defaults apply: a private room without a label.
    const auto plain = parse({"host"});
    ASSERT_TRUE(plain.result.options);
    EXPECT_FALSE(plain.result.options->create.settings.public_.has_value());
    EXPECT_FALSE(plain.result.options->create.settings.label.has_value());
}

TEST(CommandLine, RoomsTakesItsFilters) {
    auto p = parse({"--url", "ws://10.0.0.1:9000/ws", "rooms", "--kind", "interview", "--topic",
                    "evaluation"});
    ASSERT_TRUE(p.result.options) << p.err;
    EXPECT_EQ(p.result.options->command, Command::rooms);
    EXPECT_EQ(p.result.options->rooms.kind, RoomKind::interview);
    EXPECT_EQ(p.result.options->rooms.topic, "evaluation");
    p = parse({"rooms"});
    ASSERT_TRUE(p.result.options) << p.err;
    EXPECT_FALSE(p.result.options->rooms.kind.has_value());
    EXPECT_FALSE(p.result.options->rooms.topic.has_value());
    EXPECT_NE(parse({"--help"}).out.find("rooms"), std::string::npos);
    EXPECT_NE(parse({"rooms", "--help"}).out.find("--topic"), std::string::npos);
}

TEST(CommandLine, MistakesAreUsageErrors) {
    for (const auto& args :
         std::vector<std::vector<std::string>>{{},
                                               {"dance"},
                                               {"join", "--name", "alice"},
                                               {"join", "ABC234"},
                                               {"solo"},
                                               {"review"},
                                               {"review", "--mode", "choice", "--name", "me"},
                                               {"host", "--mode", "self"},
                                               {"solo", "--name", "me", "--mode", "judge"},
                                               {"host", "--kind", "party"},
                                               {"host", "--questions", "many"},
                                               {"host", "--bogus"},
                                               {"tips", "--summary", "x.md"},
                                               {"bank", "--topics", "--topic", "x"},
                                               {"export"},
                                               {"export", "abc"},
                                               {"export", "0"},
                                               {"export", "3", "--format", "xml"},
                                               {"history", "--limit", "0"},
                                               {"--url", "http://host/ws", "history"},
                                               {"rooms", "--kind", "party"},
                                               {"rooms", "--kind", "solo"},
                                               {"--url", "http://host/ws", "rooms"}}) {
        const auto p = parse(args);
        EXPECT_FALSE(p.result.options);
        EXPECT_EQ(p.result.exit_code, 1);
        EXPECT_NE(p.err.find("rapidfire-client:"), std::string::npos);
    }
}

}  // namespace
}  // namespace rapidfire::client
