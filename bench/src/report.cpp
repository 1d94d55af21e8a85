#include "report.hpp"

#include <algorithm>
#include <ostream>

#include <boost/json/value.hpp>

#include "report_json.hpp"
#include "report_text.hpp"

namespace rapidfire::bench {

namespace {

constexpr double kib = 1024.0;

double per_second(std::uint64_t count, double seconds) {
    return seconds > 0 ? static_cast<double>(count) / seconds : 0;
}

// CPU microseconds per message the bench read from the server: the server's cost of a
// message, its share of the kernel's work included.
double micros_per(double cpu_seconds, std::uint64_t messages) {
    return messages > 0 ? cpu_seconds * 1e6 / static_cast<double>(messages) : 0;
}

double per_player(std::uint64_t messages, int players) {
    return players > 0 ? static_cast<double>(messages) / players : 0;
}

std::string traffic_text(const Traffic& t) {
    return format("to server %9.0f/s  from server %9.0f/s  (%.1f MiB/s out of the server)",
                  per_second(t.to_server, t.seconds), per_second(t.from_server, t.seconds),
                  in_mib(per_second(t.bytes_from_server, t.seconds)));
}

// Server memory per player connected in the lobby: (lobby - idle) / players.
double lobby_bytes_per_player(const ProcessFigures& p, int players) {
    if (players <= 0 || p.rss_lobby < p.rss_idle)
        return 0;
    return static_cast<double>(p.rss_lobby - p.rss_idle) / players;
}

double play_bytes_per_player(const ProcessFigures& p, int players) {
    if (players <= 0 || p.rss_play_peak < p.rss_idle)
        return 0;
    return static_cast<double>(p.rss_play_peak - p.rss_idle) / players;
}

void print_process(std::ostream& out, const ProcessFigures& p, int players) {
    row(out, "memory idle", format("%.1f MiB", in_mib(p.rss_idle)));
    row(out, "memory, lobby full",
        format("%.1f MiB  (%.2f KiB per player)", in_mib(p.rss_lobby),
               lobby_bytes_per_player(p, players) / kib));
    row(out, "memory, in play (peak)",
        format("%.1f MiB  (%.2f KiB per player)", in_mib(p.rss_play_peak),
               play_bytes_per_player(p, players) / kib));
    row(out, "CPU while filling", format("%.2f s", p.cpu_fill_s));
    row(out, "CPU while playing", format("%.2f s", p.cpu_play_s));
}

boost::json::object traffic_json(const Traffic& t) {
    return {{"seconds", t.seconds},
            {"messages_to_server", t.to_server},
            {"messages_from_server", t.from_server},
            {"bytes_to_server", t.bytes_to_server},
            {"bytes_from_server", t.bytes_from_server},
            {"messages_to_server_per_s", per_second(t.to_server, t.seconds)},
            {"messages_from_server_per_s", per_second(t.from_server, t.seconds)}};
}

boost::json::object process_json(const ProcessFigures& p, int players) {
    return {{"rss_idle_bytes", p.rss_idle},
            {"rss_lobby_bytes", p.rss_lobby},
            {"rss_play_peak_bytes", p.rss_play_peak},
            {"lobby_bytes_per_player", lobby_bytes_per_player(p, players)},
            {"play_bytes_per_player", play_bytes_per_player(p, players)},
            {"cpu_fill_s", p.cpu_fill_s},
            {"cpu_play_s", p.cpu_play_s}};
}

}  // namespace

void print_report(std::ostream& out, const BenchResults& r) {
    const auto& o = r.options;
    out << format(
        "rapidfire-bench: %d room(s) x %d players, %d question(s) of %d s, reveal %d s, "
        "think window %d ms, starts spread over %d ms, leaderboard %s, %d thread(s), seed %llu\n",
        o.rooms, o.players, o.questions, o.seconds, o.reveal_seconds, o.think_ms, o.start_spread_ms,
        o.show_leaderboard ? "on" : "off", o.threads, static_cast<unsigned long long>(r.seed));
    print_setup_notes(out, r);

    out << "fill\n";
    row(out, "rooms created", format("%d of %d in %.3f s", r.rooms_created, o.rooms, r.create_s));
    row(out, "players connected",
        format("%d in %.3f s  (%.0f connections/s)", r.players_open, r.open_s,
               per_second(static_cast<std::uint64_t>(r.players_open), r.open_s)));
    row(out, "players joined",
        format("%d of %d in %.3f s  (%.0f joins/s)", r.players_joined, r.players_expected, r.fill_s,
               per_second(static_cast<std::uint64_t>(r.players_joined), r.fill_s)));
    row(out, "hosts saw full rooms", format("after %.3f s", r.rooms_full_s));
    row(out, "connect (TCP+WS+welcome)", latency_text(r.connect));
    row(out, "join -> joined", latency_text(r.join));
    row(out, "messages", traffic_text(r.fill_traffic));
    row(out, "messages per player",
        format("%.1f from the server while the rooms filled",
               per_player(r.fill_traffic.from_server, r.players_joined)));

    out << "play\n";
    row(out, "games", format("%d of %d over, %.3f s", r.rooms_over, r.rooms_created, r.play_s));
    row(out, "answers",
        format("%llu sent, %llu accepted", static_cast<unsigned long long>(r.answers_sent),
               static_cast<unsigned long long>(r.answers_accepted)));
    row(out, "question fan-out", latency_text(r.fanout));
    for (std::size_t q = 0; q < r.fanout_by_question.size(); ++q) {
        row(out, format("  question %zu", q).c_str(), latency_text(r.fanout_by_question[q]));
    }
    row(out, "answer -> answer_accepted", latency_text(r.ack));
    row(out, "messages", traffic_text(r.play_traffic));

    if (r.server) {
        out << format("server (pid %d)\n", o.server_pid);
        print_process(out, *r.server, r.players_joined);
        row(out, "CPU per message sent",
            format("%.1f us filling, %.1f us playing",
                   micros_per(r.server->cpu_fill_s, r.fill_traffic.from_server),
                   micros_per(r.server->cpu_play_s, r.play_traffic.from_server)));
    }
    out << "bench\n";
    print_process(out, r.bench, r.players_joined);

    out << format("machine (%d cores)\n", r.cores);
    const auto others = [&](double machine, double server, double bench) {
        // /proc/stat and the per-process times are sampled apart: clamp the small negatives.
        const double rest = std::max(0.0, machine - server - bench);
        return format("%.2f s  (%.2f s by %s)", machine, rest,
                      r.server ? "other processes" : "processes other than the bench");
    };
    row(out, "CPU busy while filling",
        others(r.machine_cpu_fill_s, r.server ? r.server->cpu_fill_s : 0, r.bench.cpu_fill_s));
    row(out, "CPU busy while playing",
        others(r.machine_cpu_play_s, r.server ? r.server->cpu_play_s : 0, r.bench.cpu_play_s));
    row(out, "steal while filling / playing",
        format("%.2f / %.2f s", r.steal_fill_s, r.steal_play_s));

    out << "outcome\n";
    row(out, "players finished", format("%d of %d", r.players_finished, o.rooms * o.players));
    print_errors(out, r);
    out << (r.clean() ? "RESULT: ok" : "RESULT: FAILED")
        << format(" players=%d finished=%d errors=%llu\n", o.rooms * o.players, r.players_finished,
                  static_cast<unsigned long long>(r.error_total));
}

bool write_json(const std::string& path, const BenchResults& r) {
    const auto& o = r.options;
    boost::json::array by_question;
    for (const auto& summary : r.fanout_by_question)
        by_question.emplace_back(latency_json(summary));

    boost::json::object json{
        {"config", config_json(r, {{"rooms", o.rooms},
                                   {"players", o.players},
                                   {"questions", o.questions},
                                   {"seconds", o.seconds},
                                   {"reveal_seconds", o.reveal_seconds},
                                   {"show_leaderboard", o.show_leaderboard},
                                   {"think_ms", o.think_ms},
                                   {"start_spread_ms", o.start_spread_ms}})},
        {"notes", notes_json(r)},
        {"fill",
         {{"rooms_created", r.rooms_created},
          {"create_s", r.create_s},
          {"players_open", r.players_open},
          {"open_s", r.open_s},
          {"connections_per_s", per_second(static_cast<std::uint64_t>(r.players_open), r.open_s)},
          {"players_joined", r.players_joined},
          {"fill_s", r.fill_s},
          {"rooms_full_s", r.rooms_full_s},
          {"connect_latency", latency_json(r.connect)},
          {"join_latency", latency_json(r.join)},
          {"traffic", traffic_json(r.fill_traffic)},
          {"messages_per_player", per_player(r.fill_traffic.from_server, r.players_joined)}}},
        {"play",
         {{"rooms_over", r.rooms_over},
          {"play_s", r.play_s},
          {"answers_sent", r.answers_sent},
          {"answers_accepted", r.answers_accepted},
          {"fanout_latency", latency_json(r.fanout)},
          {"fanout_latency_by_question", by_question},
          {"ack_latency", latency_json(r.ack)},
          {"traffic", traffic_json(r.play_traffic)}}},
        {"bench", process_json(r.bench, r.players_joined)},
        {"machine",
         {{"cores", r.cores},
          {"cpu_busy_fill_s", r.machine_cpu_fill_s},
          {"cpu_busy_play_s", r.machine_cpu_play_s},
          {"steal_fill_s", r.steal_fill_s},
          {"steal_play_s", r.steal_play_s}}},
        {"players", o.rooms * o.players},
        {"players_finished", r.players_finished},
        {"errors", r.error_total},
        {"errors_by_kind", errors_json(r.errors)},
        {"timed_out", r.timed_out},
        {"ok", r.clean()}};
    if (r.server) {
        auto server = process_json(*r.server, r.players_joined);
        server["cpu_us_per_message_fill"] =
            micros_per(r.server->cpu_fill_s, r.fill_traffic.from_server);
        server["cpu_us_per_message_play"] =
            micros_per(r.server->cpu_play_s, r.play_traffic.from_server);
        json["server"] = std::move(server);
    }
    return write_json_file(path, json);
}

}  // namespace rapidfire::bench
