#pragma once
// A connection's unsent frames, bounded in bytes so that a client that stops reading cannot
// make the server grow without limit.

#include <cstddef>
#include <deque>

#include "frame.hpp"

namespace rapidfire::net {

class FrameQueue {
  public:
    explicit FrameQueue(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    // Appends a frame; false (and nothing queued) when the queue would pass its byte limit.
    // A frame on an empty queue is always taken, so one large message never fails alone.
    bool push(Frame frame);
    const Frame& front() const { return frames_.front(); }
    void pop();
    void clear();

    bool empty() const { return frames_.empty(); }
    std::size_t bytes() const { return bytes_; }

  private:
    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::deque<Frame> frames_;
};

}  // namespace rapidfire::net
