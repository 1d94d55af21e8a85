#include "rapidfire/store/store_writer.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace rapidfire::store {

namespace {

// While the database cannot be reached, the writer tries again after this, doubling up to
// the longest wait.
constexpr std::chrono::milliseconds first_backoff{100};
constexpr std::chrono::milliseconds longest_backoff{2000};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

StoreWriter::StoreWriter(Store& store, std::chrono::milliseconds interval, WriterLimits limits)
    : store_(store), interval_(interval), limits_(limits), thread_([this] { run(); }) {}

StoreWriter::~StoreWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        give_up_at_ = std::chrono::steady_clock::now() + limits_.give_up;
    }
    wake_.notify_all();
    thread_.join();
}

void StoreWriter::submit(std::vector<core::JournalEntry> entries) {
    if (entries.empty())
        return;
    bool started_dropping = false;
    bool wake = false;
    {
        std::lock_guard lock(mutex_);
        const std::uint64_t failed_before = failed_entries_;
        submitted_ += entries.size();
        for (auto& entry : entries)
            queue_.push_back(std::move(entry));
        // Past the bound, the oldest go: first those of the batch waiting for the database
        // (they leave it when its attempt fails), then the oldest queued.
        for (std::size_t over = held() - std::min(held(), limits_.max_held); over > 0; --over) {
            if (batch_dropped_ < batch_size_) {
                ++batch_dropped_;
            } else {
                queue_.pop_front();
                ++queue_start_;
                ++failed_entries_;
            }
            if (!dropping_) {
                dropping_ = started_dropping = true;
                if (!retrying_) {
                    trouble_since_ = std::chrono::steady_clock::now();
                    failed_before_trouble_ = failed_before;
                }
            }
        }
        wake = queue_.size() >= limits_.max_batch;
    }
    if (started_dropping) {
        spdlog::error(
            "store: {} entries are waiting for the database, the most the writer holds: the "
            "oldest are dropped and will not be in the record",
            limits_.max_held);
    }
    if (wake)
        wake_.notify_all();
}

void StoreWriter::after_commit(std::function<void(Store&)> read) {
    {
        std::lock_guard lock(mutex_);
        reads_.push_back({submitted_, std::move(read)});
    }
    wake_.notify_all();
}

void StoreWriter::flush() {
    std::unique_lock lock(mutex_);
    const std::uint64_t target = submitted_;
    wake_.notify_all();
    done_.wait(lock, [&] { return first_pending() >= target || stopped_; });
}

bool StoreWriter::flush(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    const std::uint64_t target = submitted_;
    wake_.notify_all();
    return done_.wait_for(lock, limit, [&] { return first_pending() >= target || stopped_; }) &&
           first_pending() >= target;
}

std::uint64_t StoreWriter::committed_entries() const {
    std::lock_guard lock(mutex_);
    return committed_;
}

std::uint64_t StoreWriter::failed_entries() const {
    std::lock_guard lock(mutex_);
    return failed_entries_;
}

std::uint64_t StoreWriter::failed_batches() const {
    std::lock_guard lock(mutex_);
    return failed_batches_;
}

std::size_t StoreWriter::pending_entries() const {
    std::lock_guard lock(mutex_);
    return held();
}

bool StoreWriter::retrying() const {
    std::lock_guard lock(mutex_);
    return retrying_;
}

std::uint64_t StoreWriter::first_pending() const {
    return batch_size_ > 0 ? batch_start_ : queue_start_;
}

std::size_t StoreWriter::held() const {
    return batch_size_ - batch_dropped_ + queue_.size();
}

void StoreWriter::run_ready_reads(std::unique_lock<std::mutex>& lock) {
    while (!reads_.empty() && reads_.front().after <= first_pending()) {
        auto read = std::move(reads_.front().read);
        reads_.pop_front();
        lock.unlock();
        try {
            read(store_);
        } catch (const std::exception& e) {
            spdlog::warn("store: a read after the commit failed: {}", e.what());
        }
        lock.lock();
    }
}

void StoreWriter::drop_from_batch(std::vector<core::JournalEntry>& batch) {
    if (batch_dropped_ == 0)
        return;
    const auto dropped = static_cast<std::ptrdiff_t>(batch_dropped_);
    batch.erase(batch.begin(), batch.begin() + dropped);
    failed_entries_ += batch_dropped_;
    batch_start_ += batch_dropped_;
    batch_size_ -= batch_dropped_;
    batch_dropped_ = 0;
}

void StoreWriter::batch_done(std::vector<core::JournalEntry>& batch) {
    batch.clear();
    batch_start_ += batch_size_;
    batch_size_ = 0;
    batch_dropped_ = 0;
}

void StoreWriter::give_up(std::vector<core::JournalEntry>& batch, const std::string& error) {
    const std::size_t lost = held();
    failed_entries_ += lost;
    queue_start_ += queue_.size();
    queue_.clear();
    batch_done(batch);
    spdlog::error(
        "store: stopping with the database still unreachable ({}): {} entries are not in the "
        "record",
        error, lost);
    if (!reads_.empty()) {
        spdlog::warn("store: {} reads after a commit were not made", reads_.size());
        reads_.clear();
    }
}

void StoreWriter::run() {
    std::unique_lock lock(mutex_);
    std::vector<core::JournalEntry> batch;  // kept while the database cannot take it
    auto backoff = first_backoff;
    for (;;) {
        if (batch.empty()) {
            wake_.wait_for(lock, interval_,
                           [&] { return stopping_ || !queue_.empty() || !reads_.empty(); });
            const std::size_t size = std::min(queue_.size(), limits_.max_batch);
            batch.reserve(size);
            for (std::size_t i = 0; i < size; ++i) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            batch_start_ = queue_start_;
            batch_size_ = size;
            queue_start_ += size;
        }
        if (!batch.empty()) {
            lock.unlock();
            std::string error;
            bool written = true;
            bool retryable = false;
            try {
                store_.record(batch);
            } catch (const StoreError& e) {
                written = false;
                error = e.what();
                retryable = e.retryable();
            } catch (const std::exception& e) {
                written = false;
                error = e.what();
            }
            lock.lock();
            if (written) {
                committed_ += batch.size();
                batch_done(batch);
                backoff = first_backoff;
                if (retrying_ || dropping_) {
                    spdlog::info(
                        "store: the record is written again after {:.1f} s; {} entries were "
                        "lost meanwhile",
                        seconds_since(trouble_since_), failed_entries_ - failed_before_trouble_);
                    retrying_ = dropping_ = false;
                }
            } else if (!retryable) {
                // The batch is lost, the server goes on: the record is worth less than the game.
                spdlog::error("store: a batch of {} entries was not written: {}", batch.size(),
                              error);
                failed_entries_ += batch.size();
                ++failed_batches_;
                batch_done(batch);
            } else {
                if (!retrying_) {
                    retrying_ = true;
                    if (!dropping_) {
                        trouble_since_ = std::chrono::steady_clock::now();
                        failed_before_trouble_ = failed_entries_;
                    }
                    spdlog::error(
                        "store: cannot write the record ({}); holding {} entries and trying "
                        "again",
                        error, held());
                }
                drop_from_batch(batch);
                const auto now = std::chrono::steady_clock::now();
                if (stopping_ && now >= give_up_at_) {
                    give_up(batch, error);
                } else {
                    const bool was_stopping = stopping_;
                    auto until = now + backoff;
                    if (stopping_)
                        until = std::min(until, give_up_at_);
                    // Only the destructor cuts the wait short: it sets the time to give up.
                    wake_.wait_until(lock, until, [&] { return stopping_ != was_stopping; });
                    backoff = std::min(backoff * 2, longest_backoff);
                }
            }
            done_.notify_all();
        }
        run_ready_reads(lock);
        if (stopping_ && batch.empty() && queue_.empty() && reads_.empty())
            break;
    }
    stopped_ = true;
    done_.notify_all();
}

}  // namespace rapidfire::store
