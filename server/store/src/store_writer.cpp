#include "rapidfire/store/store_writer.hpp"

#include <spdlog/spdlog.h>

namespace rapidfire::store {

StoreWriter::StoreWriter(Store& store, std::chrono::milliseconds interval, std::size_t max_batch)
    : store_(store), interval_(interval), max_batch_(max_batch), thread_([this] { run(); }) {}

StoreWriter::~StoreWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void StoreWriter::submit(std::vector<core::JournalEntry> entries) {
    if (entries.empty())
        return;
    std::size_t queued = 0;
    {
        std::lock_guard lock(mutex_);
        submitted_ += entries.size();
        for (auto& entry : entries)
            queue_.push_back(std::move(entry));
        queued = queue_.size();
    }
    if (queued >= max_batch_)
        wake_.notify_all();
}

void StoreWriter::after_commit(std::function<void(Store&)> read) {
    {
        std::lock_guard lock(mutex_);
        reads_.push_back(std::move(read));
    }
    wake_.notify_all();
}

void StoreWriter::flush() {
    std::unique_lock lock(mutex_);
    const std::uint64_t target = submitted_;
    wake_.notify_all();
    done_.wait(lock, [&] { return committed_ >= target || stopping_; });
}

std::uint64_t StoreWriter::committed_entries() const {
    std::lock_guard lock(mutex_);
    return committed_;
}

std::uint64_t StoreWriter::failed_batches() const {
    std::lock_guard lock(mutex_);
    return failed_batches_;
}

void StoreWriter::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait_for(lock, interval_, [&] {
            return stopping_ || queue_.size() >= max_batch_ || committed_ < submitted_ ||
                   !reads_.empty();
        });
        if (queue_.empty() && reads_.empty()) {
            if (stopping_)
                return;
            // Woken with nothing queued (a flush of an empty queue): nothing to write.
            if (committed_ >= submitted_)
                continue;
        }
        std::vector<core::JournalEntry> batch;
        batch.swap(queue_);
        std::vector<std::function<void(Store&)>> reads;
        reads.swap(reads_);
        lock.unlock();
        bool ok = true;
        try {
            if (!batch.empty())
                store_.record(batch);
        } catch (const std::exception& e) {
            // The batch is lost, the server goes on: the record is worth less than the game.
            ok = false;
            spdlog::error("store: a batch of {} entries was not written: {}", batch.size(),
                          e.what());
        }
        lock.lock();
        committed_ += batch.size();
        if (!ok)
            ++failed_batches_;
        done_.notify_all();
        lock.unlock();
        for (auto& read : reads) {
            try {
                read(store_);
            } catch (const std::exception& e) {
                spdlog::warn("store: a read after the commit failed: {}", e.what());
            }
        }
        lock.lock();
        if (stopping_ && queue_.empty() && reads_.empty())
            return;
    }
}

}  // namespace rapidfire::store
