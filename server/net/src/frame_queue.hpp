#pragma once
// A connection's unsent frames, bounded in bytes so that a client that stops reading cannot
// make the server grow without limit. It is the connection's write state too: the frames at
// its front are the ones being written, all of them in one gathered write.

#include <cstddef>
#include <iterator>
#include <vector>

#include <boost/asio/buffer.hpp>

#include "frame.hpp"

namespace rapidfire::net {

// The frames of one write as a buffer sequence. It names them by position in the queue, so
// frames queued while the write is under way do not disturb it.
class FrameBuffers {
  public:
    class const_iterator {
      public:
        using iterator_category = std::bidirectional_iterator_tag;
        using value_type = boost::asio::const_buffer;
        using difference_type = std::ptrdiff_t;
        using pointer = const value_type*;
        using reference = value_type;

        const_iterator() = default;
        const_iterator(const std::vector<Frame>* frames, std::size_t at)
            : frames_(frames), at_(at) {}
        value_type operator*() const {
            const std::string& frame = *(*frames_)[at_];
            return {frame.data(), frame.size()};
        }
        const_iterator& operator++() { return ++at_, *this; }
        const_iterator operator++(int) { return {frames_, at_++}; }
        const_iterator& operator--() { return --at_, *this; }
        const_iterator operator--(int) { return {frames_, at_--}; }
        friend bool operator==(const const_iterator&, const const_iterator&) = default;

      private:
        const std::vector<Frame>* frames_ = nullptr;
        std::size_t at_ = 0;
    };

    FrameBuffers(const std::vector<Frame>* frames, std::size_t first, std::size_t count)
        : frames_(frames), first_(first), count_(count) {}
    const_iterator begin() const { return {frames_, first_}; }
    const_iterator end() const { return {frames_, first_ + count_}; }

  private:
    const std::vector<Frame>* frames_;
    std::size_t first_;
    std::size_t count_;
};

class FrameQueue {
  public:
    // A write gathers at most this many frames (Asio's limit for one sendmsg).
    static constexpr std::size_t max_gathered = 64;

    explicit FrameQueue(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    // Appends a frame; false (and nothing queued) when the queue would pass its byte limit.
    // A frame on an empty queue is always taken, so one large message never fails alone.
    bool push(Frame frame);

    // Starts a write of the frames at the front (at most max_gathered). The queue must not be
    // empty or already writing.
    FrameBuffers start_write();
    // The write started last went out: its frames leave the queue.
    void written();
    // Drops every frame: when a write failed, or when none is under way (a write's buffers
    // point into the queue).
    void clear();

    bool empty() const { return head_ == frames_.size(); }
    bool writing() const { return writing_ != 0; }
    std::size_t bytes() const { return bytes_; }

  private:
    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::vector<Frame> frames_;  // the unsent frames are from head_ on
    std::size_t head_ = 0;
    std::size_t writing_ = 0;  // how many frames from head_ the write under way carries
};

}  // namespace rapidfire::net
