#include "websocket_session.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "connection.hpp"
#include "frame_queue.hpp"
#include "hosted_room.hpp"
#include "match_lobby.hpp"
#include "rapidfire/common/overloaded.hpp"
#include "rapidfire/core/entropy.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/protocol/messages.hpp"
#include "review_runs.hpp"
#include "server_context.hpp"
#include "token_bucket.hpp"
#include "write_gate.hpp"

namespace rapidfire::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using common::overloaded;
using protocol::ErrorCode;
using protocol::make_error;

namespace {

// Ends of a connection that are routine and not worth more than a debug line.
bool is_routine(const beast::error_code& ec) {
    return ec == websocket::error::closed || ec == asio::error::eof ||
           ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
           ec == asio::error::broken_pipe || ec == beast::error::timeout ||
           ec == asio::ssl::error::stream_truncated;  // a TLS peer gone without close_notify
}

template <class Stream>
constexpr bool is_tls = std::is_same_v<Stream, TlsStream>;

// How often one connection may join the matching queue (a flood of join and leave).
constexpr double max_match_joins_per_minute = 10;

// One WebSocket client (see websocket_session.hpp), over a plain TCP stream (ws://) or TLS
// (wss://); the two are instantiated below, by start_websocket_session.
template <class Stream>
class WebSocketSession final : public Connection,
                               public std::enable_shared_from_this<WebSocketSession<Stream>> {
  public:
    WebSocketSession(Stream&& stream, ConnectionSlot slot, std::shared_ptr<ServerContext> context,
                     std::string remote);
    ~WebSocketSession() override;

    // Completes the opening handshake for `upgrade` and starts the session.
    void run(UpgradeRequest upgrade);

    void deliver(FrameBatch frames) override;
    void seated(std::shared_ptr<HostedRoom> room, core::MemberId member) override;
    void unseated(const HostedRoom* room, core::MemberId member) override;
    void seat_refused(Frame error) override;
    void left_queue() override;
    void shut_down() override;

  private:
    void on_accept(beast::error_code ec);
    void do_read();
    void on_read(beast::error_code ec, std::size_t bytes);
    void on_message();
    void route(protocol::ClientMessage message);

    void send(const protocol::ServerMessage& message);
    void enqueue(Frame frame);
    void enqueue(FrameBatch frames);
    // Queues a frame without starting a write; false if it was not queued.
    bool push(Frame frame);
    void do_write();
    void on_write(beast::error_code ec, std::size_t bytes);

    // The close this server sends: a code and a reason that is a string literal (Beast's
    // close_reason holds 123 bytes of text, kept by every connection).
    struct CloseWith {
        beast::websocket::close_code code;
        std::string_view reason;
    };
    // Sends what is queued, then the close frame.
    void start_close(CloseWith close);
    void do_close();
    // Drops the TCP connection at once (a client too slow to read).
    void abort();
    // The read loop ended: the connection is over.
    void finish(beast::error_code ec);

    // Beast reads, answers pings and closes; the session writes its frames through the gate.
    // (No permessage-deflate: the server never offers it, so its state is left out.)
    beast::websocket::stream<WriteGate<Stream>, false> ws_;
    // The stream's executor, copied once: the Connection functions, called from any thread,
    // read this and nothing of the stream.
    const ConnectionStrand strand_;
    ConnectionSlot slot_;
    std::shared_ptr<ServerContext> context_;
    std::string remote_;
    beast::flat_buffer buffer_;
    FrameQueue queue_;
    TokenBucket rate_;         // over it: the message is refused with rate_limited
    TokenBucket flood_;        // over it: the connection is closed with 1008
    TokenBucket match_joins_;  // over it: match_join is refused with rate_limited

    // The connection's seat: none yet, waiting in the matching queue (until the lobby answers
    // with left_queue, or a room with seated), asked for (a create, join or resume is on its
    // way to a room, which answers with seated or seat_refused), or held.
    struct NoSeat {};
    struct Queued {};
    struct SeatAsked {};
    struct SeatHeld {
        std::shared_ptr<HostedRoom> room;
        core::MemberId member = 0;
    };
    std::variant<NoSeat, Queued, SeatAsked, SeatHeld> seat_;

    // Where the connection is in its life. Frames are queued only while open; the queue is the
    // write state: a write is in flight exactly when the queue is not empty.
    enum class Life {
        handshaking,  // the opening handshake is under way
        open,         // registered: reading and writing
        closing,      // a close waits behind the queued frames (pending_close_)
        close_sent,   // the close frame went out; reading until the peer answers
        aborted,      // the TCP connection was cut
        finished,     // the read loop ended: the connection is over
    };
    Life life_ = Life::handshaking;
    CloseWith pending_close_{};
    bool discarding_ = false;  // the rest of an oversized message is read and thrown away
};

}  // namespace

template <class Stream>
WebSocketSession<Stream>::WebSocketSession(Stream&& stream, ConnectionSlot slot,
                                           std::shared_ptr<ServerContext> context,
                                           std::string remote)
    : ws_(std::move(stream)),
      strand_(ws_.get_executor()),
      slot_(std::move(slot)),
      context_(std::move(context)),
      remote_(std::move(remote)),
      queue_(context_->options.max_queue_bytes),
      rate_(context_->options.max_messages_per_second,
            2 * context_->options.max_messages_per_second),
      flood_(5 * context_->options.max_messages_per_second,
             10 * context_->options.max_messages_per_second),
      match_joins_(max_match_joins_per_minute / 60.0, max_match_joins_per_minute) {}

template <class Stream>
WebSocketSession<Stream>::~WebSocketSession() = default;

template <class Stream>
void WebSocketSession<Stream>::run(UpgradeRequest upgrade) {
    const auto& options = context_->options;
    // The HTTP session's deadline no longer applies: the WebSocket timeouts take over, with
    // pings sent after half the idle time.
    beast::get_lowest_layer(ws_).expires_never();
    websocket::stream_base::timeout timeout{};
    timeout.handshake_timeout = options.handshake_timeout;
    timeout.idle_timeout = options.idle_timeout;
    timeout.keep_alive_pings = true;
    ws_.set_option(timeout);
    ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
        response.set(http::field::server, "rapidfire/" RAPIDFIRE_VERSION);
    }));
    // Messages are read piecewise and refused past max_message_bytes with an error message
    // first; Beast's own limit is only the backstop for a single frame far too large to read.
    ws_.read_message_max(4 * options.max_message_bytes);
    ws_.async_accept(upgrade, beast::bind_front_handler(&WebSocketSession<Stream>::on_accept,
                                                        this->shared_from_this()));
}

template <class Stream>
void WebSocketSession<Stream>::on_accept(beast::error_code ec) {
    if (ec) {
        spdlog::debug("{}: WebSocket handshake failed: {}", remote_, ec.message());
        return;
    }
    life_ = Life::open;
    ws_.next_layer().start_frames();
    context_->connections.add(this->shared_from_this());
    spdlog::info("{}: connected{}", remote_, is_tls<Stream> ? " (TLS)" : "");
    // Registered before the welcome goes out, so a client that has the welcome is reachable by
    // everything else (a shutdown included). Checked after registering: either the shutdown
    // saw this connection or this connection sees the shutdown.
    if (context_->stopping.load()) {
        start_close({websocket::close_code::service_restart, "service restart"});
    } else {
        protocol::Welcome welcome;
        welcome.server = "rapidfire/" RAPIDFIRE_VERSION;
        welcome.max_message_bytes = static_cast<int>(context_->options.max_message_bytes);
        welcome.server_time = context_->clock.now();
        send(welcome);
    }
    do_read();
}

template <class Stream>
void WebSocketSession<Stream>::do_read() {
    const std::size_t max = context_->options.max_message_bytes;
    // A read waits with its buffer already made (Beast prepares it up front), so it asks for a
    // small piece: a typical message fits, a longer one takes a few reads, and an idle player
    // holds 256 bytes instead of about 1.4 KiB. At most one byte past the limit is ever
    // buffered: enough to see it was passed.
    constexpr std::size_t piece = 256;
    const std::size_t limit = discarding_ ? 64 * 1024 : std::min(piece, max + 1 - buffer_.size());
    ws_.async_read_some(
        buffer_, limit,
        beast::bind_front_handler(&WebSocketSession<Stream>::on_read, this->shared_from_this()));
}

template <class Stream>
void WebSocketSession<Stream>::on_read(beast::error_code ec, std::size_t) {
    if (ec)
        return finish(ec);
    if (discarding_) {
        buffer_.clear();
        return do_read();
    }
    if (buffer_.size() > context_->options.max_message_bytes) {
        buffer_.clear();
        discarding_ = !ws_.is_message_done();
        context_->metrics->messages_received();
        spdlog::warn("{}: message larger than {} bytes; closing", remote_,
                     context_->options.max_message_bytes);
        send(make_error(ErrorCode::frame_too_large,
                        "messages are limited to " +
                            std::to_string(context_->options.max_message_bytes) + " bytes"));
        start_close({websocket::close_code::too_big, "frame_too_large"});
        return do_read();
    }
    if (!ws_.is_message_done())
        return do_read();
    discarding_ = false;
    on_message();
    // An idle connection keeps no read buffer: most players send a message now and then, and
    // each would otherwise hold the room its largest one needed.
    buffer_.clear();
    buffer_.shrink_to_fit();
    do_read();
}

template <class Stream>
void WebSocketSession<Stream>::on_message() {
    // Once closing, what the client still sends is read (to finish the close handshake) and
    // ignored. Close reasons are the error codes, as PROTOCOL.md says.
    if (life_ != Life::open)
        return;
    context_->metrics->messages_received();
    const auto now = TokenBucket::Clock::now();
    if (!flood_.take(now)) {
        context_->metrics->flood_closed();
        spdlog::warn("{}: message flood; closing", remote_);
        return start_close({websocket::close_code::policy_error, "rate_limited"});
    }
    if (!rate_.take(now)) {
        context_->metrics->rate_limited();
        return send(make_error(ErrorCode::rate_limited, "too many messages; this one was dropped"));
    }
    if (ws_.got_binary()) {
        // PROTOCOL.md: an error, then close 1003 (unsupported data).
        send(make_error(ErrorCode::binary_frame, "send JSON in text frames"));
        return start_close({websocket::close_code::unknown_data, "binary_frame"});
    }
    const auto data = buffer_.cdata();
    const std::string_view text(static_cast<const char*>(data.data()), data.size());
    auto decoded = protocol::decode_client_message(text);
    if (auto* error = std::get_if<protocol::DecodeError>(&decoded)) {
        spdlog::debug("{}: refused message: {}", remote_, error->message);
        return send(make_error(error->code, error->message, error->request, error->field));
    }
    try {
        route(std::get<protocol::ClientMessage>(std::move(decoded)));
    } catch (const std::exception& e) {
        spdlog::error("{}: internal error: {}", remote_, e.what());
        send(make_error(ErrorCode::internal, "internal server error"));
    }
}

template <class Stream>
void WebSocketSession<Stream>::route(protocol::ClientMessage message) {
    const std::string_view request = protocol::type_of(message);
    auto self = this->shared_from_this();
    auto refuse_if_seated = [&] {
        if (std::holds_alternative<NoSeat>(seat_))
            return false;
        if (std::holds_alternative<Queued>(seat_)) {
            send(make_error(ErrorCode::already_queued, "leave the matching queue first", request));
        } else {
            send(make_error(ErrorCode::already_in_room, "leave this room first", request));
        }
        return true;
    };
    auto refuse_unless_queued = [&] {
        if (std::holds_alternative<Queued>(seat_))
            return false;
        send(make_error(ErrorCode::not_queued, "you are not waiting for a partner", request));
        return true;
    };

    // A room of another server is asked for here only when that server is down: behind the
    // proxy a room's requests reach its own server while it runs.
    auto of_another_node = [&](std::string_view code) {
        const auto own = context_->options.node_id;
        std::string upper(code);
        for (auto& c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const auto node = core::node_of_room_code(upper);
        return own && node && *node != *own;
    };

    // The handlers take non-const references so the generic one below never outbids them.
    std::visit(overloaded{
                   [&](protocol::Hello& hello) {
                       if (hello.protocol != protocol::protocol_version) {
                           return send(make_error(ErrorCode::unsupported_version,
                                                  "this server speaks protocol " +
                                                      std::to_string(protocol::protocol_version),
                                                  request, "protocol"));
                       }
                       spdlog::debug("{}: hello from {}", remote_, hello.client);
                   },
                   [&](protocol::Ping& ping) {
                       send(protocol::Pong{ping.nonce, context_->clock.now()});
                   },
                   [&](protocol::ListRooms& list) {
                       // With or without a seat: the list is the server's, not a room's.
                       std::visit([&](const auto& answer) { send(answer); },
                                  context_->open_rooms.list(list.kind, std::move(list.topic),
                                                            context_->clock.now()));
                   },
                   [&](protocol::MatchJoin& join) {
                       if (refuse_if_seated())
                           return;
                       if (context_->draining.load()) {
                           return send(make_error(ErrorCode::server_draining,
                                                  "this server is shutting down: reconnect and "
                                                  "look for a partner again",
                                                  request));
                       }
                       if (!match_joins_.take(TokenBucket::Clock::now())) {
                           return send(make_error(ErrorCode::rate_limited,
                                                  "you joined the queue too often: wait a minute",
                                                  request));
                       }
                       seat_ = Queued{};
                       context_->matches->join(self, std::move(join));
                   },
                   [&](protocol::MatchLeave&) {
                       if (!refuse_unless_queued())
                           context_->matches->leave(self);
                   },
                   [&](protocol::MatchConfirm&) {
                       if (!refuse_unless_queued())
                           context_->matches->confirm(self);
                   },
                   [&](protocol::CreateRoom& create) {
                       if (refuse_if_seated())
                           return;
                       if (context_->draining.load()) {
                           return send(make_error(ErrorCode::server_draining,
                                                  "this server is shutting down: reconnect and "
                                                  "create the room again",
                                                  request));
                       }
                       if (create.settings.review.value_or(false)) {
                           seat_ = SeatAsked{};
                           return open_review_run(context_, self, std::move(create));
                       }
                       auto created = context_->rooms.create(create);
                       if (auto* error = std::get_if<protocol::Error>(&created))
                           return send(*error);
                       seat_ = SeatAsked{};
                       std::get<std::shared_ptr<HostedRoom>>(created)->seat_creator(self);
                   },
                   [&](protocol::Join& join) {
                       if (refuse_if_seated())
                           return;
                       auto room = context_->rooms.find(join.code);
                       if (!room) {
                           return send(of_another_node(join.code)
                                           ? protocol::room_server_gone_error(request)
                                           : protocol::room_not_found_error());
                       }
                       seat_ = SeatAsked{};
                       room->join(self, std::move(join));
                   },
                   [&](protocol::Resume& resume) {
                       if (refuse_if_seated())
                           return;
                       const auto code = core::room_code_of_token(resume.token);
                       auto room = context_->rooms.find(code);
                       if (!room) {
                           return send(of_another_node(code)
                                           ? protocol::room_server_gone_error(request)
                                           : protocol::bad_resume_token_error());
                       }
                       seat_ = SeatAsked{};
                       room->resume(self, std::move(resume.token));
                   },
                   [&](auto& in_room) {
                       const auto* held = std::get_if<SeatHeld>(&seat_);
                       if (held == nullptr) {
                           return send(make_error(ErrorCode::not_in_room,
                                                  std::holds_alternative<NoSeat>(seat_)
                                                      ? "join or create a room first"
                                                      : "wait until you are in the room",
                                                  request));
                       }
                       held->room->handle(self, held->member, std::move(in_room));
                   },
               },
               message);
}

template <class Stream>
void WebSocketSession<Stream>::deliver(FrameBatch frames) {
    asio::dispatch(strand_,
                   [self = this->shared_from_this(), frames = std::move(frames)]() mutable {
                       self->enqueue(std::move(frames));
                   });
}

template <class Stream>
void WebSocketSession<Stream>::seated(std::shared_ptr<HostedRoom> room, core::MemberId member) {
    asio::dispatch(strand_, [self = this->shared_from_this(), room = std::move(room), member] {
        if (self->life_ == Life::finished) {
            // The connection ended while the seat was on its way: give it back at once.
            room->disconnected(self->id(), member);
            return;
        }
        self->seat_ = SeatHeld{std::move(room), member};
    });
}

template <class Stream>
void WebSocketSession<Stream>::unseated(const HostedRoom* room, core::MemberId member) {
    asio::dispatch(strand_, [self = this->shared_from_this(), room, member] {
        const auto* held = std::get_if<SeatHeld>(&self->seat_);
        if (held != nullptr && held->room.get() == room && held->member == member)
            self->seat_ = NoSeat{};
    });
}

template <class Stream>
void WebSocketSession<Stream>::seat_refused(Frame error) {
    asio::dispatch(strand_, [self = this->shared_from_this(), error = std::move(error)]() mutable {
        self->seat_ = NoSeat{};
        self->enqueue(std::move(error));
    });
}

template <class Stream>
void WebSocketSession<Stream>::left_queue() {
    asio::dispatch(strand_, [self = this->shared_from_this()] {
        if (std::holds_alternative<Queued>(self->seat_))
            self->seat_ = NoSeat{};
    });
}

template <class Stream>
void WebSocketSession<Stream>::shut_down() {
    asio::dispatch(strand_, [self = this->shared_from_this()] {
        self->start_close({websocket::close_code::service_restart, "service restart"});
    });
}

template <class Stream>
void WebSocketSession<Stream>::send(const protocol::ServerMessage& message) {
    context_->metrics->messages_sent(1);
    enqueue(make_frame(protocol::encode(message)));
}

template <class Stream>
void WebSocketSession<Stream>::enqueue(Frame frame) {
    if (push(std::move(frame)) && !queue_.writing())
        do_write();
}

template <class Stream>
void WebSocketSession<Stream>::enqueue(FrameBatch frames) {
    // All of them first, so that they go out in one write.
    for (auto& frame : frames) {
        if (!push(std::move(frame)))
            return;
    }
    if (!queue_.empty() && !queue_.writing())
        do_write();
}

template <class Stream>
bool WebSocketSession<Stream>::push(Frame frame) {
    // Nothing new goes out once a close is under way, so the close is never starved.
    if (life_ != Life::open)
        return false;
    if (!queue_.push(std::move(frame))) {
        context_->metrics->slow_client_dropped();
        spdlog::warn("{}: client too slow: {} bytes unsent (limit {}); disconnecting", remote_,
                     queue_.bytes(), context_->options.max_queue_bytes);
        abort();
        return false;
    }
    return true;
}

template <class Stream>
void WebSocketSession<Stream>::do_write() {
    // Every frame queued so far goes in one write (up to FrameQueue::max_gathered).
    ws_.next_layer().async_write_frames(
        queue_.start_write(),
        beast::bind_front_handler(&WebSocketSession<Stream>::on_write, this->shared_from_this()));
}

template <class Stream>
void WebSocketSession<Stream>::on_write(beast::error_code ec, std::size_t) {
    if (ec || life_ == Life::aborted || life_ == Life::finished) {
        // The read side sees the failure too and ends the session. The frames being written
        // are released only now that the write no longer reads from them.
        if (ec && !is_routine(ec))
            spdlog::debug("{}: write failed: {}", remote_, ec.message());
        queue_.clear();
        return;
    }
    queue_.written();
    if (!queue_.empty())
        return do_write();
    if (life_ == Life::closing)
        do_close();
}

template <class Stream>
void WebSocketSession<Stream>::start_close(CloseWith close) {
    if (life_ == Life::handshaking)
        return abort();  // no handshake yet: nothing to close politely
    if (life_ != Life::open)
        return;
    life_ = Life::closing;
    pending_close_ = close;
    if (queue_.empty())
        do_close();
}

template <class Stream>
void WebSocketSession<Stream>::do_close() {
    life_ = Life::close_sent;
    const websocket::close_reason reason(
        pending_close_.code, {pending_close_.reason.data(), pending_close_.reason.size()});
    ws_.async_close(reason, [self = this->shared_from_this()](beast::error_code ec) {
        if (ec && !is_routine(ec))
            spdlog::debug("{}: close failed: {}", self->remote_, ec.message());
    });
}

template <class Stream>
void WebSocketSession<Stream>::abort() {
    life_ = Life::aborted;  // a write in flight fails and on_write releases the queue
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(ws_).socket().close(ignored);
}

template <class Stream>
void WebSocketSession<Stream>::finish(beast::error_code ec) {
    if (life_ == Life::finished)
        return;
    const bool closed_by_server = life_ == Life::close_sent;
    life_ = Life::finished;  // a write in flight fails and on_write releases the queue
    context_->connections.remove(*this);
    if (auto* held = std::get_if<SeatHeld>(&seat_))
        held->room->disconnected(id(), held->member);
    // Also while a room for a pair is on its way: the lobby then has nothing to drop, and the
    // room gives the seat back when seated() finds the connection finished.
    if (std::holds_alternative<Queued>(seat_))
        context_->matches->disconnected(id());
    seat_ = NoSeat{};
    if (closed_by_server) {
        spdlog::info("{}: disconnected (closed by the server: {} {})", remote_,
                     static_cast<unsigned>(pending_close_.code), pending_close_.reason);
    } else if (ec == websocket::error::closed) {
        spdlog::info("{}: disconnected (closed by the client: {})", remote_,
                     static_cast<unsigned>(ws_.reason().code));
    } else {
        spdlog::info("{}: disconnected ({})", remote_, ec.message());
    }
}

void start_websocket_session(PlainStream&& stream, ConnectionSlot slot,
                             std::shared_ptr<ServerContext> context, std::string remote,
                             UpgradeRequest upgrade) {
    std::make_shared<WebSocketSession<PlainStream>>(std::move(stream), std::move(slot),
                                                    std::move(context), std::move(remote))
        ->run(std::move(upgrade));
}

void start_websocket_session(TlsStream&& stream, ConnectionSlot slot,
                             std::shared_ptr<ServerContext> context, std::string remote,
                             UpgradeRequest upgrade) {
    std::make_shared<WebSocketSession<TlsStream>>(std::move(stream), std::move(slot),
                                                  std::move(context), std::move(remote))
        ->run(std::move(upgrade));
}

}  // namespace rapidfire::net
