#include "rapidfire/server/command_line.hpp"

#include <ostream>

#include <boost/program_options.hpp>

#include "rapidfire/core/entropy.hpp"
#include "rapidfire/net/public_url.hpp"
#include "rapidfire/store/store.hpp"

namespace rapidfire::server {

using net::ServerOptions;
namespace po = boost::program_options;

namespace {

bool is_log_level(const std::string& level) {
    for (const char* known : {"trace", "debug", "info", "warn", "error"}) {
        if (level == known)
            return true;
    }
    return false;
}

// Checks what Program_options cannot express; returns the first problem found.
std::optional<std::string> validate(const ServerOptions& o, long long port) {
    if (port < 0 || port > 65535)
        return "--port must be between 0 and 65535";
    if (o.threads < 1 || o.threads > 256)
        return "--threads must be between 1 and 256";
    if (!is_log_level(o.log_level))
        return "--log-level must be trace, debug, info, warn or error";
    if (o.max_room_capacity < 1)
        return "--max-room-capacity must be at least 1";
    if (o.max_match_queue < 1)
        return "--max-match-queue must be at least 1";
    if (o.resume_grace.count() < 0)
        return "--resume-grace must not be negative";
    if (o.max_message_bytes < 256)
        return "--max-message-bytes must be at least 256";
    if (o.max_queue_bytes < 1024)
        return "--max-queue-bytes must be at least 1024";
    if (o.max_messages_per_second < 0)
        return "--max-messages-per-second must not be negative";
    if (o.handshake_timeout.count() < 1)
        return "--handshake-timeout must be at least 1";
    if (o.idle_timeout.count() < 2)
        return "--idle-timeout must be at least 2";
    if (!o.public_url.empty() && !net::parse_public_url(o.public_url))
        return "--public-url must be http(s)://host[:port][/path], without a query";
    if (o.tls_cert.empty() != o.tls_key.empty())
        return "--tls-cert and --tls-key go together: give both or neither";
    if (!o.database.empty()) {
        if (auto problem = store::postgresql_url_problem(o.database))
            return "--database: " + *problem;
    }
    return std::nullopt;
}

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv, std::ostream& out,
                               std::ostream& err) {
    ServerOptions o;
    // On the command line the connection limit follows the open-file limit unless given.
    o.max_connections = 0;
    long long port = o.port;
    std::vector<std::string> banks;
    std::string check_bank;
    std::string guide;
    std::string data_dir = "data";
    std::string tls_cert;
    std::string tls_key;
    long long resume_grace = o.resume_grace.count();
    std::string node_id;
    long long drain_seconds = 0;
    long long handshake_timeout = o.handshake_timeout.count();
    long long idle_timeout = o.idle_timeout.count();
    auto max_connections_per_ip = static_cast<long long>(o.max_connections_per_ip);

    po::options_description description("rapidfire-server options");
    // clang-format off
    description.add_options()
        ("help,h", "print this help and exit")
        ("host", po::value(&o.host)->default_value(o.host), "address to listen on")
        ("port", po::value(&port)->default_value(port), "port to listen on; 0 picks a free port")
        ("bank", po::value(&banks)->composing(),
         "question bank (.json, .md, .csv, Kahoot .csv, .gift, .txt or .tsv); repeatable; "
         "default: the bundled bank")
        ("check-bank", po::value(&check_bank)->value_name("FILE"),
         "load FILE as --bank would, print what was read and exit without serving: 0 when it "
         "loads, 1 with file:line:column: message when it does not")
        ("guide", po::value(&guide), "study guide (.json); default: the bundled guide")
        ("threads", po::value(&o.threads)->default_value(o.threads), "I/O threads")
        ("log-level", po::value(&o.log_level)->default_value(o.log_level),
         "trace, debug, info, warn or error")
        ("max-connections", po::value(&o.max_connections)->default_value(o.max_connections),
         "open connections at most; more are refused with 503; 0: as many as the open-file "
         "limit allows")
        ("max-connections-per-ip",
         po::value(&max_connections_per_ip)->default_value(max_connections_per_ip),
         "open connections from one client address at most; more are refused with 503; "
         "0: no limit")
        ("max-room-capacity", po::value(&o.max_room_capacity)->default_value(o.max_room_capacity),
         "the largest capacity a room may ask for")
        ("max-match-queue", po::value(&o.max_match_queue)->default_value(o.max_match_queue),
         "the most players waiting for an interview partner at once")
        ("resume-grace", po::value(&resume_grace)->default_value(resume_grace),
         "seconds a dropped player's seat is kept for a resume")
        ("node-id", po::value(&node_id),
         "this server's id behind a proxy with several servers: one character of "
         "ABCDEFGHJKMNPQRSTUVWXYZ23456789, unique among them, that starts each of its 7-character "
         "room codes; default: none (6-character codes)")
        ("drain-seconds", po::value(&drain_seconds)->default_value(drain_seconds),
         "after SIGTERM, how long games in play may finish while the server takes no new rooms "
         "(/healthz says draining) before it closes every connection; a second signal closes "
         "them at once; 0: close at once")
        ("max-message-bytes", po::value(&o.max_message_bytes)->default_value(o.max_message_bytes),
         "largest client message; larger ones close the connection with 1009")
        ("max-queue-bytes", po::value(&o.max_queue_bytes)->default_value(o.max_queue_bytes),
         "unsent bytes a client may have queued before it is dropped as too slow")
        ("max-messages-per-second",
         po::value(&o.max_messages_per_second)->default_value(o.max_messages_per_second),
         "messages per second per client (burst: twice this); 0 disables the limit")
        ("handshake-timeout", po::value(&handshake_timeout)->default_value(handshake_timeout),
         "seconds allowed for the WebSocket opening and closing handshakes")
        ("idle-timeout", po::value(&idle_timeout)->default_value(idle_timeout),
         "seconds without traffic before a client is dropped (pings are sent at half)")
        ("data-dir", po::value(&data_dir)->default_value(data_dir),
         "where finished games, answers and solo bests are kept (SQLite); \"\" keeps none")
        ("database", po::value(&o.database),
         "keep the record in PostgreSQL instead of --data-dir, shared by several servers: "
         "postgresql://user@host[:port]/dbname; the password is never in the URL but in the "
         "PGPASSWORD environment variable or a password file (PGPASSFILE, mode 0600)")
        ("allowed-origin", po::value(&o.allowed_origins)->composing(),
         "another browser Origin allowed to open the WebSocket (exact match), besides the "
         "page's own and --public-url's; repeatable")
        ("public-url", po::value(&o.public_url),
         "the address students open, http(s)://host[:port][/path] (behind a proxy or on a LAN): "
         "join links and QR codes use it, and its origin may open the WebSocket; default: the "
         "address in each request's Host header")
        ("tls-cert", po::value(&tls_cert),
         "TLS certificate chain (PEM): serve https:// and wss:// on the port; needs --tls-key")
        ("tls-key", po::value(&tls_key), "the TLS certificate's private key (PEM)");
    // clang-format on

    po::variables_map values;
    try {
        po::store(po::parse_command_line(argc, argv, description), values);
        po::notify(values);
    } catch (const po::error& e) {
        err << "rapidfire-server: " << e.what() << "\n"
            << "Try 'rapidfire-server --help'.\n";
        return {std::nullopt, 2};
    }
    if (values.count("help") != 0) {
        out << "Usage: rapidfire-server [options]\n"
            << "       rapidfire-server --check-bank FILE\n\n"
            << description;
        return {std::nullopt, 0};
    }
    // A one-shot command: the server's own options do not matter to it.
    if (values.count("check-bank") != 0) {
        if (check_bank.empty()) {
            err << "rapidfire-server: --check-bank needs a file\n";
            return {std::nullopt, 2};
        }
        return {std::nullopt, 0, check_bank};
    }

    o.port = static_cast<std::uint16_t>(port);
    for (const auto& bank : banks)
        o.banks.emplace_back(bank);
    o.guide = guide;
    o.data_dir = data_dir;
    o.tls_cert = tls_cert;
    o.tls_key = tls_key;
    o.resume_grace = std::chrono::seconds(resume_grace);
    if (!node_id.empty()) {
        if (node_id.size() != 1 || !core::is_node_id(node_id.front())) {
            err << "rapidfire-server: --node-id must be one character of "
                   "ABCDEFGHJKMNPQRSTUVWXYZ23456789\n";
            return {std::nullopt, 2};
        }
        o.node_id = node_id.front();
    }
    if (drain_seconds < 0) {
        err << "rapidfire-server: --drain-seconds must not be negative\n";
        return {std::nullopt, 2};
    }
    o.drain_timeout = std::chrono::seconds(drain_seconds);
    o.handshake_timeout = std::chrono::seconds(handshake_timeout);
    o.idle_timeout = std::chrono::seconds(idle_timeout);
    if (max_connections_per_ip < 0) {
        err << "rapidfire-server: --max-connections-per-ip must not be negative\n";
        return {std::nullopt, 2};
    }
    o.max_connections_per_ip = static_cast<std::size_t>(max_connections_per_ip);
    if (auto problem = validate(o, port)) {
        err << "rapidfire-server: " << *problem << "\n";
        return {std::nullopt, 2};
    }
    return {std::move(o), 0};
}

}  // namespace rapidfire::server
