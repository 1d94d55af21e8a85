#include "match_run.hpp"

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include <boost/asio/post.hpp>

#include "cpu_time.hpp"
#include "match_peer.hpp"
#include "other_load_notes.hpp"
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

std::int64_t micros_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration_cast<std::chrono::microseconds>(to - from).count();
}

// A burst of a thousand peers is over in well under a second: memory is sampled often.
constexpr auto memory_sample_interval = std::chrono::milliseconds(20);
// Time for the last connections' traffic to drain before the connected server's memory is read.
constexpr auto connected_settle = std::chrono::milliseconds(500);
// Silence from the server, with peers still waiting, after which the run stops: longer than
// the 20 s a proposal stays open, so a no-show would have been told by then.
constexpr auto stall_limit = std::chrono::seconds(25);
// The burst is short: its CPU is shown to the hundredth, and a few 10 ms ticks of others' CPU
// over it are noise.
constexpr LoadPhase burst_phase{.during = "during the burst", .digits = 2, .floor_s = 0.05};

class MatchRun {
  public:
    MatchRun(const BenchOptions& options, const WsUrl& url, std::uint64_t seed)
        : options_(options),
          deadline_(Clock::now() + std::chrono::seconds(options.timeout_seconds)),
          address_(server_address(url, options, options.match)),
          workers_(options, address_, progress_, seed) {
        results_.options = options;
        results_.seed = seed;
        results_.peers = options.match;
        results_.source_addresses = std::max<int>(1, static_cast<int>(address_.sources.size()));

        peers_on_.resize(workers_.size());
        auto plans = plan_peers(options.match, seed);
        for (std::size_t i = 0; i < plans.size(); ++i) {
            switch (plans[i].role) {
                case protocol::MatchRole::interviewer:
                    ++results_.interviewers;
                    break;
                case protocol::MatchRole::candidate:
                    ++results_.candidates;
                    break;
                case protocol::MatchRole::either:
                    ++results_.either;
                    break;
            }
            const auto t = i % workers_.size();
            peers_.push_back(std::make_unique<MatchPeer>(workers_[t], i, std::move(plans[i])));
            peers_on_[t].push_back(peers_.back().get());
        }
    }

    MatchResults run() {
        const int pid = options_.server_pid;
        const auto server_idle = sample_server(pid);
        if (pid != 0 && !server_idle)
            results_.notes.push_back("cannot read /proc/" + std::to_string(pid) +
                                     ": no server figures");
        const auto bench_idle = sample_process(0);
        if (server_idle)
            server_.rss_idle = server_idle->rss_bytes;
        if (bench_idle)
            bench_.rss_idle = bench_idle->rss_bytes;

        workers_.start();
        if (open_all())
            burst();
        finish();
        collect(server_idle.has_value());
        return std::move(results_);
    }

  private:
    int settled_peers() const {
        return progress_.players_done.load(std::memory_order_relaxed) +
               progress_.players_failed.load(std::memory_order_relaxed);
    }

    // Opens every peer's connection at the launcher's pace; true once all are welcomed.
    bool open_all() {
        const auto cpu_before = cpu_now();
        const auto began = Clock::now();
        for (std::size_t t = 0; t < workers_.size(); ++t) {
            std::deque<ConnectLauncher::Start> starts;
            for (auto* peer : peers_on_[t])
                starts.emplace_back([peer] { peer->open(); });
            boost::asio::post(workers_[t].io,
                              [worker = &workers_[t], queue = std::move(starts)]() mutable {
                                  worker->launcher.launch(std::move(queue));
                              });
        }
        const int peers = results_.peers;
        const bool settled = wait_until(
            [&] {
                return progress_.players_open.load(std::memory_order_relaxed) +
                           progress_.players_failed.load(std::memory_order_relaxed) >=
                       peers;
            },
            deadline_);
        if (!settled)
            results_.timed_out = true;
        const auto last_open_ns = workers_.latest(&ThreadStats::last_open_ns);
        if (last_open_ns != 0) {
            results_.open_s =
                seconds_between(began, Clock::time_point(std::chrono::nanoseconds(last_open_ns)));
        }
        const int welcomed = progress_.players_open.load();
        if (welcomed < peers) {
            // A peer short, the mix may no longer pair: no burst.
            results_.notes.push_back(std::to_string(welcomed) + " of " + std::to_string(peers) +
                                     " peers were welcomed: no match_join sent");
            return false;
        }
        std::this_thread::sleep_for(connected_settle);
        cpu_open_ = cpu_now() - cpu_before;
        if (auto sample = sample_server(options_.server_pid))
            server_.rss_connected = sample->rss_bytes;
        if (auto sample = sample_process(0))
            bench_.rss_connected = sample->rss_bytes;
        return true;
    }

    // Every peer sends match_join; waits until each is paired or out, or the run stalls.
    void burst() {
        const auto cpu_before = cpu_now();
        const auto began = Clock::now();
        // Each worker sends its peers' joins in one go.
        workers_.post_each([this](std::size_t t) {
            for (auto* peer : peers_on_[t])
                peer->join();
        });
        const int peers = results_.peers;
        auto heard = workers_.total(&ThreadStats::messages_in);
        auto last_heard = Clock::now();
        auto next_sample = Clock::now();
        while (settled_peers() < peers) {
            const auto now = Clock::now();
            if (now >= deadline_) {
                results_.timed_out = true;
                break;
            }
            if (const auto count = workers_.total(&ThreadStats::messages_in); count != heard) {
                heard = count;
                last_heard = now;
            } else if (now - last_heard >= stall_limit) {
                results_.stalled = true;
                break;
            }
            if (now >= next_sample) {
                next_sample = now + memory_sample_interval;
                sample_peaks();
            }
            std::this_thread::sleep_for(poll_interval);
        }
        sample_peaks();
        cpu_burst_ = cpu_now() - cpu_before;
        cpu_burst_window_s_ = seconds_between(began, Clock::now());
    }

    void sample_peaks() {
        if (auto sample = sample_server(options_.server_pid))
            server_.rss_peak = std::max(server_.rss_peak, sample->rss_bytes);
        if (auto sample = sample_process(0))
            bench_.rss_peak = std::max(bench_.rss_peak, sample->rss_bytes);
    }

    // Closes what is still open (politely, then by force), stops the workers and joins them.
    void finish() {
        // Each peer's connection reports its end once; peers never started (a run that timed
        // out while connecting) leave the wait to its grace.
        workers_.shut_down(
            [this](std::size_t t) {
                for (auto* peer : peers_on_[t])
                    peer->close();
            },
            [this](std::size_t t) {
                for (auto* peer : peers_on_[t])
                    peer->abort();
            },
            [&] { return progress_.connections_closed.load() >= results_.peers; });
    }

    CpuTime cpu_now() const { return cpu_time_now(options_.server_pid); }

    // Read once the workers have stopped: the peers' stamps are then the main thread's.
    void collect(bool server_seen) {
        auto total = workers_.collect();
        LatencySamples to_proposed;
        LatencySamples to_found;
        std::optional<Clock::time_point> first_join;
        std::optional<Clock::time_point> last_join;
        std::optional<Clock::time_point> last_found;
        std::map<std::string, const MatchPeer*> by_nickname;
        std::set<std::string> rooms;
        for (const auto& peer : peers_) {
            by_nickname.emplace(peer->plan().nickname, peer.get());
            if (peer->welcomed())
                ++results_.welcomed;
            results_.statuses += static_cast<std::uint64_t>(peer->statuses());
            results_.proposals += static_cast<std::uint64_t>(peer->proposals());
            const auto joined = peer->joined_at();
            if (!joined)
                continue;
            ++results_.joins_sent;
            first_join = std::min(first_join.value_or(*joined), *joined);
            last_join = std::max(last_join.value_or(*joined), *joined);
            if (const auto proposed = peer->proposed_at())
                to_proposed.add(micros_between(*joined, *proposed));
            if (const auto found = peer->found_at()) {
                to_found.add(micros_between(*joined, *found));
                last_found = std::max(last_found.value_or(*found), *found);
            }
            if (peer->waiting() && (results_.timed_out || results_.stalled))
                ++total.errors["still_waiting"];
        }
        // Both sides of a pair must tell the same story: each other, one room, two turns.
        for (const auto& peer : peers_) {
            if (!peer->paired())
                continue;
            ++results_.paired;
            rooms.insert(peer->room());
            const auto it = by_nickname.find(peer->partner());
            const MatchPeer* partner = it == by_nickname.end() ? nullptr : it->second;
            if (partner == nullptr || !partner->paired() ||
                partner->partner() != peer->plan().nickname || partner->room() != peer->room() ||
                partner->first_turn() == peer->first_turn())
                ++total.errors["pair_mismatch"];
        }
        results_.rooms = static_cast<int>(rooms.size());
        if (first_join && last_join)
            results_.burst_spread_s = seconds_between(*first_join, *last_join);
        if (first_join && last_found)
            results_.burst_to_last_found_s = seconds_between(*first_join, *last_found);
        results_.join_to_proposed = to_proposed.summarize();
        results_.join_to_found = to_found.summarize();
        results_.connect = total.connect.summarize();
        results_.messages_from_server = total.messages_in;
        results_.messages_to_server = total.messages_out;
        results_.record_errors(std::move(total.errors));

        server_.cpu_open_s = cpu_open_.server;
        server_.cpu_burst_s = cpu_burst_.server;
        if (server_seen)
            results_.server = server_;
        bench_.cpu_open_s = cpu_open_.bench;
        bench_.cpu_burst_s = cpu_burst_.bench;
        results_.bench = bench_;
        results_.burst_window_s = cpu_burst_window_s_;
        results_.machine_cpu_burst_s = cpu_burst_.machine;
        results_.steal_burst_s = cpu_burst_.steal;
        if (options_.server_pid != 0)
            note_other_load(results_.notes, cpu_burst_, cpu_burst_window_s_, burst_phase);
    }

    const BenchOptions& options_;
    const Clock::time_point deadline_;
    MatchResults results_;
    const ServerAddress address_;
    RunProgress progress_;  // players_open: welcomed; players_done: paired; players_failed: out
    WorkerPool workers_;    // before the peers, which use the workers' io_contexts
    std::vector<std::unique_ptr<MatchPeer>> peers_;  // peer i at i
    std::vector<std::vector<MatchPeer*>> peers_on_;  // by worker
    MatchProcessFigures server_;
    MatchProcessFigures bench_;
    CpuTime cpu_open_;
    CpuTime cpu_burst_;
    double cpu_burst_window_s_ = 0;  // the time cpu_burst_ covers
};

}  // namespace

MatchResults run_match(const BenchOptions& options, const WsUrl& url, std::uint64_t seed) {
    return MatchRun(options, url, seed).run();
}

}  // namespace rapidfire::bench
