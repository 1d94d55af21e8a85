#include "worker_pool.hpp"

#include <algorithm>
#include <chrono>

#include <boost/asio/post.hpp>

#include "wait_until.hpp"

namespace rapidfire::bench {

namespace {

using Clock = std::chrono::steady_clock;

// Time allowed for the polite close at the end, after which connections are cut.
constexpr auto close_grace = std::chrono::seconds(5);
// Cut connections finish at once; this only bounds a worker still waiting on a timer.
constexpr auto abort_grace = std::chrono::seconds(1);

}  // namespace

WorkerPool::WorkerPool(const BenchOptions& options, const ServerAddress& address,
                       RunProgress& progress, std::uint64_t seed) {
    for (int t = 0; t < options.threads; ++t) {
        workers_.push_back(std::make_unique<Worker>(options, address, progress,
                                                    seed + 0x9e3779b97f4a7c15ULL * (t + 1)));
        guards_.emplace_back(workers_.back()->io.get_executor());
    }
}

void WorkerPool::start() {
    for (auto& worker : workers_)
        threads_.emplace_back([&io = worker->io] { io.run(); });
}

std::uint64_t WorkerPool::total(std::atomic<std::uint64_t> ThreadStats::*counter) const {
    std::uint64_t total = 0;
    for (const auto& worker : workers_)
        total += (worker->stats.*counter).load(std::memory_order_relaxed);
    return total;
}

std::int64_t WorkerPool::latest(std::atomic<std::int64_t> ThreadStats::*stamp) const {
    std::int64_t latest = 0;
    for (const auto& worker : workers_)
        latest = std::max(latest, (worker->stats.*stamp).load(std::memory_order_relaxed));
    return latest;
}

CollectedStats WorkerPool::collect() const {
    CollectedStats total;
    for (const auto& worker : workers_)
        worker->stats.add_to(total);
    return total;
}

void WorkerPool::post_each(const OnWorker& task) {
    for (std::size_t t = 0; t < workers_.size(); ++t)
        boost::asio::post(workers_[t]->io, [t, task] { task(t); });
}

void WorkerPool::shut_down(const OnWorker& close, const OnWorker& abort,
                           const std::function<bool()>& all_closed) {
    post_each([this, close](std::size_t t) {
        workers_[t]->stopping = true;
        workers_[t]->launcher.stop();
        close(t);
    });
    wait_until(all_closed, Clock::now() + close_grace);
    post_each(abort);
    for (auto& guard : guards_)
        guard.reset();
    wait_until(all_closed, Clock::now() + abort_grace);
    for (auto& worker : workers_)
        worker->io.stop();
    for (auto& thread : threads_)
        thread.join();
}

}  // namespace rapidfire::bench
