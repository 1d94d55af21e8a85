#include "floor_run.hpp"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <memory>
#include <ostream>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "client_connection.hpp"
#include "connect_launcher.hpp"
#include "floor_sender.hpp"
#include "process_probe.hpp"
#include "source_addresses.hpp"

namespace rapidfire::bench {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto round_timeout = std::chrono::seconds(60);
constexpr auto between_rounds = std::chrono::milliseconds(500);

// Reads one byte from `fd`, waiting at most `timeout`; 0 when none came.
char read_byte(int fd, std::chrono::milliseconds timeout) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0)
        return 0;
    char c = 0;
    return ::read(fd, &c, 1) == 1 ? c : 0;
}

// What the floor's clients share with the main thread. Written on the io thread only.
struct FloorCounts {
    std::atomic<int> opened{0};
    std::atomic<int> received{0};       // questions of the current round
    std::atomic<bool> stopping{false};  // the run is over: connections ending are not errors
};

class FloorClient final : public ConnectionListener {
  public:
    FloorClient(ThreadStats& stats, FloorCounts& counts, ConnectLauncher& launcher)
        : stats_(stats), counts_(counts), launcher_(launcher) {}

    std::shared_ptr<ClientConnection> connection;

    void on_message(const protocol::ServerMessage& message, const Arrival& arrival) override {
        if (std::holds_alternative<protocol::Welcome>(message)) {
            counts_.opened.fetch_add(1, std::memory_order_relaxed);
            launcher_.settled();
            return;
        }
        const auto* question = std::get_if<protocol::Question>(&message);
        if (question == nullptr)
            return stats_.error("unexpected_message");
        const std::int64_t fanout_us = arrival.wall_us - question->server_time * 1000;
        stats_.fanout.add(fanout_us);
        auto& by_round = stats_.fanout_by_question;
        const auto round = static_cast<std::size_t>(question->question);
        if (by_round.size() <= round)
            by_round.resize(round + 1);
        by_round[round].add(fanout_us);
        counts_.received.fetch_add(1, std::memory_order_relaxed);
    }

    void on_closed(std::string_view why) override {
        if (!counts_.stopping.load(std::memory_order_relaxed))
            stats_.error(std::string(why));
        launcher_.settled();
    }

  private:
    ThreadStats& stats_;
    FloorCounts& counts_;
    ConnectLauncher& launcher_;
};

bool wait_until(const std::atomic<int>& counter, int target, Clock::time_point deadline) {
    while (counter.load(std::memory_order_relaxed) < target) {
        if (Clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

}  // namespace

FloorResults run_floor(const BenchOptions& options) {
    FloorResults results;
    results.connections = options.rooms * options.players;
    results.frame_bytes = options.floor_bytes;
    int to_child[2];
    int from_child[2];
    if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) {
        results.errors["pipe_failed"] = 1;
        results.error_total = 1;
        return results;
    }
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(to_child[1]);
        ::close(from_child[0]);
        ::_exit(
            run_floor_sender(from_child[1], to_child[0], results.connections, options.floor_bytes));
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    const int command = to_child[1];
    const int reply = from_child[0];

    std::uint16_t port = 0;
    pollfd p{reply, POLLIN, 0};
    if (::poll(&p, 1, 10'000) <= 0 || ::read(reply, &port, sizeof port) != sizeof port) {
        results.errors["sender_did_not_start"] = 1;
        results.error_total = 1;
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        return results;
    }

    ServerAddress address;
    address.endpoint = {boost::asio::ip::address_v4::loopback(), port};
    address.host = "127.0.0.1:" + std::to_string(port);
    address.target = "/ws";
    address.sources = source_addresses(options, address.endpoint, results.connections);

    boost::asio::io_context io{1};
    auto guard = boost::asio::make_work_guard(io);
    ThreadStats stats;
    FloorCounts counts;
    ConnectLauncher launcher(io, options.connect_window, options.connect_rate);
    std::vector<std::unique_ptr<FloorClient>> clients;
    for (int i = 0; i < results.connections; ++i)
        clients.push_back(std::make_unique<FloorClient>(stats, counts, launcher));
    std::thread reader([&] { io.run(); });

    const auto started = Clock::now();
    boost::asio::post(io, [&] {
        std::deque<ConnectLauncher::Start> starts;
        for (std::size_t i = 0; i < clients.size(); ++i) {
            starts.emplace_back([&, i] {
                auto& client = *clients[i];
                client.connection = ClientConnection::create(io, client, stats);
                client.connection->open(address, i);
            });
        }
        launcher.launch(std::move(starts));
    });
    const auto deadline = started + std::chrono::seconds(options.timeout_seconds);
    const bool all_open = wait_until(counts.opened, results.connections, deadline) &&
                          read_byte(reply, std::chrono::seconds(10)) == floor_ready;
    results.opened = counts.opened.load();
    results.open_s = std::chrono::duration<double>(Clock::now() - started).count();

    if (all_open) {
        for (int round = 0; round < options.questions; ++round) {
            counts.received.store(0);
            const auto before = sample_process(child);
            const auto machine_before = machine_times();
            if (::write(command, &floor_send, 1) != 1)
                break;
            const bool sent = read_byte(reply, round_timeout) == floor_sent;
            const bool read =
                wait_until(counts.received, results.connections, Clock::now() + round_timeout);
            const auto after = sample_process(child);
            const auto machine_after = machine_times();
            if (before && after)
                results.sender_cpu_s += after->cpu_seconds - before->cpu_seconds;
            if (machine_before && machine_after)
                results.steal_s += machine_after->steal - machine_before->steal;
            ++results.rounds;
            if (!sent || !read) {
                stats.error(sent ? "question_not_read" : "sender_failed");
                break;
            }
            std::this_thread::sleep_for(between_rounds);
        }
    } else {
        stats.error("not_every_connection_opened");
    }

    counts.stopping.store(true);
    ::write(command, &floor_quit, 1);
    boost::asio::post(io, [&] {
        launcher.stop();
        for (auto& client : clients) {
            if (client->connection)
                client->connection->abort();
        }
        guard.reset();
    });
    reader.join();
    ::close(command);
    ::close(reply);
    ::waitpid(child, nullptr, 0);

    results.fanout = stats.fanout.summarize();
    for (auto& round : stats.fanout_by_question)
        results.fanout_by_round.push_back(round.summarize());
    const auto messages = static_cast<double>(results.rounds) * results.connections;
    results.sender_us_per_message = messages > 0 ? results.sender_cpu_s * 1e6 / messages : 0;
    results.errors = stats.errors;
    for (const auto& [kind, count] : results.errors)
        results.error_total += count;
    return results;
}

void print_floor(std::ostream& out, const FloorResults& r) {
    char line[256];
    auto row = [&](const char* label, const std::string& value) {
        std::snprintf(line, sizeof line, "  %-28s %s\n", label, value.c_str());
        out << line;
    };
    auto latency = [&](const LatencySummary& s) {
        std::snprintf(line, sizeof line,
                      "p50 %8.2f  p90 %8.2f  p99 %8.2f  max %8.2f ms  (%zu samples)", s.p50_ms,
                      s.p90_ms, s.p99_ms, s.max_ms, s.count);
        return std::string(line);
    };
    std::snprintf(line, sizeof line,
                  "rapidfire-bench --floor: %d connections, one %zu-byte frame to each, %d "
                  "round(s)\n",
                  r.connections, r.frame_bytes, r.rounds);
    out << line;
    std::snprintf(line, sizeof line, "%d of %d in %.3f s", r.opened, r.connections, r.open_s);
    row("connections open", line);
    row("question fan-out", latency(r.fanout));
    for (std::size_t i = 0; i < r.fanout_by_round.size(); ++i)
        row(("  round " + std::to_string(i)).c_str(), latency(r.fanout_by_round[i]));
    std::snprintf(line, sizeof line, "%.2f s, %.2f us per message", r.sender_cpu_s,
                  r.sender_us_per_message);
    row("sender CPU", line);
    std::snprintf(line, sizeof line, "%.2f s", r.steal_s);
    row("steal", line);
    row("errors", std::to_string(r.error_total));
    for (const auto& [kind, count] : r.errors)
        row(("  " + kind).c_str(), std::to_string(count));
    out << (r.clean() ? "RESULT: ok" : "RESULT: FAILED") << "\n";
}

bool write_floor_json(const std::string& path, const FloorResults& r) {
    auto latency = [](const LatencySummary& s) {
        return boost::json::object{{"count", s.count},   {"p50_ms", s.p50_ms},
                                   {"p90_ms", s.p90_ms}, {"p99_ms", s.p99_ms},
                                   {"max_ms", s.max_ms}, {"mean_ms", s.mean_ms}};
    };
    boost::json::array by_round;
    for (const auto& s : r.fanout_by_round)
        by_round.emplace_back(latency(s));
    boost::json::object errors;
    for (const auto& [kind, count] : r.errors)
        errors[kind] = count;
    const boost::json::object json{{"floor",
                                    {{"connections", r.connections},
                                     {"opened", r.opened},
                                     {"rounds", r.rounds},
                                     {"frame_bytes", r.frame_bytes},
                                     {"open_s", r.open_s},
                                     {"fanout_latency", latency(r.fanout)},
                                     {"fanout_latency_by_round", by_round},
                                     {"sender_cpu_s", r.sender_cpu_s},
                                     {"sender_cpu_us_per_message", r.sender_us_per_message},
                                     {"steal_s", r.steal_s}}},
                                   {"errors", r.error_total},
                                   {"errors_by_kind", errors},
                                   {"ok", r.clean()}};
    std::ofstream file(path);
    file << boost::json::serialize(json) << "\n";
    return static_cast<bool>(file);
}

}  // namespace rapidfire::bench
