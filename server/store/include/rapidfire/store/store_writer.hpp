#pragma once
// Writes journal entries on a thread of its own, in batches, so rooms never wait for the
// database. A crash loses at most what is not yet committed. While the database cannot be
// reached (or is busy), the writer keeps the batch and tries again, with new entries queued
// behind it, within a bound on the entries it holds.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "rapidfire/core/journal.hpp"
#include "rapidfire/store/store.hpp"

namespace rapidfire::store {

struct WriterLimits {
    // Entries written in one transaction at most.
    std::size_t max_batch = 5000;
    // Entries held at most while the database cannot take them; past it the oldest are
    // dropped (and counted as failed), so an outage cannot use up the server's memory.
    std::size_t max_held = 1'000'000;
    // How long the destructor keeps trying an unreachable database before it gives up on what
    // it holds.
    std::chrono::milliseconds give_up{5000};
};

class StoreWriter {
  public:
    // Commits whatever is queued every `interval` (and at once when a batch is full).
    StoreWriter(Store& store, std::chrono::milliseconds interval, WriterLimits limits = {});
    // Commits what is queued, trying an unreachable database for `give_up`, then stops.
    ~StoreWriter();
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    void submit(std::vector<core::JournalEntry> entries);
    // Runs `read` on the writer's thread once everything submitted before it has been
    // committed (or dropped), so a room can learn what the record says without waiting for
    // the database on its own strand.
    void after_commit(std::function<void(Store&)> read);
    // Blocks until everything submitted so far is committed or dropped; while the database
    // cannot be reached, that is when it comes back.
    void flush();
    // The same for at most `limit`: whether everything submitted so far was dealt with.
    bool flush(std::chrono::milliseconds limit);

    std::uint64_t committed_entries() const;
    // Entries that were not written: their batch failed for good, or they were dropped.
    std::uint64_t failed_entries() const;
    std::uint64_t failed_batches() const;
    // Entries submitted and not yet committed or dropped.
    std::size_t pending_entries() const;
    // Whether the last attempt to write failed and the writer is trying again.
    bool retrying() const;

  private:
    struct PendingRead {
        std::uint64_t after;  // runs once every entry before this one is dealt with
        std::function<void(Store&)> read;
    };

    void run();
    // With the lock held: the position of the oldest entry not yet committed or dropped.
    std::uint64_t first_pending() const;
    std::size_t held() const;
    // Runs the reads whose entries are all dealt with; unlocks while each runs.
    void run_ready_reads(std::unique_lock<std::mutex>& lock);
    // After a failed attempt: the entries of the batch dropped meanwhile are gone for good.
    void drop_from_batch(std::vector<core::JournalEntry>& batch);
    // Gives up on everything held (the database stayed unreachable while stopping).
    void give_up(std::vector<core::JournalEntry>& batch, const std::string& error);
    // A batch is committed or failed for good.
    void batch_done(std::vector<core::JournalEntry>& batch);

    Store& store_;
    const std::chrono::milliseconds interval_;
    const WriterLimits limits_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable done_;
    // Entries are numbered in the order submitted: the batch being written holds
    // [batch_start_, batch_start_ + batch_size_), the queue starts at queue_start_.
    std::deque<core::JournalEntry> queue_;
    std::uint64_t queue_start_ = 0;
    std::uint64_t batch_start_ = 0;
    std::size_t batch_size_ = 0;
    // The oldest entries of the batch, dropped while it waited for the database (past
    // max_held): they leave it after its attempt fails, or were written after all.
    std::size_t batch_dropped_ = 0;
    std::deque<PendingRead> reads_;
    std::uint64_t submitted_ = 0;
    std::uint64_t committed_ = 0;
    std::uint64_t failed_entries_ = 0;
    std::uint64_t failed_batches_ = 0;
    // Since the writer last wrote without trouble: when it started failing, and how many
    // entries had failed by then.
    std::chrono::steady_clock::time_point trouble_since_;
    std::uint64_t failed_before_trouble_ = 0;
    bool retrying_ = false;
    bool dropping_ = false;
    bool stopping_ = false;
    std::chrono::steady_clock::time_point give_up_at_;
    bool stopped_ = false;
    std::thread thread_;
};

}  // namespace rapidfire::store
