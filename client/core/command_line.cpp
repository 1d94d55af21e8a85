#include "rapidfire/client/command_line.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>

#include <boost/program_options.hpp>

#include "rapidfire/client/study_material.hpp"
#include "rapidfire/common/ws_url.hpp"

namespace rapidfire::client {
namespace po = boost::program_options;
using namespace protocol;

namespace {

struct UsageError {
    std::string message;
};

const char* const usage_line = "Usage: rapidfire-client [--url ws[s]://HOST:PORT/ws] COMMAND ...";

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

RoomKind parse_kind(const std::string& text) {
    if (text == "quiz")
        return RoomKind::quiz;
    if (text == "interview")
        return RoomKind::interview;
    throw UsageError{"--kind must be quiz or interview"};
}

MatchRole parse_role(const std::string& text) {
    if (text == "either")
        return MatchRole::either;
    if (text == "interviewer")
        return MatchRole::interviewer;
    if (text == "candidate")
        return MatchRole::candidate;
    throw UsageError{"--role must be either, interviewer or candidate"};
}

Level parse_level(const std::string& text) {
    if (text == "beginner")
        return Level::beginner;
    if (text == "intermediate")
        return Level::intermediate;
    if (text == "advanced")
        return Level::advanced;
    throw UsageError{"--level must be beginner, intermediate or advanced"};
}

// A review run's defaults, where the command line leaves them out: a clock per question long
// enough to recall an answer and type it, and a short session.
constexpr int review_seconds = 60;
constexpr int review_questions = 10;

AnswerMode parse_mode(const std::string& text, bool solo) {
    if (text == "choice")
        return AnswerMode::choice;
    if (!solo && text == "judge")
        return AnswerMode::judge;
    if (solo && text == "self")
        return AnswerMode::self;
    throw UsageError{solo ? "--mode must be choice, self or review"
                          : "--mode must be choice or judge"};
}

std::int64_t parse_game_id(const std::string& text) {
    if (text.empty())
        throw UsageError{"export needs the game's id: export ID (see history)"};
    const bool digits =
        text.size() <= 18 &&
        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digits || std::stoll(text) < 1)
        throw UsageError{"the game id must be a positive number (see history)"};
    return std::stoll(text);
}

ExportFormat parse_format(const std::string& text) {
    if (text == "csv")
        return ExportFormat::csv;
    if (text == "json")
        return ExportFormat::json;
    if (text == "md" || text == "markdown")
        return ExportFormat::md;
    throw UsageError{"--format must be csv, json or md"};
}

ClockMode parse_clock(const std::string& text) {
    if (text == "per-question" || text == "per_question")
        return ClockMode::per_question;
    if (text == "total")
        return ClockMode::total;
    throw UsageError{"--clock must be per-question or total"};
}

template <class T>
std::optional<T> optional_value(const po::variables_map& values, const char* name) {
    if (values.count(name) == 0)
        return std::nullopt;
    return values[name].as<T>();
}

// The width help text is wrapped at, as the options' descriptions are.
constexpr int help_width = 80;

// A command's help: its synopsis, what it does, and its own options when it has any (an empty
// options table would say nothing).
void print_help(std::ostream& out, const char* synopsis, const char* about, const char* details,
                const po::options_description& options) {
    std::string sentence = about;
    if (!sentence.empty())
        sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    std::string text = sentence + ".\n";
    if (*details != '\0')
        text += std::string(details) + "\n";
    out << "Usage: rapidfire-client [global options] " << synopsis << "\n\n"
        << wrap_text(text, help_width) << "\n";
    if (!options.options().empty())
        out << options << "\n";
}

po::options_description global_options() {
    po::options_description global("Global options");
    // clang-format off
    global.add_options()
        ("help,h", "print help (after a command: that command's options)")
        ("url", po::value<std::string>()->default_value(default_url), "the server's WebSocket URL: ws:// or wss://")
        ("json", "print every message received from the server as one JSON line "
                 "(history: one game per line)")
        ("summary", po::value<std::string>(), "interview: save the summary as Markdown in this file")
        ("no-color", "no colours (also when NO_COLOR is set or stdout is not a terminal)")
        ("ca", po::value<std::string>(),
         "wss://: trust this CA certificate (PEM) instead of the system's trust store");
    // clang-format on
    return global;
}

// The values a command's own options are read into, before they are checked.
struct CommandValues {
    std::string name;
    std::string mode;
    std::string kind;
    std::string clock;
    std::vector<std::string> topics;
    std::string password;
    std::string code;
    std::string format;
    std::string game;
    std::string label;
    std::string topic;
    std::string role;
    std::string level;
};

// One command: its word, how the list of commands shows it, its synopsis for --help, its
// options (bound to `values`, or straight to `options`), and how the parsed values fill Options.
struct CommandSpec {
    const char* name;
    const char* listed;  // the word and its argument, in the list of commands
    const char* about;   // ... and what it does
    const char* synopsis;
    const char* details;  // for --help, after `about`: more on what it does (may be empty)
    void (*declare)(po::options_description& own, po::positional_options_description& positional,
                    CommandValues& values, Options& options);
    void (*fill)(const po::variables_map& parsed, const CommandValues& values, Options& options);
};

// The round settings shared by host and solo.
RoundSettings round_settings(const po::variables_map& parsed, const CommandValues& values) {
    RoundSettings settings;
    settings.questions = optional_value<int>(parsed, "questions");
    settings.seconds = optional_value<int>(parsed, "seconds");
    settings.topics = values.topics;
    return settings;
}

// A review run (solo --mode review, review): self-graded, the due questions first, on a clock
// per question unless the command line says otherwise.
RoundSettings review_settings(const po::variables_map& parsed, const CommandValues& values) {
    RoundSettings settings = round_settings(parsed, values);
    settings.review = true;
    settings.mode = AnswerMode::self;
    settings.total_seconds = optional_value<int>(parsed, "total");
    const bool clock_given = parsed.count("clock") != 0 && !parsed["clock"].defaulted();
    settings.clock =
        clock_given || settings.total_seconds ? parse_clock(values.clock) : ClockMode::per_question;
    if (settings.clock == ClockMode::per_question && !settings.seconds)
        settings.seconds = review_seconds;
    if (!settings.questions)
        settings.questions = review_questions;
    return settings;
}

// A solo run's settings, for solo and leaderboard alike, so that the flags of a run show its
// board. --seconds without --clock or --total means a clock per question (on one total clock
// the seconds per question would play no part).
RoundSettings solo_settings(const po::variables_map& parsed, const CommandValues& values) {
    RoundSettings settings = round_settings(parsed, values);
    if (values.mode == "review")
        return review_settings(parsed, values);
    settings.mode = parse_mode(values.mode, true);
    settings.total_seconds = optional_value<int>(parsed, "total");
    const bool clock_given = parsed.count("clock") != 0 && !parsed["clock"].defaulted();
    settings.clock = clock_given || settings.total_seconds || !settings.seconds
                         ? parse_clock(values.clock)
                         : ClockMode::per_question;
    return settings;
}

// The options of a solo run's settings (solo and leaderboard).
void solo_setting_options(po::options_description& own, CommandValues& v) {
    // clang-format off
    own.add_options()
        ("mode", po::value(&v.mode)->default_value("choice"),
         "choice, self (grade yourself) or review (self-graded, the questions due for you "
         "first)")
        ("clock", po::value(&v.clock)->default_value("total"),
         "per-question or total (with --seconds and no --clock: per-question)")
        ("seconds", po::value<int>(), "seconds per question (per-question clock)")
        ("total", po::value<int>(), "seconds for the whole run (total clock)")
        ("questions", po::value<int>(), "how many questions")
        ("topic", po::value(&v.topics)->composing(), "only questions on this topic; repeatable");
    // clang-format on
}

void no_options(po::options_description&, po::positional_options_description&, CommandValues&,
                Options&) {}

template <Command command>
void just_the_command(const po::variables_map&, const CommandValues&, Options& options) {
    options.command = command;
}

// The offline commands' help says how their text is laid out.
#define OFFLINE_NOTE                                                                          \
    "At a terminal, long lines are wrapped at its width between words; piped or redirected, " \
    "each paragraph is one line."

// clang-format off
const CommandSpec commands[] = {
    {"host", "host", "create a room and run it (quiz night or mock interview)",
     "host [options]  |  host --resume CODE",
     "The room's seat is kept in your state folder while the game runs: after Ctrl-C or a "
     "restart, 'host --resume CODE' takes the room back (the game waits for its host for the "
     "server's resume grace, 2 minutes by default).",
     [](po::options_description& own, po::positional_options_description&, CommandValues& v,
        Options&) {
         own.add_options()
             ("kind", po::value(&v.kind)->default_value("quiz"), "quiz or interview")
             ("mode", po::value(&v.mode), "choice or judge (quiz: choice, interview: judge)")
             ("questions", po::value<int>(), "how many questions")
             ("seconds", po::value<int>(), "seconds per question")
             ("topic", po::value(&v.topics)->composing(), "only questions on this topic; repeatable")
             ("seed", po::value<std::int64_t>(), "seed for the order and the choices")
             ("no-shuffle", "keep the bank's order")
             ("capacity", po::value<int>(), "most players")
             ("password", po::value(&v.password), "players must give this password")
             ("public", "list the room in the open rooms while it waits in its lobby "
                        "(see 'rooms')")
             ("label", po::value(&v.label), "a short title for the list of open rooms")
             ("reveal", po::value<int>(), "seconds on each reveal; 0: move on with 'skip'")
             ("judging", po::value<int>(), "judge mode: apply suggestions after this many seconds")
             ("no-streak", "no streak bonus")
             ("no-leaderboard", "no standings between questions")
             ("name", po::value(&v.name)->default_value("host"), "your name")
             ("resume", po::value(&v.code),
              "take back the host seat of room CODE, held since Ctrl-C or a restart (the "
              "room's other options are its own)")
             ("stay", "stay in the room after the game: 'rematch' starts another round with "
                      "the same players, 'leave' quits");
     },
     [](const po::variables_map& parsed, const CommandValues& v, Options& options) {
         options.command = Command::host;
         options.create.kind = parse_kind(v.kind);
         RoundSettings settings = round_settings(parsed, v);
         if (!v.mode.empty())
             settings.mode = parse_mode(v.mode, false);
         settings.seed = optional_value<std::int64_t>(parsed, "seed");
         if (parsed.count("no-shuffle") != 0)
             settings.shuffle = false;
         settings.capacity = optional_value<int>(parsed, "capacity");
         if (!v.password.empty())
             settings.password = v.password;
         if (parsed.count("public") != 0)
             settings.public_ = true;
         if (parsed.count("label") != 0)
             settings.label = v.label;
         settings.reveal_seconds = optional_value<int>(parsed, "reveal");
         settings.judging_seconds = optional_value<int>(parsed, "judging");
         if (parsed.count("no-streak") != 0)
             settings.streak_bonus = false;
         if (parsed.count("no-leaderboard") != 0)
             settings.show_leaderboard = false;
         options.create.nickname = v.name;
         options.create.settings = std::move(settings);
         options.stay = parsed.count("stay") != 0;
         options.resume_code = upper(v.code);
     }},
    {"join", "join CODE", "join a room as a player",
     "join CODE --name NAME [--password P] [--stay]",
     "Your seat is kept in your state folder while the game runs: after Ctrl-C or a restart "
     "the same command takes it back, with its points.",
     [](po::options_description& own, po::positional_options_description& positional,
        CommandValues& v, Options&) {
         own.add_options()
             ("code", po::value(&v.code), "the room code (also the first argument)")
             ("name", po::value(&v.name), "your nickname (required)")
             ("password", po::value(&v.password), "the room's password")
             ("stay", "stay in the room after the game, for the host's rematch; '/leave' quits");
         positional.add("code", 1);
     },
     [](const po::variables_map& parsed, const CommandValues& v, Options& options) {
         options.command = Command::join;
         if (v.code.empty())
             throw UsageError{"join needs the room code: join CODE --name NAME"};
         if (v.name.empty())
             throw UsageError{"join needs --name NAME"};
         options.join.code = upper(v.code);
         options.join.nickname = v.name;
         if (!v.password.empty())
             options.join.password = v.password;
         options.stay = parsed.count("stay") != 0;
     }},
    {"match", "match", "find a stranger to practise interviews with",
     "match --name NAME [--topic T]... [--role either|interviewer|candidate] "
     "[--level beginner|intermediate|advanced]",
     "Waits in the server's matching queue for a partner who asks for one of your topics; the "
     "partner found is confirmed at once. Then each of you interviews the other for one turn, "
     "the roles swapping by themselves, and you exchange feedback. --role says which turn you "
     "want first; --level pairs you with the same level first, a neighbouring one after 30 s. "
     "'/leave' leaves the queue.",
     [](po::options_description& own, po::positional_options_description&, CommandValues& v,
        Options&) {
         own.add_options()
             ("name", po::value(&v.name), "your nickname (required)")
             ("topic", po::value(&v.topics)->composing(),
              "a topic you want to practise; repeatable; none: any topic")
             ("role", po::value(&v.role), "the turn you want first: interviewer, candidate or "
                                          "either (the default)")
             ("level", po::value(&v.level), "beginner, intermediate or advanced; none: any");
     },
     [](const po::variables_map&, const CommandValues& v, Options& options) {
         options.command = Command::match;
         if (v.name.empty())
             throw UsageError{"match needs --name NAME"};
         options.match.nickname = v.name;
         options.match.topics = v.topics;
         if (!v.role.empty())
             options.match.role = parse_role(v.role);
         if (!v.level.empty())
             options.match.level = parse_level(v.level);
         options.stay = true;  // the second turn and the feedback follow the first
     }},
    {"rooms", "rooms", "list the public rooms waiting for players",
     "rooms [--kind quiz|interview] [--topic T]",
     "The rooms their hosts made public ('host --public'), while they wait in their lobby "
     "with a free seat, most players first; join one with 'join CODE --name NAME'. The list "
     "is at most a second old.",
     [](po::options_description& own, po::positional_options_description&, CommandValues& v,
        Options&) {
         own.add_options()
             ("kind", po::value(&v.kind), "only rooms of this kind: quiz or interview")
             ("topic", po::value(&v.topic),
              "only rooms that ask about this topic (or about every topic)");
     },
     [](const po::variables_map&, const CommandValues& v, Options& options) {
         options.command = Command::rooms;
         if (!v.kind.empty())
             options.rooms.kind = parse_kind(v.kind);
         if (!v.topic.empty())
             options.rooms.topic = v.topic;
     }},
    {"solo", "solo", "play alone against the clock",
     "solo --name NAME [options]",
     "Personal bests compare a run only with your earlier runs of the same settings (mode, "
     "clock, questions, topics); a run in which you paused or extended the clock counts for "
     "none. You are known by a secret kept in your state folder "
     "($XDG_STATE_HOME/rapidfire/identity), not by your name.",
     [](po::options_description& own, po::positional_options_description&, CommandValues& v,
        Options&) {
         own.add_options()
             ("name", po::value(&v.name), "your name (required)");
         solo_setting_options(own, v);
     },
     [](const po::variables_map& parsed, const CommandValues& v, Options& options) {
         options.command = Command::solo;
         if (v.name.empty())
             throw UsageError{"solo needs --name NAME"};
         options.create.kind = RoomKind::solo;
         options.create.nickname = v.name;
         options.create.settings = solo_settings(parsed, v);
     }},
    {"review", "review", "review the questions due for you, then new ones",
     "review --name NAME [--questions N] [--seconds S] [--topic T]...",
     "The same as 'solo --mode review': the questions you missed or that are due again come "
     "first, the longest overdue first, then questions you never answered; you type each answer, "
     "see the reference and grade yourself, and each result says when the question comes back. "
     "10 questions of 60 seconds unless you say otherwise. 'progress' shows what is due.",
     [](po::options_description& own, po::positional_options_description&, CommandValues& v,
        Options&) {
         own.add_options()
             ("name", po::value(&v.name), "your name (required)")
             ("questions", po::value<int>(), "how many questions at most")
             ("seconds", po::value<int>(), "seconds per question")
             ("topic", po::value(&v.topics)->composing(), "only questions on this topic; "
                                                          "repeatable");
     },
     [](const po::variables_map& parsed, const CommandValues& v, Options& options) {
         options.command = Command::solo;
         if (v.name.empty())
             throw UsageError{"review needs --name NAME"};
         options.create.kind = RoomKind::solo;
         options.create.nickname = v.name;
         options.create.settings = review_settings(parsed, v);
     }},
    {"tips", "tips", "print the interview communication tips",
     "tips",
     "Each tip from the bundled study guide, numbered, with what it means in an answer; no "
     "server needed.\n" OFFLINE_NOTE,
     no_options, just_the_command<Command::tips>},
    {"faq", "faq", "print the frequently asked questions",
     "faq",
     "The questions and answers about interviews from the bundled study guide; no server "
     "needed.\n" OFFLINE_NOTE,
     no_options, just_the_command<Command::faq>},
    {"checklist", "checklist", "print the final checklist before an interview",
     "checklist",
     "What to review, area by area, from the bundled study guide; no server needed.\n"
     OFFLINE_NOTE,
     no_options, just_the_command<Command::checklist>},
    {"bank", "bank", "print the bundled questions and answers",
     "bank [--topic T]... | bank --topics",
     "Each question with its topics and reference answer; no server needed. A topic that is "
     "not in the bank is an error that lists the bank's topics.\n" OFFLINE_NOTE,
     [](po::options_description& own, po::positional_options_description&, CommandValues& v,
        Options&) {
         own.add_options()
             ("topic", po::value(&v.topics)->composing(),
              "only questions on this topic (any case); repeatable")
             ("topics", "list the bank's topics and how many questions each has");
     },
     [](const po::variables_map& parsed, const CommandValues& v, Options& options) {
         options.command = Command::bank;
         options.bank_topics = v.topics;
         options.bank_list_topics = parsed.count("topics") != 0;
         if (options.bank_list_topics && !v.topics.empty())
             throw UsageError{"bank takes --topic T or --topics, not both"};
     }},
    {"history", "history", "list the games you hosted (or any with --token)",
     "history [--token T] [--limit N]",
     "",
     [](po::options_description& own, po::positional_options_description&, CommandValues&,
        Options& options) {
         own.add_options()
             ("token", po::value(&options.results.token),
              "a host token; default: the tokens of the rooms hosted from here")
             ("limit", po::value(&options.results.limit)->default_value(options.results.limit),
              "list this many games at most");
     },
     [](const po::variables_map&, const CommandValues&, Options& options) {
         options.command = Command::history;
         if (options.results.limit < 1 || options.results.limit > 500)
             throw UsageError{"--limit must be between 1 and 500"};
     }},
    {"leaderboard", "leaderboard", "show the server's solo leaderboard for one run's settings",
     "leaderboard [--mode M] [--clock C] [--seconds S|--total S] [--questions N] [--topic T]... "
     "[--limit N]",
     "Each player's best run with these settings (the same options as solo; left out, the "
     "server's solo defaults), best first, under the player's latest name. Runs that were "
     "paused or extended are not on it.",
     [](po::options_description& own, po::positional_options_description&, CommandValues& v,
        Options& options) {
         solo_setting_options(own, v);
         own.add_options()
             ("limit", po::value(&options.results.limit)->default_value(options.results.limit),
              "list this many players at most");
     },
     [](const po::variables_map& parsed, const CommandValues& v, Options& options) {
         options.command = Command::leaderboard;
         options.leaderboard = solo_settings(parsed, v);
         if (options.results.limit < 1 || options.results.limit > 500)
             throw UsageError{"--limit must be between 1 and 500"};
     }},
    {"progress", "progress", "show what you have learnt, per topic, and what is due for review",
     "progress",
     "Every answer you give (solo, quiz or interview) moves this computer's cards for its "
     "questions; this shows, per topic of the server's bank, how many are due, learnt and new, "
     "and how well you remember what you answered. 'review' asks the due ones.",
     [](po::options_description&, po::positional_options_description&, CommandValues&,
        Options&) {},
     [](const po::variables_map&, const CommandValues&, Options& options) {
         options.command = Command::progress;
     }},
    {"export", "export ID", "save a game's results as CSV, JSON or Markdown",
     "export ID [--format csv|json|md] [--token T] [--output FILE]",
     "",
     [](po::options_description& own, po::positional_options_description& positional,
        CommandValues& v, Options& options) {
         own.add_options()
             ("id", po::value(&v.game), "the game's id, from history (also the first argument)")
             ("format", po::value(&v.format)->default_value("csv"),
              "csv, json or md (interviews: the summaries; other games: the results table)")
             ("token", po::value(&options.results.token),
              "the game's host token; default: the tokens of the rooms hosted from here")
             ("output", po::value(&options.results.output), "write to this file, not stdout");
         positional.add("id", 1);
     },
     [](const po::variables_map&, const CommandValues& v, Options& options) {
         options.command = Command::export_results;
         options.results.game = parse_game_id(v.game);
         options.results.format = parse_format(v.format);
     }},
};
// clang-format on
#undef OFFLINE_NOTE

std::string command_list() {
    std::string text = "Commands:\n";
    std::size_t width = 0;
    for (const auto& spec : commands)
        width = std::max(width, std::string_view(spec.listed).size());
    for (const auto& spec : commands) {
        std::string listed = spec.listed;
        listed.resize(width, ' ');
        text += "  " + listed + "  " + spec.about + "\n";
    }
    return text + "Run 'rapidfire-client COMMAND --help' for a command's options.\n";
}

const CommandSpec* find_command(const std::string& name) {
    for (const auto& spec : commands) {
        if (name == spec.name)
            return &spec;
    }
    return nullptr;
}

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv, std::ostream& out,
                               std::ostream& err) {
    const po::options_description global = global_options();
    po::options_description hidden;
    hidden.add_options()("command", po::value<std::string>())(
        "arguments", po::value<std::vector<std::string>>());
    po::options_description first_pass;
    first_pass.add(global).add(hidden);
    po::positional_options_description positional;
    positional.add("command", 1).add("arguments", -1);

    try {
        // Pass 1: global options (anywhere) and the command word; the rest is the command's.
        const auto parsed = po::command_line_parser(argc, argv)
                                .options(first_pass)
                                .positional(positional)
                                .allow_unregistered()
                                .run();
        po::variables_map values;
        po::store(parsed, values);
        po::notify(values);
        std::vector<std::string> rest =
            po::collect_unrecognized(parsed.options, po::include_positional);

        Options options;
        options.global.url = values["url"].as<std::string>();
        options.global.json = values.count("json") != 0;
        options.global.no_color = values.count("no-color") != 0;
        if (values.count("summary") != 0)
            options.global.summary_file = values["summary"].as<std::string>();
        if (values.count("ca") != 0)
            options.global.ca_file = values["ca"].as<std::string>();
        const bool help = values.count("help") != 0;

        if (values.count("command") == 0) {
            if (help) {
                out << usage_line << "\n\n" << command_list() << "\n" << global << "\n";
                return {std::nullopt, 0};
            }
            throw UsageError{"no command given"};
        }
        const std::string command = values["command"].as<std::string>();
        // collect_unrecognized returns the command word too, first among the positionals.
        if (auto it = std::find(rest.begin(), rest.end(), command); it != rest.end())
            rest.erase(it);

        const CommandSpec* spec = find_command(command);
        if (spec == nullptr)
            throw UsageError{"unknown command '" + command + "'"};
        po::options_description own(command + " options");
        po::positional_options_description own_positional;
        CommandValues command_values;
        spec->declare(own, own_positional, command_values, options);
        if (help) {
            print_help(out, spec->synopsis, spec->about, spec->details, own);
            out << global << "\n";
            return {std::nullopt, 0};
        }

        po::variables_map own_values;
        po::store(po::command_line_parser(rest).options(own).positional(own_positional).run(),
                  own_values);
        po::notify(own_values);
        spec->fill(own_values, command_values, options);
        const bool asks_server =
            reads_results(options.command) || options.command == Command::rooms;
        if (asks_server && !common::parse_ws_url(options.global.url)) {
            throw UsageError{"--url must look like ws://HOST:PORT/ws or wss://HOST:PORT/ws"};
        }
        if (!options.global.summary_file.empty() && !plays_online(options.command)) {
            throw UsageError{"--summary applies to host, join and solo"};
        }
        return {std::move(options), 0};
    } catch (const po::error& e) {
        err << "rapidfire-client: " << e.what() << "\n" << usage_line << "\n";
    } catch (const UsageError& e) {
        err << "rapidfire-client: " << e.message << "\n" << usage_line << "\n";
    }
    err << "Try 'rapidfire-client --help'.\n";
    return {std::nullopt, 1};
}

}  // namespace rapidfire::client
