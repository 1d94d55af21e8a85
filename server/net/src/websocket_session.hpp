#pragma once
// One WebSocket client. Reads frames, decodes them and routes them: the shell answers hello,
// ping, create, join and resume itself; everything else goes to the client's room on the
// room's strand. Sends from a byte-bounded queue, one write in flight at a time.
//
// Threading: the stream's executor is this connection's strand; every member is touched there
// only. The Connection functions post onto it.

#include <memory>
#include <optional>
#include <string>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "connection.hpp"
#include "connection_slot.hpp"
#include "frame_queue.hpp"
#include "rapidfire/protocol/messages.hpp"
#include "token_bucket.hpp"

namespace rapidfire::net {

struct ServerContext;

class WebSocketSession final : public Connection,
                               public std::enable_shared_from_this<WebSocketSession> {
  public:
    WebSocketSession(boost::beast::tcp_stream&& stream, ConnectionSlot slot,
                     std::shared_ptr<ServerContext> context, std::string remote);
    ~WebSocketSession() override;

    // Completes the opening handshake for `upgrade` and starts the session.
    void run(boost::beast::http::request<boost::beast::http::string_body> upgrade);

    void deliver(Frame frame) override;
    void seated(std::shared_ptr<HostedRoom> room, core::MemberId member) override;
    void unseated(const HostedRoom* room, core::MemberId member) override;
    void seat_refused(Frame error) override;
    void shut_down() override;

  private:
    void on_accept(boost::beast::error_code ec);
    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void on_message();
    void route(protocol::ClientMessage message);

    void send(const protocol::ServerMessage& message);
    void enqueue(Frame frame);
    void do_write();
    void on_write(boost::beast::error_code ec, std::size_t bytes);

    // Sends what is queued, then the close frame.
    void start_close(boost::beast::websocket::close_reason reason);
    void do_close();
    // Drops the TCP connection at once (a client too slow to read).
    void abort();
    // The read loop ended: the connection is over.
    void finish(boost::beast::error_code ec);

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    ConnectionSlot slot_;
    std::shared_ptr<ServerContext> context_;
    std::string remote_;
    boost::beast::flat_buffer buffer_;
    FrameQueue queue_;
    TokenBucket rate_;   // over it: the message is refused with rate_limited
    TokenBucket flood_;  // over it: the connection is closed with 1008

    std::shared_ptr<HostedRoom> room_;
    core::MemberId member_ = 0;
    bool seat_pending_ = false;  // a create, join or resume is on its way to a room

    bool writing_ = false;     // one write in flight; its frame stays at the queue's front
    bool aborted_ = false;     // the TCP connection was cut
    bool discarding_ = false;  // the rest of an oversized message is read and thrown away
    std::optional<boost::beast::websocket::close_reason> pending_close_;
    bool close_sent_ = false;
    bool registered_ = false;
    bool finished_ = false;
};

}  // namespace rapidfire::net
