#include "rapidfire/net/server.hpp"

#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "hosted_room.hpp"
#include "listener.hpp"
#include "locked_entropy.hpp"
#include "room_services.hpp"
#include "server_context.hpp"

namespace rapidfire::net {

namespace asio = boost::asio;

namespace {

// A graceful shutdown gives clients this long to take their close frames; then the rest are
// cut, so the process is gone within 5 s of the signal.
constexpr auto shutdown_deadline = std::chrono::milliseconds(4'000);
constexpr auto drain_poll = std::chrono::milliseconds(20);
// How long the stop waits for the record's writer before leaving the rest to its destructor.
constexpr auto record_flush_limit = std::chrono::milliseconds(2'000);
// While draining, how often the server looks whether games are still in play.
constexpr auto games_poll = std::chrono::milliseconds(250);

}  // namespace

class Server::Impl {
  public:
    Impl(ServerOptions options, std::shared_ptr<const content::Bank> bank,
         std::shared_ptr<const content::StudyGuide> guide)
        : io_(options.threads),
          control_(asio::make_strand(io_)),
          signals_(control_),
          shutdown_timer_(control_),
          drain_timer_(control_),
          bank_(std::move(bank)),
          guide_(std::move(guide)),
          entropy_(core::make_secure_entropy()),
          context_(std::make_shared<ServerContext>(
              io_, std::move(options), bank_,
              [this] { return core::make_room_code(entropy_, context_->options.node_id); },
              [this](std::string code, const RoomRegistry::RoomOrder& order) {
                  return make_room(std::move(code), order);
              })),
          room_services_{
              context_->clock, *context_->metrics, context_->writer.get(), &context_->open_rooms,
              [context = context_.get()](const HostedRoom& room) { context->rooms.remove(room); }} {
        if (context_->store)
            spdlog::info("keeping the record of games in {}", context_->store->describe());
    }

    ~Impl() {
        // Rooms own strands and timers of io_: they go first. Handlers still queued in io_
        // are destroyed with it, releasing the sessions they hold.
        context_->rooms.clear();
        context_->matches->clear();
    }

    std::uint16_t listen() {
        const auto& options = context_->options;
        const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(options.host), options.port);
        listener_ = std::make_shared<Listener>(io_, endpoint, context_);
        listener_->run();
        if (options.handle_signals) {
            signals_.add(SIGINT);
            signals_.add(SIGTERM);
            wait_for_signal();
        }
        spdlog::info("listening on {}:{} with {} thread(s){}{}", options.host, listener_->port(),
                     options.threads,
                     context_->tls ? "; TLS: https:// and wss:// (plain HTTP gets 400)" : "",
                     options.node_id ? fmt::format("; node {}", *options.node_id) : "");
        return listener_->port();
    }

    void run() {
        std::vector<std::thread> threads;
        for (int i = 1; i < context_->options.threads; ++i) {
            threads.emplace_back([this] { run_io(); });
        }
        run_io();
        for (auto& thread : threads)
            thread.join();
        // Queries of the record still running finish here; their answers go nowhere now.
        context_->record_queries.join();
        if (context_->writer) {
            // A database that cannot be reached holds the stop up for a bounded time only:
            // the writer keeps trying a little longer as it is destroyed, then says what it
            // could not write.
            if (!context_->writer->flush(record_flush_limit)) {
                spdlog::warn("record: {} entries still wait for the database",
                             context_->writer->pending_entries());
            }
            spdlog::info("record committed: {} entries", context_->writer->committed_entries());
        }
        spdlog::info("server stopped");
    }

    void stop() {
        asio::post(control_, [this] { begin_shutdown(); });
    }

  private:
    // The registry's room factory: the engine's room with this server's content and limits,
    // on a strand of its own (or the shared one), with the services a room may use.
    RoomRegistry::Created make_room(std::string code, const RoomRegistry::RoomOrder& order) {
        const auto& options = context_->options;
        core::RoomDeps deps;
        deps.bank = bank_;
        deps.guide = guide_;
        deps.limits.max_capacity = options.max_room_capacity;
        deps.limits.resume_grace_ms = options.resume_grace.count() * protocol::Millis{1000};
        deps.entropy = &entropy_;
        auto created = std::visit(
            [&](const auto& made_for) {
                using Order = std::decay_t<decltype(made_for)>;
                if constexpr (std::is_same_v<Order, core::PairSpec>) {
                    return core::Room::create_pair(std::move(code), made_for, std::move(deps),
                                                   context_->clock.now());
                } else if constexpr (std::is_same_v<Order, ReviewRun>) {
                    deps.review = made_for.deck;
                    return core::Room::create(std::move(code), made_for.request, std::move(deps));
                } else {
                    return core::Room::create(std::move(code), made_for, std::move(deps));
                }
            },
            order);
        if (auto* error = std::get_if<protocol::Error>(&created))
            return std::move(*error);
        return std::make_shared<HostedRoom>(context_->strands.next(),
                                            std::get<0>(std::move(created)), room_services_);
    }

    void run_io() {
        for (;;) {
            try {
                io_.run();
                return;
            } catch (const std::exception& e) {
                // A bug in one handler must not take every room down with it.
                spdlog::error("unhandled exception in an I/O handler: {}", e.what());
            }
        }
    }

    void wait_for_signal() {
        signals_.async_wait([this](boost::system::error_code ec, int signal) {
            if (ec)
                return;
            spdlog::info("signal {} received", signal);
            // The first signal drains when a drain time is set; the next one closes at once.
            if (!draining_ && context_->options.drain_timeout.count() > 0) {
                begin_drain();
                wait_for_signal();
                return;
            }
            begin_shutdown();
        });
    }

    // Runs on control_. The server takes no new rooms and tells the proxy (health: draining),
    // while the games in play go on: players who drop may still resume here.
    void begin_drain() {
        draining_ = true;
        context_->draining.store(true);
        const auto deadline = std::chrono::steady_clock::now() + context_->options.drain_timeout;
        spdlog::info("draining: no new rooms; {} game(s) in play may finish within {} s",
                     games_in_play(), context_->options.drain_timeout.count());
        wait_for_games(deadline);
    }

    std::int64_t games_in_play() const {
        const auto counts = context_->metrics->room_counts();
        using protocol::RoomPhase;
        return counts.rooms - counts.rooms_by_phase[static_cast<std::size_t>(RoomPhase::lobby)] -
               counts.rooms_by_phase[static_cast<std::size_t>(RoomPhase::finished)];
    }

    void wait_for_games(std::chrono::steady_clock::time_point deadline) {
        if (shutting_down_)
            return;
        const auto playing = games_in_play();
        if (playing == 0) {
            spdlog::info("drained: no game in play");
            begin_shutdown();
            return;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            spdlog::warn("drain time over with {} game(s) in play", playing);
            begin_shutdown();
            return;
        }
        drain_timer_.expires_after(games_poll);
        drain_timer_.async_wait([this, deadline](boost::system::error_code ec) {
            if (!ec)
                wait_for_games(deadline);
        });
    }

    // Runs on control_.
    void begin_shutdown() {
        if (shutting_down_)
            return;
        shutting_down_ = true;
        boost::system::error_code ignored;
        drain_timer_.cancel(ignored);
        context_->stopping.store(true);
        if (listener_)
            listener_->stop();
        signals_.cancel(ignored);
        const auto connections = context_->connections.snapshot();
        spdlog::info("shutting down: closing {} connection(s) with 1012 service restart",
                     connections.size());
        for (const auto& connection : connections)
            connection->shut_down();

        shutdown_timer_.expires_after(shutdown_deadline);
        shutdown_timer_.async_wait([this](boost::system::error_code ec) {
            if (ec)
                return;
            spdlog::warn("shutdown deadline reached with {} connection(s) open; cutting them",
                         context_->connections.size());
            io_.stop();
        });
        wait_for_drain();
    }

    void wait_for_drain() {
        if (context_->connections.size() == 0) {
            spdlog::info("every connection closed");
            io_.stop();
            return;
        }
        drain_timer_.expires_after(drain_poll);
        drain_timer_.async_wait([this](boost::system::error_code ec) {
            if (!ec)
                wait_for_drain();
        });
    }

    asio::io_context io_;
    asio::strand<asio::io_context::executor_type> control_;  // shutdown state and its timers
    asio::signal_set signals_;
    asio::steady_timer shutdown_timer_;
    asio::steady_timer drain_timer_;
    const std::shared_ptr<const content::Bank> bank_;
    const std::shared_ptr<const content::StudyGuide> guide_;
    LockedEntropy entropy_;  // room codes and tokens, drawn from every room's strand
    std::shared_ptr<ServerContext> context_;
    const RoomServices room_services_;
    std::shared_ptr<Listener> listener_;
    bool draining_ = false;
    bool shutting_down_ = false;
};

Server::Server(ServerOptions options, std::shared_ptr<const content::Bank> bank,
               std::shared_ptr<const content::StudyGuide> guide)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(bank), std::move(guide))) {}

Server::~Server() = default;

std::uint16_t Server::listen() {
    return impl_->listen();
}
void Server::run() {
    impl_->run();
}
void Server::stop() {
    impl_->stop();
}

}  // namespace rapidfire::net
