#pragma once
// Everything an operator can set on the command line. Plain data: no networking headers, so
// main.cpp and the tests include it cheaply.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rapidfire::net {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;                 // 0: the kernel picks a free port
    std::vector<std::filesystem::path> banks;  // empty: the bundled bank
    std::filesystem::path guide;               // empty: the bundled study guide
    int threads = 1;
    std::string log_level = "info";

    std::size_t max_connections = 20'000;  // open TCP connections, HTTP and WebSocket
    // Open TCP connections from one client address; 0: no limit. High, so a classroom behind
    // one NAT address never meets it; it stops one host from taking every connection.
    std::size_t max_connections_per_ip = 1'000;
    int max_room_capacity = 10'000;  // the largest capacity a room may ask for
    std::chrono::seconds resume_grace{120};
    // Players waiting for an interview partner at once (proposed pairs included).
    std::size_t max_match_queue = 10'000;
    // One of several servers behind a proxy: this character (of the room code alphabet) starts
    // every room code the server hands out, so the proxy finds a room's server by its code.
    std::optional<char> node_id;
    // After SIGTERM: how long running games may go on while the server takes no new rooms
    // (health says "draining"); then every connection is closed. 0: close at once.
    std::chrono::seconds drain_timeout{0};

    std::size_t max_message_bytes = 16 * 1024;   // one client frame
    std::size_t max_queue_bytes = 1024 * 1024;   // unsent bytes per client before it is dropped
    double max_messages_per_second = 20;         // 0 disables the limit; the burst is twice this
    std::chrono::seconds handshake_timeout{10};  // WebSocket opening and closing handshakes
    std::chrono::seconds idle_timeout{30};       // silence before a client is dropped
    // Browser Origins allowed to open /ws besides the page's own (the scheme and the request's
    // Host) and public_url's.
    std::vector<std::string> allowed_origins;
    // Where students open the page (http(s)://host[:port][/path]): the join links and QR codes
    // use it, and its origin may open /ws. Empty: the address in each request's Host header.
    std::string public_url;
    // The browser client's files; empty: bundled_web_dir() (client/web, $RAPIDFIRE_WEB_DIR).
    std::filesystem::path web_dir;

    // Both or neither (PEM): the port serves https:// and wss:// to clients that start a TLS
    // handshake, and a 400 to plain HTTP.
    std::filesystem::path tls_cert;  // the certificate chain, the server's own first
    std::filesystem::path tls_key;

    // Where the record of games is kept (SQLite); empty: no record. The command line's
    // default is ./data.
    std::filesystem::path data_dir;
    // Where the record is kept instead when several servers share it: a PostgreSQL URL,
    // postgresql://user@host[:port]/dbname, without a password (libpq reads PGPASSWORD or the
    // password file). Empty: data_dir.
    std::string database;
    // Opens every game's results over /api (from $RAPIDFIRE_ADMIN_TOKEN); empty: none.
    std::string admin_token;

    // Not a flag: the executable stops on SIGINT/SIGTERM; tests that run the server inside
    // their own process leave the signals alone.
    bool handle_signals = true;
};

}  // namespace rapidfire::net
