#include "bench_run.hpp"

#include <algorithm>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include <boost/asio/post.hpp>

#include "cpu_time.hpp"
#include "host_role.hpp"
#include "other_load_notes.hpp"
#include "player_role.hpp"
#include "process_probe.hpp"
#include "server_address.hpp"
#include "wait_until.hpp"
#include "worker_pool.hpp"

namespace rapidfire::bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

constexpr auto memory_sample_interval = std::chrono::milliseconds(100);
// Roster updates are coalesced (about four a second): time for the hosts to see the last join.
constexpr auto roster_grace = std::chrono::seconds(3);
// Time for lobby traffic to drain before the idle lobby's memory is read.
constexpr auto lobby_settle = std::chrono::seconds(1);

class BenchRun {
  public:
    BenchRun(const BenchOptions& options, const WsUrl& url, std::uint64_t seed)
        : options_(options),
          deadline_(Clock::now() + std::chrono::seconds(options.timeout_seconds)),
          address_(server_address(
              url, options,
              static_cast<long long>(options.rooms) * options.players + options.rooms)),
          workers_(options, address_, progress_, seed) {
        results_.options = options;
        results_.seed = seed;
        results_.source_addresses = std::max<int>(1, static_cast<int>(address_.sources.size()));

        hosts_on_.resize(workers_.size());
        players_on_.resize(workers_.size());
        for (int r = 0; r < options.rooms; ++r) {
            auto& worker = worker_for(r);
            const auto slot = static_cast<std::size_t>(options.rooms) * options.players + r;
            hosts_.push_back(std::make_unique<HostRole>(worker, r, slot));
            hosts_on_[static_cast<std::size_t>(r % options.threads)].push_back(hosts_.back().get());
        }
        // Players of a room are spread over the workers, so one room's fan-out is read by
        // every thread.
        for (int r = 0; r < options.rooms; ++r) {
            for (int i = 0; i < options.players; ++i) {
                const auto n = static_cast<std::size_t>(r) * options.players + i;
                const auto t = n % workers_.size();
                players_.push_back(std::make_unique<PlayerRole>(workers_[t], r, i, n));
                players_on_[t].push_back(players_.back().get());
            }
        }
    }

    BenchResults run() {
        const int pid = options_.server_pid;
        auto server_idle = sample_server(pid);
        if (pid != 0 && !server_idle)
            results_.notes.push_back("cannot read /proc/" + std::to_string(pid) +
                                     ": no server figures");
        const auto bench_idle = sample_process(0);

        workers_.start();

        if (create_rooms() && fill_rooms() && settle_lobby())
            play();
        finish();
        collect(server_idle, bench_idle);
        return std::move(results_);
    }

  private:
    Worker& worker_for(int room) {
        return workers_[static_cast<std::size_t>(room) % workers_.size()];
    }

    bool wait_or_time_out(const std::function<bool()>& done,
                          const std::function<void()>& tick = {}) {
        if (wait_until(done, deadline_, tick))
            return true;
        results_.timed_out = true;
        return false;
    }

    Traffic traffic_now() const {
        Traffic traffic;
        traffic.to_server = workers_.total(&ThreadStats::messages_out);
        traffic.from_server = workers_.total(&ThreadStats::messages_in);
        traffic.bytes_to_server = workers_.total(&ThreadStats::bytes_out);
        traffic.bytes_from_server = workers_.total(&ThreadStats::bytes_in);
        return traffic;
    }

    static Traffic traffic_between(const Traffic& from, const Traffic& to, double seconds) {
        return {seconds, to.to_server - from.to_server, to.from_server - from.from_server,
                to.bytes_to_server - from.bytes_to_server,
                to.bytes_from_server - from.bytes_from_server};
    }

    double since_fill_began(std::int64_t steady_ns) const {
        const auto at = Clock::time_point(std::chrono::nanoseconds(steady_ns));
        return steady_ns == 0 ? 0 : seconds_between(fill_began_, at);
    }

    void sample_play_memory() {
        const auto now = Clock::now();
        if (now < next_memory_sample_)
            return;
        next_memory_sample_ = now + memory_sample_interval;
        if (auto sample = sample_server(options_.server_pid))
            server_play_peak_ = std::max(server_play_peak_, sample->rss_bytes);
        if (auto sample = sample_process(0))
            bench_play_peak_ = std::max(bench_play_peak_, sample->rss_bytes);
    }

    bool create_rooms() {
        const auto began = Clock::now();
        workers_.post_each([this](std::size_t t) {
            for (auto* host : hosts_on_[t])
                host->start();
        });
        const int rooms = options_.rooms;
        const bool all = wait_or_time_out([&] {
            return progress_.rooms_created.load(std::memory_order_acquire) +
                       progress_.hosts_failed.load(std::memory_order_relaxed) >=
                   rooms;
        });
        results_.create_s = seconds_between(began, Clock::now());
        results_.rooms_created = progress_.rooms_created.load(std::memory_order_acquire);
        return all && results_.rooms_created > 0;
    }

    bool fill_rooms() {
        // Players join in turn across the rooms, as people trickle into every room at once.
        std::vector<std::deque<ConnectLauncher::Start>> starts(workers_.size());
        std::vector<int> players_on_worker(workers_.size(), 0);
        for (int i = 0; i < options_.players; ++i) {
            for (int r = 0; r < options_.rooms; ++r) {
                const auto& host = *hosts_[static_cast<std::size_t>(r)];
                if (!host.created())
                    continue;
                const auto n = static_cast<std::size_t>(r) * options_.players + i;
                auto* player = players_[n].get();
                starts[n % workers_.size()].push_back(
                    [player, code = host.code()] { player->start(code); });
                ++results_.players_expected;
            }
        }
        const auto cpu_before = cpu_now();
        const auto traffic_before = traffic_now();
        fill_began_ = Clock::now();
        for (std::size_t t = 0; t < workers_.size(); ++t) {
            boost::asio::post(workers_[t].io,
                              [worker = &workers_[t], queue = std::move(starts[t])]() mutable {
                                  worker->launcher.launch(std::move(queue));
                              });
        }
        const int expected = results_.players_expected;
        const bool settled = wait_or_time_out([&] {
            return progress_.players_joined.load(std::memory_order_relaxed) +
                       progress_.players_failed.load(std::memory_order_relaxed) >=
                   expected;
        });
        const auto filled = Clock::now();
        results_.open_s = since_fill_began(workers_.latest(&ThreadStats::last_open_ns));
        results_.fill_s = since_fill_began(workers_.latest(&ThreadStats::last_joined_ns));
        results_.fill_traffic =
            traffic_between(traffic_before, traffic_now(), seconds_between(fill_began_, filled));
        if (!settled)
            return false;
        // The hosts see the last joins in a coalesced roster update.
        const bool full = wait_until(
            [&] {
                return progress_.rooms_full.load(std::memory_order_relaxed) >=
                       results_.rooms_created;
            },
            std::min(deadline_, Clock::now() + roster_grace));
        results_.rooms_full_s = seconds_between(fill_began_, Clock::now());
        if (!full)
            results_.notes.push_back("not every host saw a full roster; starting anyway");
        cpu_fill_ = cpu_now() - cpu_before;
        fill_cpu_window_s_ = seconds_between(fill_began_, Clock::now());
        return true;
    }

    bool settle_lobby() {
        const auto remaining = deadline_ - Clock::now();
        std::this_thread::sleep_for(std::min<Clock::duration>(lobby_settle, remaining));
        if (Clock::now() >= deadline_) {
            results_.timed_out = true;
            return false;
        }
        if (auto sample = sample_server(options_.server_pid))
            server_lobby_rss_ = sample->rss_bytes;
        if (auto sample = sample_process(0))
            bench_lobby_rss_ = sample->rss_bytes;
        return true;
    }

    void play() {
        const auto cpu_before = cpu_now();
        const auto traffic_before = traffic_now();
        const auto began = Clock::now();
        workers_.post_each([this](std::size_t t) {
            auto& worker = workers_[t];
            std::uniform_int_distribution<int> spread(0, worker.options.start_spread_ms);
            for (auto* host : hosts_on_[t])
                host->begin_game(std::chrono::milliseconds(spread(worker.random)));
        });
        const int rooms = results_.rooms_created;
        const int expected = results_.players_expected;
        wait_or_time_out(
            [&] {
                return progress_.players_done.load(std::memory_order_relaxed) +
                               progress_.players_failed.load(std::memory_order_relaxed) >=
                           expected &&
                       progress_.rooms_over.load(std::memory_order_relaxed) >= rooms;
            },
            [&] { sample_play_memory(); });
        const auto ended = Clock::now();
        results_.play_s = seconds_between(began, ended);
        results_.play_traffic = traffic_between(traffic_before, traffic_now(), results_.play_s);
        cpu_play_ = cpu_now() - cpu_before;
    }

    // Closes every connection (politely, then by force), stops the workers and joins them.
    void finish() {
        const int opened = progress_.players_open.load() + results_.rooms_created;
        workers_.shut_down(
            [this](std::size_t t) {
                for (auto* player : players_on_[t])
                    player->close();
                for (auto* host : hosts_on_[t])
                    host->close();
            },
            [this](std::size_t t) {
                for (auto* player : players_on_[t])
                    player->abort();
                for (auto* host : hosts_on_[t])
                    host->abort();
            },
            [&] { return progress_.connections_closed.load() >= opened; });
    }

    CpuTime cpu_now() const { return cpu_time_now(options_.server_pid); }

    void collect(const std::optional<ProcessSample>& server_idle,
                 const std::optional<ProcessSample>& bench_idle) {
        auto total = workers_.collect();
        for (std::size_t n = 0; n < players_.size(); ++n) {
            const auto& player = *players_[n];
            const auto& host = *hosts_[n / static_cast<std::size_t>(options_.players)];
            if (player.finished())
                ++results_.players_finished;
            else if (results_.timed_out && !player.gave_up() && host.created())
                ++total.errors["timeout"];
        }
        for (const auto& host : hosts_) {
            if (host->game_over())
                ++results_.rooms_over;
        }
        results_.players_open = progress_.players_open.load();
        results_.players_joined = progress_.players_joined.load();
        results_.answers_sent = total.answers_sent;
        results_.answers_accepted = total.answers_accepted;
        results_.connect = total.connect.summarize();
        results_.join = total.join.summarize();
        results_.fanout = total.fanout.summarize();
        for (auto& samples : total.fanout_by_question)
            results_.fanout_by_question.push_back(samples.summarize());
        results_.ack = total.ack.summarize();
        results_.record_errors(std::move(total.errors));

        if (server_idle) {
            ProcessFigures server;
            server.rss_idle = server_idle->rss_bytes;
            server.rss_lobby = server_lobby_rss_;
            server.rss_play_peak = server_play_peak_;
            server.cpu_fill_s = cpu_fill_.server;
            server.cpu_play_s = cpu_play_.server;
            results_.server = server;
        }
        results_.bench.rss_idle = bench_idle ? bench_idle->rss_bytes : 0;
        results_.bench.rss_lobby = bench_lobby_rss_;
        results_.bench.rss_play_peak = bench_play_peak_;
        results_.bench.cpu_fill_s = cpu_fill_.bench;
        results_.bench.cpu_play_s = cpu_play_.bench;
        results_.machine_cpu_fill_s = cpu_fill_.machine;
        results_.machine_cpu_play_s = cpu_play_.machine;
        results_.steal_fill_s = cpu_fill_.steal;
        results_.steal_play_s = cpu_play_.steal;
        if (options_.server_pid != 0) {
            note_other_load(results_.notes, cpu_fill_, fill_cpu_window_s_,
                            {.during = "while filling", .digits = 1});
            note_other_load(results_.notes, cpu_play_, results_.play_s,
                            {.during = "while playing", .digits = 1});
        }
    }

    const BenchOptions& options_;
    const Clock::time_point deadline_;
    BenchResults results_;
    const ServerAddress address_;
    RunProgress progress_;
    WorkerPool workers_;  // before the roles, which use the workers' io_contexts
    std::vector<std::unique_ptr<HostRole>> hosts_;
    std::vector<std::unique_ptr<PlayerRole>> players_;  // room r's player i at r * players + i
    std::vector<std::vector<HostRole*>> hosts_on_;      // by worker
    std::vector<std::vector<PlayerRole*>> players_on_;  // by worker

    Clock::time_point fill_began_{};
    Clock::time_point next_memory_sample_{};
    std::uint64_t server_lobby_rss_ = 0;
    std::uint64_t server_play_peak_ = 0;
    std::uint64_t bench_lobby_rss_ = 0;
    std::uint64_t bench_play_peak_ = 0;
    CpuTime cpu_fill_;
    double fill_cpu_window_s_ = 0;  // the time cpu_fill_ covers
    CpuTime cpu_play_;
};

}  // namespace

BenchResults run_bench(const BenchOptions& options, const WsUrl& url, std::uint64_t seed) {
    return BenchRun(options, url, seed).run();
}

}  // namespace rapidfire::bench
