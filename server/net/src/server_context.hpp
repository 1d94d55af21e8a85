#pragma once
// What every part of the server shares: settings, clock, content, counters, the rooms and the
// live connections. Sessions and rooms hold it by shared_ptr; everything in it is safe to use
// from any thread (immutable, atomic or guarded by its own mutex).

#include <atomic>
#include <memory>

#include "connection_tracker.hpp"
#include "locked_entropy.hpp"
#include "metrics.hpp"
#include "rapidfire/content/bank.hpp"
#include "rapidfire/net/server_options.hpp"
#include "rapidfire/store/store.hpp"
#include "rapidfire/store/store_writer.hpp"
#include "room_registry.hpp"
#include "server_clock.hpp"
#include "strand_source.hpp"

namespace boost::asio::ssl {
class context;
}

namespace rapidfire::net {

struct ServerContext {
    ServerContext(boost::asio::io_context& io, ServerOptions server_options,
                  std::shared_ptr<const content::Bank> question_bank,
                  std::shared_ptr<const content::StudyGuide> study_guide);

    const ServerOptions options;
    // From --tls-cert and --tls-key: connections that start a TLS handshake are served over
    // it; null when TLS is not configured.
    const std::shared_ptr<boost::asio::ssl::context> tls;
    const ServerClock clock;
    const std::shared_ptr<const content::Bank> bank;
    const std::shared_ptr<const content::StudyGuide> guide;
    const std::shared_ptr<Metrics> metrics = std::make_shared<Metrics>();
    LockedEntropy entropy;
    StrandSource strands;  // for connections and rooms
    ConnectionTracker connections;
    RoomRegistry rooms;
    std::atomic<bool> stopping{false};
    // The record of games, when options.data_dir is set: rooms hand their journals to the
    // writer, which commits them off the rooms' strands.
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::StoreWriter> writer;
};

}  // namespace rapidfire::net
