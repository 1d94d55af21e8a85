#pragma once
// One WebSocket connection to the server, ws:// or wss:// (Boost.Beast, kept out of this header:
// Beast is slow to compile). Every callback runs on the io_context's thread.

#include <functional>
#include <memory>
#include <string>

#include "client_tls.hpp"
#include "rapidfire/common/ws_url.hpp"

namespace boost::asio {
class io_context;
}

namespace rapidfire::client {

using common::WsUrl;

class WebSocketClient {
  public:
    struct Handlers {
        std::function<void()> opened;                  // the handshake is done
        std::function<void(std::string frame)> frame;  // a text frame arrived
        std::function<void(std::string why)> closed;   // once, when the connection ends
    };

    // Starts connecting at once. A wss:// URL needs `tls` (from make_client_tls).
    static std::shared_ptr<WebSocketClient> connect(boost::asio::io_context& io, const WsUrl& url,
                                                    std::shared_ptr<ClientTls> tls,
                                                    Handlers handlers);
    virtual ~WebSocketClient() = default;

    // Queues a text frame.
    virtual void send(std::string frame) = 0;
    // Closes politely (close handshake); `closed` follows. No callbacks run after `detach`.
    virtual void close() = 0;
    virtual void detach() = 0;
};

}  // namespace rapidfire::client
