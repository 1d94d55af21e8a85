#pragma once
// The floor's sender: the least a server can do to send one question to every connection. It
// accepts WebSocket connections on a loopback port (Beast's handshake, then the bare socket),
// and on each command writes one pre-framed text frame, the same bytes for everyone, with
// non-blocking send() calls, waiting with poll() only for sockets whose buffers are full. What
// rapidfire's fan-out costs beyond this is rapidfire's own.
//
// It runs in a child process of the bench (floor_run.cpp), talking over two pipes.

#include <cstddef>

namespace rapidfire::bench {

// Commands on the parent's pipe, one byte each.
inline constexpr char floor_send = 'S';
inline constexpr char floor_quit = 'Q';
// Replies on the child's pipe: the port (two bytes, host order) once listening; then
// floor_ready once every connection is open, and floor_sent after each fan-out.
inline constexpr char floor_ready = 'R';
inline constexpr char floor_sent = 'D';

// Accepts `connections` WebSockets and sends a question of about `frame_bytes` to all of them
// on each floor_send. Returns the process's exit code.
int run_floor_sender(int to_parent, int from_parent, int connections, std::size_t frame_bytes);

}  // namespace rapidfire::bench
