#pragma once
// A run's client threads: one Worker each, whose io_context runs on a thread of its own and is
// kept running (a work guard) until the run shuts the pool down.
//
// Threading: called from the main thread; the functions given to shut_down run on the
// workers' threads.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>

#include "bench_options.hpp"
#include "run_progress.hpp"
#include "server_address.hpp"
#include "thread_stats.hpp"
#include "worker.hpp"

namespace rapidfire::bench {

class WorkerPool {
  public:
    // --threads workers, each with random numbers of its own drawn from `seed`.
    WorkerPool(const BenchOptions& options, const ServerAddress& address, RunProgress& progress,
               std::uint64_t seed);

    std::size_t size() const { return workers_.size(); }
    Worker& operator[](std::size_t t) { return *workers_[t]; }

    // Runs every worker's io_context on its thread.
    void start();

    // Read while the workers run: a counter summed over them, and the latest of a stamp.
    std::uint64_t total(std::atomic<std::uint64_t> ThreadStats::*counter) const;
    std::int64_t latest(std::atomic<std::int64_t> ThreadStats::*stamp) const;
    // Everything the workers measured; read once they have stopped.
    CollectedStats collect() const;

    // Something done to the connections of worker t, on that worker's thread.
    using OnWorker = std::function<void(std::size_t t)>;
    // Queues `task` on every worker's thread; the posts reach the workers microseconds apart.
    void post_each(const OnWorker& task);
    // Ends the run: on each worker's thread marks it stopping, stops its launcher and runs
    // `close` (politely); once `all_closed` holds, or after a grace, runs `abort` (by force),
    // then stops the threads and joins them.
    void shut_down(const OnWorker& close, const OnWorker& abort,
                   const std::function<bool()>& all_closed);

  private:
    using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;

    std::vector<std::unique_ptr<Worker>> workers_;
    std::vector<WorkGuard> guards_;
    std::vector<std::thread> threads_;
};

}  // namespace rapidfire::bench
