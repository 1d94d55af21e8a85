#pragma once
// The layer under Beast's WebSocket stream that every byte a connection sends goes through.
//
// The session writes its messages itself, as frames made once per broadcast (frame.hpp) and
// gathered into one write (frame_queue.hpp), while Beast keeps writing what it owns: the
// handshake's response, pings, pongs and close frames. The gate keeps the two from mixing:
// - one write at a time, each written whole, so no frame is ever cut by another;
// - a write of Beast's that has to wait goes before the session's next one, so a pong or a
//   ping is not held behind the session's backlog;
// - once Beast has a close frame to send, the session's writes are refused with
//   websocket::error::closed: nothing follows a close (the session sends its own close only
//   after its queue is empty).
// Only the rare wait allocates; a write that finds the gate idle starts at once.
//
// Threading: like the stream it wraps, used on the connection's strand only.

#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/teardown.hpp>

namespace rapidfire::net {

template <class NextLayer>
class WriteGate {
  public:
    using next_layer_type = NextLayer;
    using executor_type = typename NextLayer::executor_type;
    using error_code = boost::beast::error_code;

    template <class... Args>
    explicit WriteGate(Args&&... args) : next_(std::forward<Args>(args)...) {}

    next_layer_type& next_layer() noexcept { return next_; }
    const next_layer_type& next_layer() const noexcept { return next_; }
    executor_type get_executor() noexcept { return next_.get_executor(); }

    // From here on Beast writes frames; before, it wrote the handshake's HTTP response.
    void start_frames() { framing_ = true; }

    // Reads go straight through.
    template <class MutableBuffers, class Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token) {
        return next_.async_read_some(buffers, std::forward<Token>(token));
    }

    // Beast's writes. Each completes once all of `buffers` is written.
    template <class ConstBuffers, class Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token) {
        return boost::asio::async_initiate<Token, void(error_code, std::size_t)>(
            [this](auto handler, const ConstBuffers& buffers) {
                if (framing_ && is_close_frame(buffers))
                    closing_ = true;
                if (busy_)
                    return wait(beast_waiting_, buffers, std::move(handler));
                start(buffers, std::move(handler));
            },
            token, buffers);
    }

    // The session's writes: whole frames, written whole.
    template <class ConstBuffers, class Token>
    auto async_write_frames(const ConstBuffers& frames, Token&& token) {
        return boost::asio::async_initiate<Token, void(error_code, std::size_t)>(
            [this](auto handler, const ConstBuffers& frames) {
                if (closing_)
                    return refuse(std::move(handler));
                if (busy_)
                    return wait(session_waiting_, frames, std::move(handler));
                start(frames, std::move(handler));
            },
            token, frames);
    }

  private:
    using AnyHandler = boost::asio::any_completion_handler<void(error_code, std::size_t)>;

    // A write that found the gate busy: its buffers (the memory stays its caller's until it
    // completes) and its handler.
    struct Waiting {
        std::vector<boost::asio::const_buffer> buffers;
        AnyHandler handler;
    };

    // Completes a write: frees the gate, starts what waits, then calls the writer back. It
    // runs on the stream's executor (the connection's strand), which is the session's too; a
    // handler of Beast's that waited is dispatched to its own executor.
    template <class Handler>
    struct Done {
        WriteGate* gate;
        Handler handler;

        void operator()(error_code ec, std::size_t bytes) {
            gate->write_done();
            if constexpr (std::is_same_v<Handler, AnyHandler>) {
                boost::asio::dispatch(gate->get_executor(),
                                      boost::asio::append(std::move(handler), ec, bytes));
            } else {
                std::move(handler)(ec, bytes);
            }
        }
    };

    // A frame's first byte holds its opcode in the low four bits; 8 is close (RFC 6455, 5.2).
    // Beast writes each control frame with one call, so its first buffer starts the frame.
    template <class ConstBuffers>
    static bool is_close_frame(const ConstBuffers& buffers) {
        for (auto it = boost::asio::buffer_sequence_begin(buffers);
             it != boost::asio::buffer_sequence_end(buffers); ++it) {
            const boost::asio::const_buffer buffer = *it;
            if (buffer.size() != 0)
                return (*static_cast<const unsigned char*>(buffer.data()) & 0x0f) == 0x8;
        }
        return false;
    }

    template <class ConstBuffers, class Handler>
    void start(const ConstBuffers& buffers, Handler&& handler) {
        busy_ = true;
        boost::asio::async_write(next_, buffers,
                                 Done<std::decay_t<Handler>>{this, std::forward<Handler>(handler)});
    }

    template <class ConstBuffers, class Handler>
    void wait(std::unique_ptr<Waiting>& slot, const ConstBuffers& buffers, Handler&& handler) {
        slot = std::make_unique<Waiting>(Waiting{{boost::asio::buffer_sequence_begin(buffers),
                                                  boost::asio::buffer_sequence_end(buffers)},
                                                 AnyHandler(std::forward<Handler>(handler))});
    }

    template <class Handler>
    void refuse(Handler&& handler) {
        boost::asio::post(
            next_.get_executor(),
            boost::asio::append(std::forward<Handler>(handler),
                                error_code(boost::beast::websocket::error::closed), 0));
    }

    void write_done() {
        busy_ = false;
        if (beast_waiting_) {
            auto waiting = std::move(beast_waiting_);
            start(waiting->buffers, std::move(waiting->handler));
        } else if (session_waiting_) {
            auto waiting = std::move(session_waiting_);
            if (closing_)
                return refuse(std::move(waiting->handler));
            start(waiting->buffers, std::move(waiting->handler));
        }
    }

    NextLayer next_;
    std::unique_ptr<Waiting> beast_waiting_;
    std::unique_ptr<Waiting> session_waiting_;
    bool busy_ = false;     // a write is under way
    bool framing_ = false;  // the handshake is over
    bool closing_ = false;  // Beast has a close frame to send, or sent one
};

// Beast's WebSocket stream tears the connection down through its next layer: the gate hands
// that to the stream under it.
template <class NextLayer, class TeardownHandler>
void async_teardown(boost::beast::role_type role, WriteGate<NextLayer>& gate,
                    TeardownHandler&& handler) {
    using boost::beast::websocket::async_teardown;
    async_teardown(role, gate.next_layer(), std::forward<TeardownHandler>(handler));
}

}  // namespace rapidfire::net
