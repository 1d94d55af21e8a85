#include "bench_options.hpp"

#include <ostream>

#include <boost/program_options.hpp>

namespace rapidfire::bench {

namespace po = boost::program_options;

namespace {

// What program_options cannot check; the first problem found.
std::optional<std::string> validate(const BenchOptions& o) {
    if (o.rooms < 1 || o.rooms > 10'000)
        return "--rooms must be between 1 and 10000";
    if (o.players < 1 || o.players > 100'000)
        return "--players must be between 1 and 100000";
    if (static_cast<long long>(o.rooms) * o.players > 200'000)
        return "--rooms x --players must be at most 200000";
    if (o.questions < 1 || o.questions > 1000)
        return "--questions must be between 1 and 1000";
    if (o.seconds < 1)
        return "--seconds must be at least 1";
    if (o.reveal_seconds < 1)
        return "--reveal-seconds must be at least 1 (0 would wait for a host skip)";
    if (o.think_ms < 0)
        return "--think-ms must not be negative";
    if (o.think_ms >= o.seconds * 1000)
        return "--think-ms must be shorter than the question time (--seconds)";
    if (o.start_spread_ms < 0 || o.start_spread_ms > 600'000)
        return "--start-spread-ms must be between 0 and 600000";
    if (o.threads < 1 || o.threads > 64)
        return "--threads must be between 1 and 64";
    if (o.connect_rate < 0)
        return "--connect-rate must not be negative";
    if (o.connect_window < 1)
        return "--connect-window must be at least 1";
    if (o.source_addresses < 0 || o.source_addresses > 250)
        return "--source-addresses must be between 0 and 250";
    if (o.server_pid < 0)
        return "--server-pid must not be negative";
    if (o.timeout_seconds < 1)
        return "--timeout must be at least 1";
    if (o.floor_bytes < 200 || o.floor_bytes > 16'000)
        return "--floor-bytes must be between 200 and 16000";
    if (o.record != 0) {
        if (o.record < 1 || o.record > 100'000)
            return "--record must be between 1 and 100000";
        if (o.floor || o.match != 0)
            return "--record, --match and --floor are different runs: give one";
    }
    if (!o.database.empty() && o.record == 0)
        return "--database is for --record runs";
    if (o.match != 0) {
        // Pairs only: an odd peer out could never be paired.
        if (o.match < 2 || o.match > 100'000 || o.match % 2 != 0)
            return "--match must be an even number between 2 and 100000";
        if (o.floor)
            return "--match and --floor are different runs: give one";
    }
    return std::nullopt;
}

}  // namespace

ParsedOptions parse_bench_options(int argc, const char* const* argv, std::ostream& out,
                                  std::ostream& err) {
    BenchOptions o;
    bool no_leaderboard = false;
    po::options_description description("rapidfire-bench options");
    // clang-format off
    description.add_options()
        ("help,h", "print this help and exit")
        ("url", po::value(&o.url)->default_value(o.url), "the server's WebSocket URL (loopback only)")
        ("rooms", po::value(&o.rooms)->default_value(o.rooms), "rooms to create")
        ("players", po::value(&o.players)->default_value(o.players),
         "players per room (each room is created with this capacity)")
        ("questions", po::value(&o.questions)->default_value(o.questions), "questions per game")
        ("seconds", po::value(&o.seconds)->default_value(o.seconds), "seconds per question")
        ("reveal-seconds", po::value(&o.reveal_seconds)->default_value(o.reveal_seconds),
         "seconds between the reveal and the next question")
        ("no-leaderboard", po::bool_switch(&no_leaderboard),
         "create rooms without standings between questions")
        ("think-ms", po::value(&o.think_ms)->default_value(o.think_ms),
         "each player answers after a random delay up to this; 0 = all at once")
        ("start-spread-ms", po::value(&o.start_spread_ms)->default_value(o.start_spread_ms),
         "each host sends start after a random delay up to this; 0 = every room at once")
        ("threads", po::value(&o.threads)->default_value(o.threads),
         "client threads (connections are spread over them)")
        ("connect-rate", po::value(&o.connect_rate)->default_value(o.connect_rate),
         "new player connections a second; 0 = no pacing")
        ("connect-window", po::value(&o.connect_window)->default_value(o.connect_window),
         "players connecting or joining at once")
        ("source-addresses",
         po::value(&o.source_addresses)->default_value(o.source_addresses),
         "connect from 127.0.0.1 .. 127.0.0.N in turn, to stay under a per-address connection "
         "limit; 0 = one address per 500 connections (IPv4 loopback URLs only)")
        ("server-pid", po::value(&o.server_pid)->default_value(o.server_pid),
         "the server's pid, for its memory and CPU time from /proc")
        ("json", po::value(&o.json_path), "also write the results to this file as JSON")
        ("timeout", po::value(&o.timeout_seconds)->default_value(o.timeout_seconds),
         "seconds after which the bench stops, finished or not")
        ("seed", po::value(&o.seed)->default_value(o.seed),
         "seed for think times and choices; 0 = random")
        ("floor", po::bool_switch(&o.floor),
         "measure the floor instead of a server: a minimal sender (a child process) writes one "
         "question frame to --rooms x --players connections, --questions times, read as in a "
         "game; --url is not used")
        ("floor-bytes", po::value(&o.floor_bytes)->default_value(o.floor_bytes),
         "the floor's frame size in bytes")
        ("match", po::value(&o.match)->default_value(o.match),
         "measure the matching queue instead of games: N peers (even) connect, then all send "
         "match_join at once (interviewers, candidates and either, on topics of the bundled "
         "bank, a mix that always pairs), confirm the partner proposed and close at "
         "match_found; uses --url, --threads, --seed, --timeout, --server-pid, --json; "
         "--rooms and the game options are not used")
        ("record", po::value(&o.record)->default_value(o.record),
         "measure the record instead of a server: write a game of N players with identities and "
         "--questions questions (their answers, then its end, which moves N x questions FSRS "
         "cards), twice, and time each end; uses --questions, --seed, --database")
        ("database", po::value(&o.database),
         "--record: a postgresql:// URL to measure instead of SQLite in a scratch folder");
    // clang-format on

    po::variables_map values;
    try {
        po::store(po::parse_command_line(argc, argv, description), values);
        po::notify(values);
    } catch (const po::error& e) {
        err << "rapidfire-bench: " << e.what() << "\nTry 'rapidfire-bench --help'.\n";
        return {std::nullopt, 2};
    }
    if (values.count("help") != 0) {
        out << "Usage: rapidfire-bench [options]\n\n"
            << "Plays whole quiz games against a running rapidfire server: --rooms rooms of\n"
            << "--players players each, plus one host connection per room. With --match N it\n"
            << "pairs N peers through the matching queue instead; with --floor it measures a\n"
            << "minimal sender.\n\n"
            << description;
        return {std::nullopt, 0};
    }
    o.show_leaderboard = !no_leaderboard;
    if (auto problem = validate(o)) {
        err << "rapidfire-bench: " << *problem << "\n";
        return {std::nullopt, 2};
    }
    return {std::move(o), 0};
}

}  // namespace rapidfire::bench
