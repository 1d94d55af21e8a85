#include "results_commands.hpp"

#include <chrono>
#include <fstream>
#include <iostream>

#include <boost/json.hpp>

#include "http_client.hpp"
#include "rapidfire/client/identity.hpp"
#include "rapidfire/client/progress_format.hpp"
#include "rapidfire/client/remembered_rooms.hpp"
#include "rapidfire/client/results_format.hpp"
#include "rapidfire/content/loader.hpp"

namespace rapidfire::client {

namespace {

namespace json = boost::json;

constexpr auto request_timeout = std::chrono::seconds(15);
// history asks the server once per token: the most recent ones are enough.
constexpr std::size_t max_tokens_tried = 20;

constexpr int exit_connection = 1;
constexpr int exit_refused = 2;

void say_error(const std::string& message) {
    std::cerr << "rapidfire-client: " << message << "\n";
}

// The "error" of the server's JSON answer, or the body itself.
std::string server_message(const HttpReply& reply) {
    boost::system::error_code ec;
    const auto value = json::parse(reply.body, ec);
    if (!ec && value.is_object()) {
        if (const auto* error = value.get_object().if_contains("error");
            error && error->is_string())
            return std::string(error->get_string());
    }
    return reply.body.empty() ? "HTTP " + std::to_string(reply.status) : reply.body;
}

bool is_refusal(int status) {
    return status == 401 || status == 403 || status == 404;
}

struct Session {
    WsUrl url;
    std::shared_ptr<ClientTls> tls;
    std::vector<std::string> tokens;  // to try, in order; empty: ask without one
    bool remembered = false;          // the tokens come from the hosted-rooms file
};

// A failed exchange's exit code, after saying why.
int report(const Session& session, const HttpOutcome& outcome) {
    if (!outcome.reply) {
        say_error("cannot reach " + server_of(session.url) + ": " + outcome.error);
        return exit_connection;
    }
    const auto& reply = *outcome.reply;
    if (is_refusal(reply.status)) {
        say_error("refused (" + std::to_string(reply.status) + "): " + server_message(reply));
        return exit_refused;
    }
    say_error("the server answered " + std::to_string(reply.status) + ": " + server_message(reply));
    return exit_connection;
}

int history(const Options& options, const Session& session) {
    const std::string target = "/api/games?limit=" + std::to_string(options.results.limit);
    std::vector<std::vector<GameListing>> lists;
    auto ask = [&](const std::string& token) -> int {
        const auto outcome = http_get(session.url, target, token, session.tls, request_timeout);
        if (!outcome.reply || outcome.reply->status != 200)
            return report(session, outcome);
        try {
            lists.push_back(parse_game_list(outcome.reply->body));
        } catch (const std::exception& e) {
            say_error(e.what());
            return exit_connection;
        }
        return 0;
    };
    if (session.tokens.empty()) {
        std::cerr << "no room hosted from here is remembered for " << server_of(session.url)
                  << "; listing the server's finished games\n";
        if (const int code = ask({}); code != 0)
            return code;
    }
    for (const auto& token : session.tokens) {
        if (const int code = ask(token); code != 0)
            return code;
    }
    const auto games = merge_game_lists(lists, static_cast<std::size_t>(options.results.limit));
    if (options.global.json) {
        std::cout << games_json_lines(games);
    } else if (games.empty()) {
        std::cout << "no games\n";
    } else {
        std::cout << games_table(games);
    }
    return 0;
}

std::shared_ptr<const content::StudyGuide> load_guide() {
    try {
        return std::make_shared<const content::StudyGuide>(
            content::load_study_guide(content::bundled_guide_path()));
    } catch (const std::exception&) {
        return nullptr;  // tips are then named by their ids
    }
}

int export_results(const Options& options, const Session& session) {
    const auto& wanted = options.results;
    const std::string id = std::to_string(wanted.game);
    const std::string target =
        "/api/games/" + id +
        (wanted.format == ExportFormat::csv ? "/results.csv" : "/results.json");
    std::vector<std::string> tokens = session.tokens;
    if (tokens.empty())
        tokens.emplace_back();  // the server says what it needs
    std::optional<HttpReply> opened;
    HttpOutcome last;
    for (const auto& token : tokens) {
        last = http_get(session.url, target, token, session.tls, request_timeout);
        if (!last.reply)
            return report(session, last);
        if (last.reply->status == 200) {
            opened = std::move(last.reply);
            break;
        }
        // 403: this token is not the game's; another remembered one may be. Anything else
        // (no such game, no record, no token) is the same whatever the token.
        if (last.reply->status != 403)
            break;
    }
    if (!opened) {
        if (session.remembered && tokens.size() > 1 && last.reply && last.reply->status == 403) {
            say_error("none of the " + std::to_string(tokens.size()) +
                      " remembered host tokens opens game " + id + "; try --token");
            return exit_refused;
        }
        if (last.reply && last.reply->status == 404) {
            // No such game (or no record kept on this server): the token is not the question.
            say_error("game " + id + " on " + server_of(session.url) + ": " +
                      server_message(*last.reply) + " (see history)");
            return exit_refused;
        }
        return report(session, last);
    }

    std::string text = std::move(opened->body);
    if (wanted.format == ExportFormat::md) {
        try {
            const auto guide = load_guide();
            text = results_markdown(text, guide.get());
        } catch (const std::exception& e) {
            say_error(e.what());
            return exit_connection;
        }
    } else if (wanted.format == ExportFormat::json && (text.empty() || text.back() != '\n')) {
        text += '\n';
    }
    if (wanted.output.empty()) {
        std::cout << text << std::flush;
        return 0;
    }
    std::ofstream file(wanted.output, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
        say_error("cannot write " + wanted.output);
        return exit_connection;
    }
    std::cout << "game " << id << " saved to " << wanted.output << "\n";
    return 0;
}

// A GET's answer: with --json as the server sent it, else as `text` shows its body.
template <class Text>
int print_answer(const Options& options, const Session& session, const HttpOutcome& outcome,
                 Text text) {
    if (!outcome.reply || outcome.reply->status != 200)
        return report(session, outcome);
    if (options.global.json) {
        std::cout << outcome.reply->body << "\n";
        return 0;
    }
    try {
        std::cout << text(outcome.reply->body);
    } catch (const std::exception& e) {
        say_error(e.what());
        return exit_connection;
    }
    return 0;
}

// The solo leaderboard for one configuration; anyone may read it, so no token is sent.
int leaderboard(const Options& options, const Session& session) {
    const std::string target =
        "/api/solo/leaderboard" + leaderboard_query(options.leaderboard, options.results.limit);
    return print_answer(
        options, session, http_get(session.url, target, {}, session.tls, request_timeout),
        [](std::string_view body) { return leaderboard_text(parse_leaderboard(body)); });
}

// One's own progress: the identity kept in the state folder is the bearer token.
int progress(const Options& options, const Session& session) {
    std::string identity;
    try {
        identity = load_or_create_identity(identity_file());
    } catch (const std::exception& e) {
        say_error(std::string("no identity, so no progress: ") + e.what());
        return exit_connection;
    }
    return print_answer(
        options, session,
        http_get(session.url, "/api/progress", identity, session.tls, request_timeout),
        [](std::string_view body) { return progress_text(parse_progress(body)); });
}

}  // namespace

int run_results_command(const Options& options) {
    Session session;
    session.url = *common::parse_ws_url(options.global.url);  // checked by the command line
    if (session.url.tls) {
        try {
            session.tls = make_client_tls(options.global.ca_file);
        } catch (const std::exception& e) {
            say_error(e.what());
            return exit_connection;
        }
    }
    if (options.command == Command::leaderboard)
        return leaderboard(options, session);
    if (options.command == Command::progress)
        return progress(options, session);
    if (!options.results.token.empty()) {
        session.tokens.push_back(options.results.token);
    } else {
        try {
            session.tokens = tokens_for_server(read_remembered_rooms(remembered_rooms_file()),
                                               server_of(session.url), max_tokens_tried);
            session.remembered = !session.tokens.empty();
        } catch (const std::exception& e) {
            std::cerr << "rapidfire-client: warning: " << e.what() << "\n";
        }
    }
    return options.command == Command::history ? history(options, session)
                                               : export_results(options, session);
}

}  // namespace rapidfire::client
