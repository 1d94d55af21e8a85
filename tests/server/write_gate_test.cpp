// The server's write path on its own, over a loopback socket: frames made by make_frame, queued
// in a FrameQueue and gathered into writes through the WriteGate under Beast's WebSocket
// stream, read by a bare TCP client that parses every byte. What must hold: every byte on the
// wire belongs to a whole frame, Beast's pongs are never cut into a data frame nor held behind
// the whole backlog, and nothing follows a close frame.

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "frame.hpp"
#include "frame_queue.hpp"
#include "io_pump.hpp"
#include "write_gate.hpp"

namespace rapidfire::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// One frame as it was on the wire.
struct WireFrame {
    int opcode = 0;
    bool fin = false;
    bool masked = false;
    std::string payload;
};

// Splits `bytes` into frames (RFC 6455, 5.2). `rest` gets what is left after the last whole
// frame: empty when the bytes end on a frame boundary.
std::vector<WireFrame> parse_frames(std::string_view bytes, std::string* rest) {
    std::vector<WireFrame> frames;
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    std::size_t at = 0;
    for (;;) {
        if (bytes.size() - at < 2)
            break;
        WireFrame frame;
        frame.fin = (byte(at) & 0x80) != 0;
        frame.opcode = byte(at) & 0x0f;
        frame.masked = (byte(at + 1) & 0x80) != 0;
        std::uint64_t size = byte(at + 1) & 0x7f;
        std::size_t header = 2;
        const std::size_t extra = size == 126 ? 2 : size == 127 ? 8 : 0;
        if (bytes.size() - at < header + extra)
            break;
        if (extra != 0) {
            size = 0;
            for (std::size_t i = 0; i < extra; ++i)
                size = (size << 8) | byte(at + 2 + i);
            header += extra;
        }
        if (frame.masked)
            header += 4;
        if (bytes.size() - at < header + size)
            break;
        frame.payload = std::string(bytes.substr(at + header, size));
        frames.push_back(std::move(frame));
        at += header + size;
    }
    *rest = std::string(bytes.substr(at));
    return frames;
}

// A client frame: masked, as RFC 6455 requires of clients.
std::string client_frame(int opcode, std::string_view payload) {
    const std::array<unsigned char, 4> mask{0x37, 0xfa, 0x21, 0x3d};
    std::string frame;
    frame.push_back(static_cast<char>(0x80 | opcode));
    frame.push_back(static_cast<char>(0x80 | payload.size()));  // control payloads are < 126
    for (unsigned char m : mask)
        frame.push_back(static_cast<char>(m));
    for (std::size_t i = 0; i < payload.size(); ++i)
        frame.push_back(static_cast<char>(payload[i] ^ mask[i % 4]));
    return frame;
}

std::string close_payload(std::uint16_t code) {
    return {static_cast<char>(code >> 8), static_cast<char>(code & 0xff)};
}

std::string message(int index, std::size_t size) {
    std::string text = "{\"n\":" + std::to_string(index) + ",\"pad\":\"";
    text.append(size, static_cast<char>('a' + index % 26));
    return text + "\"}";
}

// The server's end: Beast over the gate over a TCP socket, with a session's queue and write
// loop (as websocket_session.cpp has them).
struct ServerEnd {
    explicit ServerEnd(asio::io_context& io) : ws(io), queue(64 * 1024 * 1024) {}

    bool send(Frame frame) {
        if (!queue.push(std::move(frame)))
            return false;
        if (!queue.writing())
            write();
        return true;
    }
    void write() {
        ws.next_layer().async_write_frames(queue.start_write(),
                                           [this](beast::error_code ec, std::size_t) {
                                               if (ec) {
                                                   write_error = ec;
                                                   queue.clear();
                                                   return;
                                               }
                                               ++writes;
                                               queue.written();
                                               if (!queue.empty())
                                                   write();
                                               else if (on_drained)
                                                   std::exchange(on_drained, nullptr)();
                                           });
    }
    void read() {
        ws.async_read(buffer, [this](beast::error_code ec, std::size_t) {
            if (ec) {
                read_error = ec;
                return;
            }
            buffer.clear();
            read();
        });
    }

    websocket::stream<WriteGate<tcp::socket>> ws;
    beast::flat_buffer buffer;
    FrameQueue queue;
    int writes = 0;
    std::function<void()> on_drained;
    std::optional<beast::error_code> write_error;
    std::optional<beast::error_code> read_error;
};

class WriteGateTest : public ::testing::Test {
  protected:
    // Connects a bare client to a server end and completes the handshake. A small receive
    // buffer on the client and send buffer on the server make a large backlog stall.
    void open(bool small_buffers) {
        tcp::acceptor acceptor(io, {asio::ip::address_v4::loopback(), 0});
        client.open(tcp::v4());
        if (small_buffers)
            client.set_option(asio::socket_base::receive_buffer_size(65536));
        bool accepted = false;
        acceptor.async_accept(server.ws.next_layer().next_layer(),
                              [&](beast::error_code ec) { accepted = !ec; });
        client.connect(acceptor.local_endpoint());
        ASSERT_TRUE(test::pump(
            io, [&] { return accepted; }, deadline()));
        if (small_buffers) {
            server.ws.next_layer().next_layer().set_option(
                asio::socket_base::send_buffer_size(65536));
        }

        bool upgraded = false;
        server.ws.async_accept([&](beast::error_code ec) {
            ASSERT_FALSE(ec) << ec.message();
            server.ws.next_layer().start_frames();
            upgraded = true;
        });
        write_client(
            "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n");
        ASSERT_TRUE(test::pump(
            io, [&] { return upgraded; }, deadline()));
        std::string response;
        const std::size_t end =
            asio::read_until(client, asio::dynamic_buffer(response), "\r\n\r\n");
        ASSERT_EQ(response.substr(0, 12), "HTTP/1.1 101");
        received = response.substr(end);
        server.read();
    }

    void write_client(std::string_view bytes) {
        asio::write(client, asio::buffer(bytes.data(), bytes.size()));
    }

    // Reads on the client (the server end runs meanwhile) until `done(frames)` or the server
    // ends the connection.
    template <class Done>
    std::vector<WireFrame> read_client(Done done) {
        std::vector<WireFrame> frames;
        std::string rest;
        std::array<char, 8192> chunk{};
        bool reading = false;
        bool ended = false;
        auto parse = [&] {
            auto more = parse_frames(received, &rest);
            frames.insert(frames.end(), more.begin(), more.end());
            received = rest;
        };
        parse();
        const auto until = deadline();
        while (!done(frames) && !ended && std::chrono::steady_clock::now() < until) {
            if (!reading) {
                reading = true;
                client.async_read_some(asio::buffer(chunk),
                                       [&](beast::error_code ec, std::size_t bytes) {
                                           reading = false;
                                           if (ec) {
                                               ended = true;
                                               return;
                                           }
                                           received.append(chunk.data(), bytes);
                                           parse();
                                       });
            }
            if (io.stopped())
                io.restart();
            io.run_one_for(100ms);
        }
        if (reading) {
            client.cancel();
            test::drain(io);
        }
        return frames;
    }

    // Runs the server's handlers for a while (the io_context stops whenever it runs dry).
    void run_for(std::chrono::milliseconds duration) {
        io.restart();
        io.run_for(duration);
    }

    static std::chrono::steady_clock::time_point deadline() {
        return std::chrono::steady_clock::now() + 5s;
    }

    asio::io_context io;
    ServerEnd server{io};
    tcp::socket client{io};
    std::string received;  // bytes the client read and has not parsed yet
};

TEST(Frame, CarriesItsLengthInTheShortestFormAndNoMask) {
    for (const std::size_t size : {0u, 1u, 125u, 126u, 127u, 65535u, 65536u, 70000u}) {
        SCOPED_TRACE(size);
        const std::string text(size, 'x');
        const Frame frame = make_frame(text);
        const std::size_t header = size < 126 ? 2 : size <= 65535 ? 4 : 10;
        ASSERT_EQ(frame->size(), header + size);
        std::string rest;
        const auto frames = parse_frames(*frame, &rest);
        ASSERT_EQ(frames.size(), 1u);
        EXPECT_TRUE(rest.empty());
        EXPECT_TRUE(frames[0].fin);
        EXPECT_EQ(frames[0].opcode, 0x1);
        EXPECT_FALSE(frames[0].masked);
        EXPECT_EQ(frames[0].payload, text);
    }
}

// A backlog far larger than the socket's buffers goes out in gathered writes; the pings the
// client sends meanwhile are answered between two writes, not after the whole backlog and
// never inside a frame; the server's own close comes after the last frame.
TEST_F(WriteGateTest, PongsGoBetweenWholeFramesAndTheCloseAfterTheLast) {
    ASSERT_NO_FATAL_FAILURE(open(true));
    constexpr int messages = 600;
    for (int i = 0; i < messages; ++i)
        ASSERT_TRUE(server.send(make_frame(message(i, 10'000))));
    // The first write stalls on the full buffers while the client pings.
    run_for(20ms);
    for (int i = 0; i < 5; ++i)
        write_client(client_frame(0x9, "ping " + std::to_string(i)));
    bool closed = false;
    server.on_drained = [&] {
        server.ws.async_close(websocket::close_code::going_away,
                              [&](beast::error_code) { closed = true; });
    };

    const auto frames = read_client([](const std::vector<WireFrame>& frames) {
        return !frames.empty() && frames.back().opcode == 0x8;
    });
    int data = 0;
    int pongs = 0;
    int last_pong_at = -1;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const auto& frame = frames[i];
        EXPECT_TRUE(frame.fin);
        EXPECT_FALSE(frame.masked);
        if (frame.opcode == 0x1) {
            EXPECT_EQ(frame.payload, message(data, 10'000)) << "message " << data;
            ++data;
        } else if (frame.opcode == 0xa) {
            EXPECT_EQ(frame.payload, "ping " + std::to_string(pongs));
            ++pongs;
            last_pong_at = data;
        } else {
            EXPECT_EQ(frame.opcode, 0x8);
            EXPECT_EQ(i, frames.size() - 1) << "a frame after the close";
        }
    }
    EXPECT_EQ(data, messages)
        << frames.size() << " frames, " << received.size()
        << " bytes left: " << (received.empty() ? 0 : int(static_cast<unsigned char>(received[0])))
        << " " << (received.size() > 1 ? int(static_cast<unsigned char>(received[1])) : 0);
    EXPECT_EQ(pongs, 5);
    EXPECT_LT(last_pong_at, messages) << "the pongs waited for the whole backlog";
    EXPECT_LT(server.writes, messages) << "frames were not gathered";
    EXPECT_TRUE(received.empty()) << "bytes after the last whole frame";
    EXPECT_FALSE(server.write_error);

    // The client answers the close and ends the TCP connection; the server's close completes.
    write_client(client_frame(0x8, close_payload(1001)));
    client.shutdown(tcp::socket::shutdown_send);
    EXPECT_TRUE(test::pump(
        io, [&] { return closed; }, deadline()));
}

// The client closes while the server still has frames to send: the close Beast echoes comes
// after whole frames only, the server's later writes are refused, and nothing follows it.
TEST_F(WriteGateTest, NothingFollowsTheCloseBeastEchoes) {
    ASSERT_NO_FATAL_FAILURE(open(true));
    for (int i = 0; i < 200; ++i)
        ASSERT_TRUE(server.send(make_frame(message(i, 10'000))));
    run_for(20ms);
    write_client(client_frame(0x8, close_payload(1000)));

    const auto frames = read_client([](const std::vector<WireFrame>&) { return false; });
    ASSERT_FALSE(frames.empty());
    EXPECT_EQ(frames.back().opcode, 0x8) << "the last frame is the close";
    EXPECT_EQ(frames.back().payload.substr(0, 2), close_payload(1000));
    int data = 0;
    for (std::size_t i = 0; i + 1 < frames.size(); ++i) {
        ASSERT_EQ(frames[i].opcode, 0x1) << "frame " << i;
        EXPECT_EQ(frames[i].payload, message(data, 10'000));
        ++data;
    }
    EXPECT_LT(data, 200) << "the echo waited for the whole backlog";
    EXPECT_TRUE(received.empty()) << "bytes after the close frame";
    // The write that waited behind the echo was refused, and its frames dropped.
    ASSERT_TRUE(server.write_error.has_value());
    EXPECT_EQ(*server.write_error, websocket::error::closed);
    EXPECT_TRUE(server.queue.empty());

    // The client ends the TCP connection; the server's read ends with the close.
    client.shutdown(tcp::socket::shutdown_send);
    ASSERT_TRUE(test::pump(
        io, [&] { return server.read_error.has_value(); }, deadline()));
    EXPECT_EQ(*server.read_error, websocket::error::closed);

    // A frame sent now is refused too.
    server.write_error.reset();
    ASSERT_TRUE(server.send(make_frame("{\"late\":true}")));
    ASSERT_TRUE(test::pump(
        io, [&] { return server.write_error.has_value(); }, deadline()));
    EXPECT_EQ(*server.write_error, websocket::error::closed);
}

}  // namespace
}  // namespace rapidfire::net
