#include "frame_queue.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>

namespace rapidfire::net {

namespace {

// An emptied queue keeps room for this many frames; more was a backlog, given back.
constexpr std::size_t kept_capacity = 16;

}  // namespace

bool FrameQueue::push(Frame frame) {
    if (!empty() && bytes_ + frame->size() > max_bytes_)
        return false;
    bytes_ += frame->size();
    frames_.push_back(std::move(frame));
    return true;
}

FrameBuffers FrameQueue::start_write() {
    assert(!empty() && !writing());
    writing_ = std::min(frames_.size() - head_, max_gathered);
    return {&frames_, head_, writing_};
}

void FrameQueue::written() {
    for (std::size_t i = head_; i < head_ + writing_; ++i) {
        bytes_ -= frames_[i]->size();
        frames_[i].reset();
    }
    head_ += writing_;
    writing_ = 0;
    if (head_ == frames_.size()) {
        // The usual case: everything went out. The capacity stays for the next frames, unless
        // a backlog made it large.
        frames_.clear();
        if (frames_.capacity() > kept_capacity)
            frames_.shrink_to_fit();
        head_ = 0;
    } else if (head_ >= frames_.size() / 2) {
        // A backlog: the sent half is dropped from the front, so each frame moves at most
        // about once on average.
        frames_.erase(frames_.begin(), frames_.begin() + static_cast<std::ptrdiff_t>(head_));
        head_ = 0;
    }
}

void FrameQueue::clear() {
    frames_.clear();
    frames_.shrink_to_fit();
    head_ = 0;
    writing_ = 0;
    bytes_ = 0;
}

}  // namespace rapidfire::net
