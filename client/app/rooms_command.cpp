#include "rooms_command.hpp"

#include <chrono>
#include <iostream>
#include <optional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "rapidfire/client/rooms_format.hpp"
#include "rapidfire/common/ws_url.hpp"
#include "rapidfire/protocol/codec.hpp"
#include "websocket_client.hpp"

namespace rapidfire::client {

namespace {

namespace asio = boost::asio;

constexpr auto answer_timeout = std::chrono::seconds(15);

constexpr int exit_connection = 1;
constexpr int exit_refused = 2;

void say_error(const std::string& message) {
    std::cerr << "rapidfire-client: " << message << "\n";
}

}  // namespace

int run_rooms_command(const Options& options) {
    const auto url = common::parse_ws_url(options.global.url);  // checked by the command line
    std::shared_ptr<ClientTls> tls;
    if (url->tls) {
        try {
            tls = make_client_tls(options.global.ca_file);
        } catch (const std::exception& e) {
            say_error(e.what());
            return exit_connection;
        }
    }

    asio::io_context io;
    asio::steady_timer deadline(io);
    std::optional<int> exit_code;
    std::shared_ptr<WebSocketClient> ws;
    // The first answer decides: the list, or the server's refusal; then the connection closes.
    auto finish = [&](int code) {
        if (exit_code)
            return;
        exit_code = code;
        deadline.cancel();
        ws->close();
    };

    WebSocketClient::Handlers handlers;
    handlers.frame = [&](std::string frame) {
        auto decoded = protocol::decode_server_message(frame);
        const auto* message = std::get_if<protocol::ServerMessage>(&decoded);
        if (message == nullptr)
            return;  // a message this client does not know yet: not the answer
        if (const auto* list = std::get_if<protocol::RoomList>(message)) {
            std::cout << (options.global.json ? frame + "\n" : rooms_table(*list)) << std::flush;
            finish(0);
        } else if (const auto* error = std::get_if<protocol::Error>(message)) {
            say_error(error->message);
            finish(exit_refused);
        }
    };
    handlers.closed = [&](const std::string& why) {
        if (!exit_code) {
            say_error("cannot list the rooms of " + common::server_of(*url) + ": " + why);
            exit_code = exit_connection;
        }
        deadline.cancel();
    };
    ws = WebSocketClient::connect(io, *url, tls, std::move(handlers));
    // Sent as soon as the connection opens.
    ws->send(protocol::encode(protocol::Hello{protocol::protocol_version, "rapidfire-client"}));
    ws->send(protocol::encode(options.rooms));

    deadline.expires_after(answer_timeout);
    deadline.async_wait([&](const boost::system::error_code& ec) {
        if (ec || exit_code)
            return;
        say_error("no answer from " + common::server_of(*url) + " within " +
                  std::to_string(answer_timeout.count()) + " s");
        exit_code = exit_connection;
        ws->detach();
        io.stop();
    });
    io.run();
    return exit_code.value_or(exit_connection);
}

}  // namespace rapidfire::client
