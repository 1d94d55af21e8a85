#pragma once
// What the clients of one worker thread counted and measured. Only that worker writes it; the
// main thread reads the atomic counters while the run goes on (for rates and fill times) and
// the rest once the worker has stopped.

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "latency_samples.hpp"

namespace rapidfire::bench {

// Errors by kind, such as "error:room_full", "answer_rejected:too_late" or "disconnected".
using ErrorCounts = std::map<std::string, std::uint64_t>;

// Everything the workers measured, added up once they have stopped.
struct CollectedStats {
    std::uint64_t messages_in = 0;
    std::uint64_t messages_out = 0;
    std::uint64_t bytes_in = 0;
    std::uint64_t bytes_out = 0;
    std::uint64_t answers_sent = 0;
    std::uint64_t answers_accepted = 0;
    LatencySamples connect;  // connect start to welcome
    LatencySamples join;     // join sent to joined
    LatencySamples fanout;   // question server_time to its receipt (wall clock)
    std::vector<LatencySamples> fanout_by_question;
    LatencySamples ack;  // answer sent to answer_accepted
    ErrorCounts errors;
};

struct ThreadStats {
    // Written by the worker, read by the main thread at any time.
    std::atomic<std::uint64_t> messages_in{0};  // from the server
    std::atomic<std::uint64_t> messages_out{0};
    std::atomic<std::uint64_t> bytes_in{0};
    std::atomic<std::uint64_t> bytes_out{0};
    // Nanoseconds on the steady clock of the latest welcome and joined, for the fill times.
    std::atomic<std::int64_t> last_open_ns{0};
    std::atomic<std::int64_t> last_joined_ns{0};

    // Read only after the worker has stopped.
    std::uint64_t answers_sent = 0;
    std::uint64_t answers_accepted = 0;
    LatencySamples connect;
    LatencySamples join;
    LatencySamples fanout;
    std::vector<LatencySamples> fanout_by_question;  // grown as questions come
    LatencySamples ack;
    ErrorCounts errors;

    void error(const std::string& kind) { ++errors[kind]; }
    // Adds a counter owned by this worker without a locked instruction.
    static void bump(std::atomic<std::uint64_t>& counter, std::uint64_t by = 1) {
        counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
    }
    void add_to(CollectedStats& total) const;
};

}  // namespace rapidfire::bench
