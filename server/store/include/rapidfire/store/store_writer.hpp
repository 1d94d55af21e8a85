#pragma once
// Writes journal entries on a thread of its own, in batches, so rooms never wait for the disk.
// A crash loses at most the batch not yet committed.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "rapidfire/core/journal.hpp"
#include "rapidfire/store/store.hpp"

namespace rapidfire::store {

class StoreWriter {
  public:
    // Commits whatever is queued every `interval` (and at once when `max_batch` is reached).
    StoreWriter(Store& store, std::chrono::milliseconds interval, std::size_t max_batch = 5000);
    ~StoreWriter();  // commits what is queued, then stops
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    void submit(std::vector<core::JournalEntry> entries);
    // Runs `read` on the writer's thread once everything submitted before it has been
    // committed (or its batch has failed), so a room can learn what the record says without
    // waiting for the disk on its own strand.
    void after_commit(std::function<void(Store&)> read);
    // Blocks until everything submitted so far is committed.
    void flush();

    std::uint64_t committed_entries() const;
    std::uint64_t failed_batches() const;

  private:
    void run();

    Store& store_;
    std::chrono::milliseconds interval_;
    std::size_t max_batch_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable done_;
    std::vector<core::JournalEntry> queue_;
    std::vector<std::function<void(Store&)>> reads_;  // after the queue's batch commits
    std::uint64_t submitted_ = 0;
    std::uint64_t committed_ = 0;
    std::uint64_t failed_batches_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace rapidfire::store
