#include "frame_queue.hpp"

namespace rapidfire::net {

bool FrameQueue::push(Frame frame) {
    if (!frames_.empty() && bytes_ + frame->size() > max_bytes_)
        return false;
    bytes_ += frame->size();
    frames_.push_back(std::move(frame));
    return true;
}

void FrameQueue::pop() {
    bytes_ -= frames_.front()->size();
    frames_.pop_front();
}

void FrameQueue::clear() {
    frames_.clear();
    bytes_ = 0;
}

}  // namespace rapidfire::net
