#pragma once
// What the connection side of the server shares: settings, TLS, clock, counters, the rooms,
// the live connections and the record of games. Built whole before the first connection;
// sessions hold it by shared_ptr, and everything in it is safe to use from any thread
// (immutable, atomic or guarded by its own mutex). Rooms do not see it: they get RoomServices.

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/thread_pool.hpp>

#include "connection_tracker.hpp"
#include "match_lobby.hpp"
#include "metrics.hpp"
#include "open_rooms.hpp"
#include "rapidfire/content/bank.hpp"
#include "rapidfire/net/public_url.hpp"
#include "rapidfire/net/server_options.hpp"
#include "rapidfire/store/store.hpp"
#include "rapidfire/store/store_writer.hpp"
#include "room_registry.hpp"
#include "server_clock.hpp"
#include "strand_source.hpp"
#include "web_files.hpp"

namespace boost::asio::ssl {
class context;
}

namespace rapidfire::net {

struct ServerContext {
    // `make_room` is what the registry creates rooms with.
    ServerContext(boost::asio::io_context& io, ServerOptions server_options,
                  std::shared_ptr<const content::Bank> bank, RoomRegistry::CodeMaker make_code,
                  RoomRegistry::RoomFactory make_room);
    ~ServerContext();

    const ServerOptions options;
    // From --tls-cert and --tls-key: connections that start a TLS handshake are served over
    // it; null when TLS is not configured.
    const std::shared_ptr<boost::asio::ssl::context> tls;
    const ServerClock clock;
    // The bank rooms play: the solo leaderboard resolves its configuration against it.
    const std::shared_ptr<const content::Bank> bank;
    const std::string bank_title;  // the bank solo runs are recorded under
    const std::shared_ptr<Metrics> metrics = std::make_shared<Metrics>();
    const StrandSource strands;  // for connections and rooms
    ConnectionTracker connections;
    RoomRegistry rooms;
    // The public rooms waiting in their lobby (rooms publish there through RoomServices).
    OpenRooms open_rooms;
    // The players looking for an interview partner; it makes their rooms in `rooms`.
    const std::shared_ptr<MatchLobby> matches;
    // After SIGTERM with a drain time: no new rooms, health says so, games in play go on.
    std::atomic<bool> draining{false};
    std::atomic<bool> stopping{false};
    // The record of games, when options.data_dir is set (else null): rooms hand their
    // journals to the writer, which commits them off the rooms' strands; the HTTP API reads it.
    const std::unique_ptr<store::Store> store;
    const std::unique_ptr<store::StoreWriter> writer;
    // Where the HTTP API's queries of the record run (a database may be across the network):
    // one thread, as the store serves one query at a time; off the I/O threads.
    boost::asio::thread_pool record_queries{1};
    // The browser client's files, read once here, and --public-url parsed.
    const std::shared_ptr<const WebFiles> web;
    const std::optional<PublicUrl> public_url;
};

}  // namespace rapidfire::net
