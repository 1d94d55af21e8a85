// The report of `rapidfire-bench --match`: a table on the terminal and a JSON file.

#include <ostream>

#include <boost/json/value.hpp>

#include "match_run.hpp"
#include "report_json.hpp"
#include "report_text.hpp"

namespace rapidfire::bench {

namespace {

// Memory the connected peers, or the burst, added per peer.
double kib_per_peer(std::uint64_t from, std::uint64_t to, int peers) {
    if (peers <= 0 || to < from)
        return 0;
    return static_cast<double>(to - from) / 1024.0 / peers;
}

void print_process(std::ostream& out, const MatchProcessFigures& p, int peers) {
    row(out, "memory idle", format("%.1f MiB", in_mib(p.rss_idle)));
    row(out, "memory, peers connected",
        format("%.1f MiB  (%.2f KiB per peer)", in_mib(p.rss_connected),
               kib_per_peer(p.rss_idle, p.rss_connected, peers)));
    row(out, "memory, burst (peak)",
        format("%.1f MiB  (%.2f KiB per peer over connected)", in_mib(p.rss_peak),
               kib_per_peer(p.rss_connected, p.rss_peak, peers)));
    row(out, "CPU while connecting", format("%.2f s", p.cpu_open_s));
    // /proc counts in 10 ms ticks: a burst's few hundredths are rough.
    row(out, "CPU over the burst", format("%.2f s (10 ms ticks)", p.cpu_burst_s));
}

boost::json::object process_json(const MatchProcessFigures& p) {
    return {{"rss_idle_bytes", p.rss_idle},
            {"rss_connected_bytes", p.rss_connected},
            {"rss_burst_peak_bytes", p.rss_peak},
            {"cpu_open_s", p.cpu_open_s},
            {"cpu_burst_s", p.cpu_burst_s}};
}

}  // namespace

void print_match(std::ostream& out, const MatchResults& r) {
    const auto& o = r.options;
    out << format(
        "rapidfire-bench --match: %d peers (%d interviewer, %d candidate, %d either), %d "
        "thread(s), seed %llu\n",
        r.peers, r.interviewers, r.candidates, r.either, o.threads,
        static_cast<unsigned long long>(r.seed));
    print_setup_notes(out, r);

    out << "connect\n";
    row(out, "peers welcomed", format("%d of %d in %.3f s", r.welcomed, r.peers, r.open_s));
    row(out, "connect (TCP+WS+welcome)", latency_text(r.connect));

    out << "burst\n";
    row(out, "match_join sent",
        format("%d, the first to the last in %.1f ms", r.joins_sent, r.burst_spread_s * 1000));
    row(out, "paired",
        format("%d of %d (%d unpaired), %d rooms", r.paired, r.peers, r.unpaired(), r.rooms));
    row(out, "first join -> last found", format("%.3f s", r.burst_to_last_found_s));
    row(out, "join -> match_proposed", latency_text(r.join_to_proposed));
    row(out, "join -> match_found", latency_text(r.join_to_found));
    row(out, "match_status received", format("%llu", static_cast<unsigned long long>(r.statuses)));
    row(out, "match_proposed received",
        format("%llu", static_cast<unsigned long long>(r.proposals)));
    row(out, "messages",
        format("%llu to the server, %llu from it",
               static_cast<unsigned long long>(r.messages_to_server),
               static_cast<unsigned long long>(r.messages_from_server)));

    if (r.server) {
        out << format("server (pid %d)\n", o.server_pid);
        print_process(out, *r.server, r.peers);
    }
    out << "bench\n";
    print_process(out, r.bench, r.peers);
    out << format("machine (%d cores), over the burst window of %.3f s\n", r.cores,
                  r.burst_window_s);
    row(out, "CPU busy over the burst", format("%.2f s", r.machine_cpu_burst_s));
    row(out, "steal over the burst", format("%.2f s", r.steal_burst_s));

    out << "outcome\n";
    print_errors(out, r);
    if (r.stalled)
        row(out, "stalled", "nothing came from the server for 25 s with peers waiting");
    out << (r.clean() ? "RESULT: ok" : "RESULT: FAILED")
        << format(" peers=%d paired=%d errors=%llu\n", r.peers, r.paired,
                  static_cast<unsigned long long>(r.error_total));
}

bool write_match_json(const std::string& path, const MatchResults& r) {
    boost::json::object json{
        {"config", config_json(r, {{"match", r.options.match}})},
        {"notes", notes_json(r)},
        {"mix",
         {{"interviewer", r.interviewers}, {"candidate", r.candidates}, {"either", r.either}}},
        {"connect",
         {{"welcomed", r.welcomed}, {"open_s", r.open_s}, {"latency", latency_json(r.connect)}}},
        {"burst",
         {{"joins_sent", r.joins_sent},
          {"spread_s", r.burst_spread_s},
          {"paired", r.paired},
          {"unpaired", r.unpaired()},
          {"rooms", r.rooms},
          {"first_join_to_last_found_s", r.burst_to_last_found_s},
          {"join_to_proposed", latency_json(r.join_to_proposed)},
          {"join_to_found", latency_json(r.join_to_found)},
          {"match_status_received", r.statuses},
          {"match_proposed_received", r.proposals},
          {"messages_to_server", r.messages_to_server},
          {"messages_from_server", r.messages_from_server}}},
        {"bench", process_json(r.bench)},
        {"machine",
         {{"cores", r.cores},
          {"burst_window_s", r.burst_window_s},
          {"cpu_busy_burst_s", r.machine_cpu_burst_s},
          {"steal_burst_s", r.steal_burst_s}}},
        {"peers", r.peers},
        {"paired", r.paired},
        {"errors", r.error_total},
        {"errors_by_kind", errors_json(r.errors)},
        {"timed_out", r.timed_out},
        {"stalled", r.stalled},
        {"ok", r.clean()}};
    if (r.server)
        json["server"] = process_json(*r.server);
    return write_json_file(path, json);
}

}  // namespace rapidfire::bench
