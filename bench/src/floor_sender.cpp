#include "floor_sender.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "rapidfire/protocol/codec.hpp"

namespace rapidfire::bench {

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

protocol::Millis now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// An unmasked, unfragmented text frame: what a server sends.
std::string text_frame(const std::string& payload) {
    std::string frame;
    frame.push_back(static_cast<char>(0x81));
    const auto size = payload.size();
    if (size < 126) {
        frame.push_back(static_cast<char>(size));
    } else if (size < 65536) {
        frame.push_back(static_cast<char>(126));
        frame.push_back(static_cast<char>(size >> 8));
        frame.push_back(static_cast<char>(size & 0xff));
    } else {
        frame.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.push_back(static_cast<char>((static_cast<std::uint64_t>(size) >> shift) & 0xff));
    }
    return frame + payload;
}

// A question like a real one, its text lengthened until the message is `bytes` long.
std::string question_frame(int index, std::size_t bytes) {
    protocol::Question q;
    q.question = index;
    q.total = 1000;
    q.id = "floor-" + std::to_string(index);
    q.topics = {"floor"};
    q.choices = {"A first choice of a typical length, a sentence or so.",
                 "A second choice of a typical length, a sentence or so.",
                 "A third choice of a typical length, a sentence or so.",
                 "A fourth choice of a typical length, a sentence or so."};
    q.time_limit_ms = 20'000;
    q.server_time = now_ms();
    q.opened_at = q.server_time;
    q.deadline = q.server_time + q.time_limit_ms;
    q.remaining_ms = q.time_limit_ms;
    q.text = "What does the floor measure?";
    const auto size = protocol::encode(protocol::ServerMessage{q}).size();
    if (size < bytes)
        q.text.append(bytes - size, 'x');
    return text_frame(protocol::encode(protocol::ServerMessage{q}));
}

bool write_byte(int fd, char c) {
    return ::write(fd, &c, 1) == 1;
}

// Writes `frame` to every socket: one send() each, then poll() for the few whose buffers were
// full. Returns the sockets that failed.
int send_to_all(const std::vector<int>& sockets, const std::string& frame) {
    struct Pending {
        int fd;
        std::size_t sent;
    };
    std::vector<Pending> pending;
    int failed = 0;
    auto send_rest = [&](int fd, std::size_t sent) -> std::ptrdiff_t {
        const auto n =
            ::send(fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0)
            return n;
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
    };
    for (const int fd : sockets) {
        const auto n = send_rest(fd, 0);
        if (n < 0)
            ++failed;
        else if (static_cast<std::size_t>(n) < frame.size())
            pending.push_back({fd, static_cast<std::size_t>(n)});
    }
    std::vector<pollfd> polls;
    while (!pending.empty()) {
        polls.clear();
        for (const auto& p : pending)
            polls.push_back({p.fd, POLLOUT, 0});
        if (::poll(polls.data(), polls.size(), 1000) < 0 && errno != EINTR)
            return failed + static_cast<int>(pending.size());
        std::vector<Pending> still;
        for (std::size_t i = 0; i < pending.size(); ++i) {
            auto p = pending[i];
            if ((polls[i].revents & (POLLERR | POLLHUP)) != 0) {
                ++failed;
                continue;
            }
            if ((polls[i].revents & POLLOUT) != 0) {
                const auto n = send_rest(p.fd, p.sent);
                if (n < 0) {
                    ++failed;
                    continue;
                }
                p.sent += static_cast<std::size_t>(n);
            }
            if (p.sent < frame.size())
                still.push_back(p);
        }
        pending.swap(still);
    }
    return failed;
}

}  // namespace

int run_floor_sender(int to_parent, int from_parent, int connections, std::size_t frame_bytes) {
    asio::io_context io;
    tcp::acceptor acceptor(io);
    boost::system::error_code ec;
    acceptor.open(tcp::v4(), ec);
    acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    acceptor.bind({asio::ip::address_v4::loopback(), 0}, ec);
    acceptor.listen(4096, ec);
    if (ec)
        return 1;
    const std::uint16_t port = acceptor.local_endpoint().port();
    if (::write(to_parent, &port, sizeof port) != sizeof port)
        return 1;

    // Every connection: Beast's handshake, a welcome (the bench's reader waits for one), then
    // the bare, non-blocking socket.
    protocol::Welcome welcome;
    welcome.server = "rapidfire-floor";
    welcome.max_message_bytes = 16'384;
    std::vector<int> sockets;
    sockets.reserve(static_cast<std::size_t>(connections));
    for (int i = 0; i < connections; ++i) {
        tcp::socket socket(io);
        acceptor.accept(socket, ec);
        if (ec)
            return 1;
        socket.set_option(tcp::no_delay(true), ec);
        boost::beast::websocket::stream<tcp::socket> ws(std::move(socket));
        ws.accept(ec);
        if (ec)
            return 1;
        welcome.server_time = now_ms();
        const auto hello = text_frame(protocol::encode(protocol::ServerMessage{welcome}));
        asio::write(ws.next_layer(), asio::buffer(hello), ec);
        if (ec)
            return 1;
        const int fd = ws.next_layer().release(ec);
        if (ec)
            return 1;
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        sockets.push_back(fd);
    }
    if (!write_byte(to_parent, floor_ready))
        return 1;

    int round = 0;
    char command = 0;
    while (::read(from_parent, &command, 1) == 1 && command == floor_send) {
        // Framed once, stamped just before the first write, like a server's broadcast.
        const std::string frame = question_frame(round++, frame_bytes);
        const int failed = send_to_all(sockets, frame);
        if (!write_byte(to_parent, failed == 0 ? floor_sent : 'F'))
            break;
    }
    for (const int fd : sockets)
        ::close(fd);
    return 0;
}

}  // namespace rapidfire::bench
