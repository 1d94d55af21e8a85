#include "api_routes.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <variant>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/describe/enum_from_string.hpp>
#include <boost/json.hpp>

#include "open_rooms.hpp"
#include "rapidfire/common/constant_time.hpp"
#include "rapidfire/content/bank.hpp"
#include "rapidfire/core/identity.hpp"
#include "rapidfire/core/learning.hpp"
#include "rapidfire/core/round_plan.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/protocol/limits.hpp"
#include "rapidfire/store/store.hpp"
#include "url_query.hpp"

namespace rapidfire::net {

namespace json = boost::json;

namespace {

constexpr int default_limit = 50;
constexpr int max_limit = 500;

ApiResponse error(int status, std::string_view message) {
    json::object body{{"error", json::string_view(message.data(), message.size())}};
    return ApiResponse{status, "application/json", json::serialize(body), {}};
}

ApiResponse json_reply(const json::value& body) {
    return ApiResponse{200, "application/json", json::serialize(body), {}};
}

// "limit=N" in the query, clamped to [1, max_limit].
int limit_of(std::string_view query) {
    int limit = default_limit;
    for (std::size_t start = 0; start < query.size();) {
        const auto end = std::min(query.find('&', start), query.size());
        const auto pair = query.substr(start, end - start);
        if (pair.rfind("limit=", 0) == 0) {
            const auto value = pair.substr(6);
            int parsed = 0;
            if (std::from_chars(value.data(), value.data() + value.size(), parsed).ec ==
                std::errc{}) {
                limit = std::clamp(parsed, 1, max_limit);
            }
        }
        start = end + 1;
    }
    return limit;
}

std::string_view bearer_token(std::string_view authorization) {
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() <= scheme.size() || authorization.substr(0, scheme.size()) != scheme)
        return {};
    return authorization.substr(scheme.size());
}

bool is_admin(const ApiContext& context, std::string_view token) {
    // With no admin token configured, nobody is the admin.
    return !context.admin_token.empty() && common::constant_time_equal(token, context.admin_token);
}

json::value game_json(const store::GameRow& row) {
    json::object game;
    game["id"] = row.id;
    game["code"] = row.code;
    game["round"] = row.round;
    game["kind"] = row.kind;
    game["host"] = row.host;
    game["bank"] = row.bank;
    game["started_at"] = row.started_at;
    game["finished_at"] = row.finished_at ? json::value(*row.finished_at) : json::value(nullptr);
    game["end_reason"] = row.end_reason;
    game["players"] = row.players;
    game["questions"] = row.questions_played;
    return game;
}

json::value record_json(const store::GameRecord& record) {
    json::object out;
    out["game"] = game_json(record.game);
    boost::system::error_code ec;
    out["settings"] = json::parse(record.settings_json, ec);
    json::array questions;
    for (const auto& q : record.questions) {
        json::array topics(q.topics.begin(), q.topics.end());
        questions.push_back(json::object{{"index", q.index},
                                         {"id", q.bank_id},
                                         {"text", q.text},
                                         {"reference", q.reference},
                                         {"topics", std::move(topics)}});
    }
    out["questions"] = std::move(questions);
    json::array results;
    for (const auto& r : record.results) {
        results.push_back(json::object{{"rank", r.rank},
                                       {"player", r.player},
                                       {"nickname", r.nickname},
                                       {"points", r.points},
                                       {"correct", r.correct},
                                       {"partial", r.partial},
                                       {"wrong", r.wrong},
                                       {"unanswered", r.unanswered},
                                       {"time_ms", r.time_ms}});
    }
    out["results"] = std::move(results);
    json::array answers;
    for (const auto& a : record.answers) {
        json::object answer{{"question", a.question},
                            {"player", a.player},
                            {"nickname", a.nickname},
                            {"elapsed_ms", a.elapsed_ms},
                            {"text", a.text},
                            {"verdict", a.verdict},
                            {"points", a.points},
                            {"comment", a.comment},
                            {"tips", json::array(a.tips.begin(), a.tips.end())}};
        answer["choice"] = a.choice ? json::value(*a.choice) : json::value(nullptr);
        answers.push_back(std::move(answer));
    }
    out["answers"] = std::move(answers);
    json::array summaries;
    for (const auto& summary : record.summaries) {
        // The summary is the protocol's own message: the same JSON a client already reads.
        summaries.push_back(json::parse(protocol::encode(protocol::ServerMessage{summary}), ec));
    }
    out["summaries"] = std::move(summaries);
    // A matched interview: what each side said of the other, kept with the pair's last game.
    json::array feedback;
    for (const auto& f : record.feedback) {
        json::array ratings;
        for (const auto& rating : f.ratings)
            ratings.push_back(json::object{{"area", rating.area}, {"score", rating.score}});
        feedback.push_back(json::object{{"from", f.from},
                                        {"to", f.to},
                                        {"at", f.at},
                                        {"ratings", std::move(ratings)},
                                        {"went_well", f.went_well},
                                        {"work_on", f.work_on}});
    }
    out["feedback"] = std::move(feedback);
    return out;
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

// One row per player: the standing, then two columns for each question played: its verdict
// and its points, headed by the question's number and text. A question the player did not
// answer is "unanswered" with 0 points; an answer left unjudged has neither.
std::string results_csv(const store::GameRecord& record) {
    const int played = record.game.questions_played > 0 ? record.game.questions_played
                                                        : static_cast<int>(record.questions.size());
    std::string csv = "rank,nickname,points,correct,partial,wrong,unanswered,time_ms";
    for (int q = 0; q < played; ++q) {
        const auto it = std::find_if(record.questions.begin(), record.questions.end(),
                                     [&](const auto& question) { return question.index == q; });
        const std::string number = "Q" + std::to_string(q + 1);
        const std::string text = it == record.questions.end() ? std::string() : ": " + it->text;
        csv += "," + csv_field(number + " verdict" + text) + "," +
               csv_field(number + " points" + text);
    }
    csv += "\r\n";
    for (const auto& r : record.results) {
        csv += std::to_string(r.rank) + "," + csv_field(r.nickname) + "," +
               std::to_string(r.points) + "," + std::to_string(r.correct) + "," +
               std::to_string(r.partial) + "," + std::to_string(r.wrong) + "," +
               std::to_string(r.unanswered) + "," + std::to_string(r.time_ms);
        for (int q = 0; q < played; ++q) {
            const auto it = std::find_if(
                record.answers.begin(), record.answers.end(),
                [&](const auto& a) { return a.question == q && a.player == r.player; });
            if (it == record.answers.end()) {
                csv += ",unanswered,0";
            } else if (it->verdict.empty()) {
                csv += ",,";
            } else {
                csv += "," + csv_field(it->verdict) + "," + std::to_string(it->points);
            }
        }
        csv += "\r\n";
    }
    return csv;
}

std::optional<int> parse_int(const std::string& text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The solo configuration a leaderboard query names: mode, clock, seconds, total_seconds,
// questions and topic (repeatable) as in create_room's settings, every one left out taking a
// solo run's default, resolved against the bank as a run's settings are. The error says why
// a query names none.
std::variant<protocol::RoundSettings, std::string> leaderboard_settings(std::string_view query,
                                                                        const content::Bank& bank) {
    const auto pairs = query_pairs(query);
    if (!pairs)
        return std::string("the query has a malformed %-escape");
    protocol::RoundSettings requested;
    for (const auto& [key, value] : *pairs) {
        if (key == "mode") {
            if (value == "choice")
                requested.mode = protocol::AnswerMode::choice;
            else if (value == "self")
                requested.mode = protocol::AnswerMode::self;
            else
                return std::string("mode must be choice or self");
        } else if (key == "clock") {
            if (value == "per_question" || value == "per-question")
                requested.clock = protocol::ClockMode::per_question;
            else if (value == "total")
                requested.clock = protocol::ClockMode::total;
            else
                return std::string("clock must be per_question or total");
        } else if (key == "seconds" || key == "total_seconds" || key == "questions") {
            const auto number = parse_int(value);
            if (!number)
                return key + " must be a whole number";
            (key == "seconds"         ? requested.seconds
             : key == "total_seconds" ? requested.total_seconds
                                      : requested.questions) = *number;
        } else if (key == "topic") {
            if (requested.topics.size() >= protocol::max_array_items)
                return std::string("too many topics");
            requested.topics.push_back(value);
        }
    }
    auto resolved = core::resolve_settings(protocol::RoomKind::solo, requested, bank, 1, 0);
    if (const auto* error = std::get_if<protocol::Error>(&resolved)) {
        std::string field = error->field.value_or("");
        if (field.rfind("settings.", 0) == 0)
            field = field.substr(9);
        return (field.empty() ? std::string() : field + ": ") + error->message;
    }
    return std::get<core::ResolvedSettings>(resolved).to_wire();
}

json::value config_json(const protocol::RoundSettings& settings) {
    json::object config;
    const auto clock = settings.clock.value_or(protocol::ClockMode::total);
    config["mode"] = protocol::name_of(settings.mode.value_or(protocol::AnswerMode::choice));
    config["clock"] = protocol::name_of(clock);
    if (clock == protocol::ClockMode::total)
        config["total_seconds"] = settings.total_seconds.value_or(0);
    else
        config["seconds"] = settings.seconds.value_or(0);
    config["questions"] = settings.questions.value_or(0);
    config["topics"] = json::array(settings.topics.begin(), settings.topics.end());
    config["streak_bonus"] = settings.streak_bonus.value_or(true);
    return config;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id <= 0)
        return std::nullopt;
    return id;
}

bool is_api_path(std::string_view path) {
    return path == "/api" || path.rfind("/api/", 0) == 0;
}

constexpr std::string_view rooms_path = "/api/rooms";
constexpr std::string_view topics_path = "/api/topics";

// GET /api/topics: the bank's topics and how many questions each has, for the forms that ask
// for topics (matching, a room's settings).
ApiResponse bank_topics_reply(const ApiContext& context) {
    if (context.bank_content == nullptr)
        return error(404, "this server has no bank");
    std::map<std::string, int> counts;
    for (const auto& question : context.bank_content->questions) {
        for (const auto& topic : question.topics)
            ++counts[topic];
    }
    json::array topics;
    for (const auto& [topic, questions] : counts)
        topics.push_back(json::object{{"topic", topic}, {"questions", questions}});
    return json_reply(json::object{{"bank", context.bank_content->title},
                                   {"questions", context.bank_content->questions.size()},
                                   {"topics", std::move(topics)}});
}

// GET /api/rooms?kind=K&topic=T: what list_rooms answers over the WebSocket.
ApiResponse open_rooms_reply(std::string_view query, const ApiContext& context) {
    if (context.open_rooms == nullptr)
        return error(404, "this server lists no open rooms");
    const auto pairs = query_pairs(query);
    if (!pairs)
        return error(400, "the query has a malformed %-escape");
    std::optional<protocol::RoomKind> kind;
    std::optional<std::string> topic;
    for (const auto& [key, value] : *pairs) {
        // An empty value filters nothing: it is what a form's "any" choice sends.
        if (value.empty())
            continue;
        if (key == "kind") {
            protocol::RoomKind named{};
            if (!boost::describe::enum_from_string(value.c_str(), named))
                return error(400, "kind must be quiz, interview or solo");
            kind = named;
        } else if (key == "topic") {
            topic = value;
        }
    }
    auto listed = context.open_rooms->list(kind, std::move(topic), context.now);
    if (const auto* refused = std::get_if<protocol::Error>(&listed))
        return error(400, refused->message);
    // The protocol's own room_list without its type: the same objects a client already reads.
    const auto message = json::parse(
        protocol::encode(protocol::ServerMessage{std::get<protocol::RoomList>(std::move(listed))}));
    json::object body;
    for (const auto& [key, value] : message.as_object()) {
        if (key != "type")
            body.emplace(key, value);
    }
    return json_reply(body);
}

json::value topic_progress_json(const core::learning::TopicProgress& p) {
    json::object topic;
    if (!p.topic.empty())
        topic["topic"] = p.topic;
    topic["questions"] = p.questions;
    topic["due"] = p.due;
    topic["learnt"] = p.learnt;
    topic["new"] = p.fresh;
    topic["retention"] = p.retention ? json::value(*p.retention) : json::value(nullptr);
    return topic;
}

// One identity's progress on the bank: its secret is the bearer token, looked up by digest.
ApiResponse progress_reply(std::string_view identity, const ApiContext& context) {
    if (context.bank_content == nullptr)
        return error(404, "this server has no bank");
    if (identity.empty())
        return error(401, "progress needs your identity (Authorization: Bearer ...)");
    if (!protocol::is_valid_identity(identity))
        return error(400, "that is not an identity: 22 to " +
                              std::to_string(protocol::max_identity_chars) +
                              " letters, digits, '-' or '_'");
    const auto cards = context.store->cards(core::identity_digest(identity), context.bank);
    auto topics = core::learning::progress(*context.bank_content, cards, context.now);
    const auto whole = topics.back();
    topics.pop_back();
    json::array per_topic;
    for (const auto& topic : topics)
        per_topic.push_back(topic_progress_json(topic));
    const auto next = core::learning::next_due(cards, context.now);
    return json_reply(json::object{{"bank", context.bank},
                                   {"as_of", context.now},
                                   {"topics", std::move(per_topic)},
                                   {"total", topic_progress_json(whole)},
                                   {"next_due", next ? json::value(*next) : json::value(nullptr)}});
}

}  // namespace

bool reads_record(std::string_view path) {
    return is_api_path(path) && path != rooms_path && path != topics_path;
}

std::optional<ApiResponse> answer_api(const ApiRequest& request, const ApiContext& context) {
    const auto query_at = request.target.find('?');
    const std::string_view path = request.target.substr(0, query_at);
    const std::string_view query = query_at == std::string_view::npos
                                       ? std::string_view{}
                                       : request.target.substr(query_at + 1);
    if (!is_api_path(path))
        return std::nullopt;
    if (request.method != "GET" && request.method != "HEAD")
        return error(405, "only GET is supported");
    if (path == rooms_path)
        return open_rooms_reply(query, context);
    if (path == topics_path)
        return bank_topics_reply(context);
    if (!context.store)
        return error(404, "this server keeps no record of games (start it with --data-dir)");
    const std::string_view token = bearer_token(request.authorization);
    auto& store = *context.store;

    try {
        if (path == "/api/games") {
            // Without a token: finished games, for anyone. With a host token: that host's
            // games; with the admin token: every game, running ones too.
            const int limit = limit_of(query);
            std::vector<store::GameRow> rows;
            if (is_admin(context, token)) {
                rows = store.recent_games(limit);
            } else if (!token.empty()) {
                rows = store.games_of_host(token, limit);
            } else {
                rows = store.recent_games(limit, true);
            }
            json::array games;
            for (const auto& row : rows)
                games.push_back(game_json(row));
            return json_reply(json::object{{"games", std::move(games)}});
        }
        if (path == "/api/solo/leaderboard") {
            // One configuration's board: runs are compared only with runs of the same settings.
            if (context.bank_content == nullptr)
                return error(404, "this server has no bank");
            auto settings = leaderboard_settings(query, *context.bank_content);
            if (const auto* why = std::get_if<std::string>(&settings))
                return error(400, *why);
            const auto& config = std::get<protocol::RoundSettings>(settings);
            json::array runs;
            int rank = 0;
            for (const auto& run : store.solo_leaderboard(
                     store::run_config_key(context.bank, config), limit_of(query))) {
                runs.push_back(json::object{{"rank", ++rank},
                                            {"nickname", run.nickname},
                                            {"points", run.points},
                                            {"correct", run.correct},
                                            {"run_ms", run.run_ms},
                                            {"finished_at", run.finished_at},
                                            {"runs", run.runs},
                                            {"game", run.game_id}});
            }
            return json_reply(json::object{{"bank", context.bank},
                                           {"config", config_json(config)},
                                           {"runs", std::move(runs)}});
        }
        if (path == "/api/progress")
            return progress_reply(token, context);
        constexpr std::string_view games_prefix = "/api/games/";
        if (path.rfind(games_prefix, 0) == 0) {
            const auto rest = path.substr(games_prefix.size());
            const auto slash = rest.find('/');
            const auto file =
                slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
            const auto id = parse_id(rest.substr(0, slash));
            if (!id || (file != "results.json" && file != "results.csv"))
                return error(404, "not found");
            // Results need a token. With one, a game that does not exist says so: whether an
            // id is in use is no secret (ids are sequential, and finished games are listed to
            // anyone). An existing game's results need its host token or the admin token.
            if (token.empty())
                return error(401, "results need the game's host token (Authorization: Bearer ...)");
            if (!store.has_game(*id))
                return error(404, "no such game");
            if (!is_admin(context, token) && !store.is_host_of(*id, token))
                return error(403, "that token does not open this game's results");
            const auto record = store.game(*id);
            if (!record)
                return error(404, "no such game");
            const std::string name = "rapidfire-game-" + std::to_string(*id);
            if (file == "results.csv")
                return ApiResponse{200, "text/csv; charset=utf-8", results_csv(*record),
                                   name + ".csv"};
            auto reply = json_reply(record_json(*record));
            reply.attachment = name + ".json";
            return reply;
        }
    } catch (const store::StoreError& e) {
        // The details name the database (host, user): they go to the log, not to the client.
        spdlog::warn("api: {} {}: {}", request.method, path, e.what());
        if (e.retryable())
            return error(503, "the record cannot be reached now: try again shortly");
        return error(500, "the record could not be read");
    } catch (const std::exception& e) {
        spdlog::error("api: {} {}: {}", request.method, path, e.what());
        return error(500, "the record could not be read");
    }
    return error(404, "not found");
}

}  // namespace rapidfire::net
