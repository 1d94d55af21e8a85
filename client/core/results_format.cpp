#include "rapidfire/client/results_format.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <stdexcept>

#include <boost/json.hpp>

#include "rapidfire/client/countdown.hpp"
#include "rapidfire/client/match_text.hpp"
#include "rapidfire/client/summary_markdown.hpp"
#include "rapidfire/client/text_table.hpp"
#include "rapidfire/protocol/codec.hpp"

namespace rapidfire::client {

namespace json = boost::json;

namespace {

json::value parse_json(std::string_view text, const char* what) {
    boost::system::error_code ec;
    auto value = json::parse(json::string_view(text.data(), text.size()), ec);
    if (ec)
        throw std::runtime_error(std::string("the server's ") + what +
                                 " is not JSON: " + ec.message());
    return value;
}

std::string string_of(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || !value->is_string())
        return {};
    return std::string(value->get_string());
}

std::int64_t number_of(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (value == nullptr)
        return 0;
    if (value->is_int64())
        return value->get_int64();
    if (value->is_uint64())
        return static_cast<std::int64_t>(value->get_uint64());
    return 0;
}

// A Markdown table cell: a '|' would end it, a line break would end the row.
std::string cell(std::string text) {
    std::string out;
    for (const char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// How a game ended, in words (the record keeps the wire code).
std::string end_of(const std::string& reason) {
    if (reason.empty())
        return "running";
    if (reason == "ended_by_host")
        return "ended by the host";
    if (reason == "host_gone")
        return "the host left";
    if (reason == "time_up")
        return "time is up";
    return reason;
}

// A game's round in a room: "1", then "2 rematch", "3 rematch"...
std::string round_label(std::int64_t round) {
    return round > 1 ? std::to_string(round) + " rematch" : "1";
}

std::string results_table_markdown(const json::object& record) {
    const auto& game = record.at("game").as_object();
    const auto round = number_of(game, "round");
    std::string md = "# Results: " + string_of(game, "kind") + " " + string_of(game, "code") +
                     (round > 1 ? ", round " + std::to_string(round) + " (rematch)" : "") +
                     " (game " + std::to_string(number_of(game, "id")) + ")\n\n";
    md += "- Host: " + string_of(game, "host") + "\n";
    md += "- Started: " + local_time(number_of(game, "started_at")) + "\n";
    md += "- Questions: " + std::to_string(number_of(game, "questions")) +
          ", players: " + std::to_string(number_of(game, "players")) +
          ", end: " + end_of(string_of(game, "end_reason")) + "\n";
    md += "\n| Rank | Player | Points | Correct | Partial | Wrong | Unanswered | Time |\n";
    md += "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    if (const auto* results = record.if_contains("results"); results && results->is_array()) {
        for (const auto& entry : results->get_array()) {
            const auto& r = entry.as_object();
            md += "| " + std::to_string(number_of(r, "rank")) + " | " +
                  cell(string_of(r, "nickname")) + " | " + std::to_string(number_of(r, "points")) +
                  " | " + std::to_string(number_of(r, "correct")) + " | " +
                  std::to_string(number_of(r, "partial")) + " | " +
                  std::to_string(number_of(r, "wrong")) + " | " +
                  std::to_string(number_of(r, "unanswered")) + " | " +
                  format_seconds(number_of(r, "time_ms")) + " |\n";
        }
    }
    const auto played = number_of(game, "questions");
    if (const auto* questions = record.if_contains("questions");
        questions && questions->is_array()) {
        std::string list;
        for (const auto& entry : questions->get_array()) {
            const auto& q = entry.as_object();
            const auto index = number_of(q, "index");
            if (played > 0 && index >= played)
                continue;  // planned but not reached
            list += std::to_string(index + 1) + ". " + string_of(q, "text") +
                    "\n   - Reference: " + string_of(q, "reference") + "\n";
        }
        if (!list.empty())
            md += "\n## Questions\n\n" + list;
    }
    return md;
}

// Characters (code points), not bytes: names may be "Zoë".
std::size_t text_width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// A run's length as minutes and seconds to the tenth: "3:32.0" (runs last minutes; the tenths
// break ties).
std::string run_time(std::int64_t ms) {
    const std::int64_t tenths = std::max<std::int64_t>(0, ms) / 100;
    const std::int64_t seconds = tenths / 10 % 60;
    return std::to_string(tenths / 600) + ":" + (seconds < 10 ? "0" : "") +
           std::to_string(seconds) + "." + std::to_string(tenths % 10);
}

// %-escapes everything but unreserved characters (RFC 3986).
std::string query_escape(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
        }
    }
    return out;
}

}  // namespace

std::string leaderboard_query(const protocol::RoundSettings& settings, int limit) {
    std::string query = "?limit=" + std::to_string(limit);
    if (settings.mode)
        query += "&mode=" + protocol::name_of(*settings.mode);
    if (settings.clock)
        query += "&clock=" + protocol::name_of(*settings.clock);
    if (settings.seconds)
        query += "&seconds=" + std::to_string(*settings.seconds);
    if (settings.total_seconds)
        query += "&total_seconds=" + std::to_string(*settings.total_seconds);
    if (settings.questions)
        query += "&questions=" + std::to_string(*settings.questions);
    for (const auto& topic : settings.topics)
        query += "&topic=" + query_escape(topic);
    return query;
}

Leaderboard parse_leaderboard(std::string_view body) {
    const auto value = parse_json(body, "leaderboard");
    const auto* runs = value.is_object() ? value.get_object().if_contains("runs") : nullptr;
    const auto* config = value.is_object() ? value.get_object().if_contains("config") : nullptr;
    if (runs == nullptr || !runs->is_array() || config == nullptr || !config->is_object())
        throw std::runtime_error("the server's answer is not a leaderboard");
    Leaderboard board;
    board.bank = string_of(value.get_object(), "bank");
    const auto& c = config->get_object();
    const std::string mode = string_of(c, "mode");
    board.config.mode = mode == "self" ? protocol::AnswerMode::self : protocol::AnswerMode::choice;
    const bool total = string_of(c, "clock") != "per_question";
    board.config.clock = total ? protocol::ClockMode::total : protocol::ClockMode::per_question;
    if (total)
        board.config.total_seconds = static_cast<int>(number_of(c, "total_seconds"));
    else
        board.config.seconds = static_cast<int>(number_of(c, "seconds"));
    board.config.questions = static_cast<int>(number_of(c, "questions"));
    if (const auto* topics = c.if_contains("topics"); topics && topics->is_array()) {
        for (const auto& topic : topics->get_array()) {
            if (topic.is_string())
                board.config.topics.emplace_back(topic.get_string());
        }
    }
    if (const auto* streak = c.if_contains("streak_bonus"); streak && streak->is_bool())
        board.config.streak_bonus = streak->get_bool();
    for (const auto& entry : runs->get_array()) {
        if (!entry.is_object())
            continue;
        const auto& r = entry.get_object();
        board.rows.push_back({static_cast<int>(number_of(r, "rank")), string_of(r, "nickname"),
                              static_cast<int>(number_of(r, "points")),
                              static_cast<int>(number_of(r, "correct")), number_of(r, "run_ms"),
                              number_of(r, "finished_at"), static_cast<int>(number_of(r, "runs"))});
    }
    return board;
}

std::string leaderboard_text(const Leaderboard& board) {
    const auto& c = board.config;
    std::string clock = c.clock == protocol::ClockMode::per_question
                            ? std::to_string(c.seconds.value_or(0)) + " s per question"
                            : "one clock of " + std::to_string(c.total_seconds.value_or(0)) + " s";
    std::string topics = "all topics";
    if (!c.topics.empty()) {
        topics = "topics ";
        for (std::size_t i = 0; i < c.topics.size(); ++i)
            topics += (i > 0 ? ", " : "") + c.topics[i];
    }
    std::string text = "solo leaderboard" + (board.bank.empty() ? "" : " on " + board.bank) + ": " +
                       protocol::name_of(c.mode.value_or(protocol::AnswerMode::choice)) + ", " +
                       std::to_string(c.questions.value_or(0)) + " questions, " + clock + ", " +
                       topics + (c.streak_bonus.value_or(true) ? "" : ", no streak bonus") + "\n";
    if (board.rows.empty())
        return text + "no runs yet with these settings (paused or extended runs do not count)\n";
    const std::vector<std::string> header = {"rank", "player", "points", "correct",
                                             "run",  "runs",   "when"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : board.rows) {
        rows.push_back({std::to_string(r.rank), r.nickname, std::to_string(r.points),
                        std::to_string(r.correct), run_time(r.run_ms), std::to_string(r.runs),
                        local_time(r.finished_at)});
    }
    std::vector<std::size_t> widths(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        widths[i] = text_width(header[i]);
        for (const auto& row : rows)
            widths[i] = std::max(widths[i], text_width(row[i]));
    }
    // Numbers right-aligned, the name and the date left.
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::size_t pad = widths[i] - text_width(cells[i]);
            const bool left = i == 1 || i == 6;
            if (i > 0)
                out += "  ";
            out += left ? cells[i] + (i + 1 < cells.size() ? std::string(pad, ' ') : "")
                        : std::string(pad, ' ') + cells[i];
        }
        return out + "\n";
    };
    text += line(header);
    for (const auto& row : rows)
        text += line(row);
    return text;
}

std::vector<GameListing> parse_game_list(std::string_view body) {
    const auto value = parse_json(body, "list of games");
    const auto* games = value.is_object() ? value.get_object().if_contains("games") : nullptr;
    if (games == nullptr || !games->is_array())
        throw std::runtime_error("the server's answer has no list of games");
    std::vector<GameListing> listings;
    for (const auto& entry : games->get_array()) {
        if (!entry.is_object())
            continue;
        const auto& game = entry.get_object();
        GameListing listing;
        listing.id = number_of(game, "id");
        listing.code = string_of(game, "code");
        if (const auto round = number_of(game, "round"); round > 0)
            listing.round = static_cast<int>(round);
        listing.kind = string_of(game, "kind");
        listing.host = string_of(game, "host");
        listing.started_at = number_of(game, "started_at");
        listing.end_reason = string_of(game, "end_reason");
        listing.players = static_cast<int>(number_of(game, "players"));
        listing.questions = static_cast<int>(number_of(game, "questions"));
        listing.json = json::serialize(game);
        listings.push_back(std::move(listing));
    }
    return listings;
}

std::vector<GameListing> merge_game_lists(const std::vector<std::vector<GameListing>>& lists,
                                          std::size_t limit) {
    std::vector<GameListing> merged;
    for (const auto& list : lists) {
        for (const auto& game : list) {
            const bool seen = std::any_of(merged.begin(), merged.end(),
                                          [&](const GameListing& g) { return g.id == game.id; });
            if (!seen)
                merged.push_back(game);
        }
    }
    std::sort(merged.begin(), merged.end(), [](const GameListing& a, const GameListing& b) {
        return a.started_at != b.started_at ? a.started_at > b.started_at : a.id > b.id;
    });
    if (merged.size() > limit)
        merged.resize(limit);
    return merged;
}

std::string games_table(const std::vector<GameListing>& games) {
    const std::vector<std::string> header{"id",    "when",    "kind",      "code",
                                          "round", "players", "questions", "end"};
    std::vector<std::vector<std::string>> rows{header};
    for (const auto& g : games) {
        rows.push_back({std::to_string(g.id), local_time(g.started_at), g.kind, g.code,
                        round_label(g.round), std::to_string(g.players),
                        std::to_string(g.questions), end_of(g.end_reason)});
    }
    // Numbers line up on the right, words on the left.
    return text_table(rows, {true, false, false, false, false, true, true, false});
}

std::string games_json_lines(const std::vector<GameListing>& games) {
    std::string lines;
    for (const auto& g : games)
        lines += g.json + "\n";
    return lines;
}

std::string results_markdown(std::string_view results_json, const content::StudyGuide* guide) {
    const auto value = parse_json(results_json, "record of the game");
    if (!value.is_object() || !value.get_object().contains("game") ||
        !value.get_object().at("game").is_object()) {
        throw std::runtime_error("the server's record of the game has no game");
    }
    const auto& record = value.get_object();
    // Each summary is the protocol's own summary message: decoded as the client decodes it
    // live, and rendered by the same function as --summary files.
    std::string md;
    if (const auto* summaries = record.if_contains("summaries");
        summaries && summaries->is_array()) {
        for (const auto& entry : summaries->get_array()) {
            auto decoded = protocol::decode_server_message(json::serialize(entry));
            const auto* message = std::get_if<protocol::ServerMessage>(&decoded);
            const auto* summary = message ? std::get_if<protocol::Summary>(message) : nullptr;
            if (summary == nullptr)
                throw std::runtime_error("the record holds a summary this client cannot read");
            if (!md.empty())
                md += "\n";
            md += summary_markdown(*summary, guide);
        }
    }
    if (md.empty())
        return results_table_markdown(record);
    // A matched pair's feedback, kept with its second turn, after both turns' summaries.
    if (const auto* feedback = record.if_contains("feedback"); feedback && feedback->is_array()) {
        std::vector<protocol::FeedbackArea> areas;
        if (guide != nullptr) {
            for (const auto& tip : guide->tips)
                areas.push_back({tip.id, tip.title});
        }
        for (const auto& entry : feedback->get_array()) {
            if (!entry.is_object())
                throw std::runtime_error("the record holds feedback this client cannot read");
            const auto& given = entry.get_object();
            std::vector<protocol::Rating> ratings;
            if (const auto* list = given.if_contains("ratings"); list && list->is_array()) {
                for (const auto& rating : list->get_array()) {
                    if (rating.is_object()) {
                        ratings.push_back(
                            {string_of(rating.get_object(), "area"),
                             static_cast<int>(number_of(rating.get_object(), "score"))});
                    }
                }
            }
            md += "\n" + feedback_markdown(string_of(given, "from"), string_of(given, "to"), true,
                                           ratings, string_of(given, "went_well"),
                                           string_of(given, "work_on"), areas);
        }
    }
    return md;
}

std::string local_time(std::int64_t unix_ms) {
    const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

}  // namespace rapidfire::client
