#pragma once
// One server message as a complete WebSocket frame: the header (a final text frame, unmasked
// and uncompressed, as a server's always are) and the JSON after it. Shared and immutable: a
// broadcast is framed once and the same bytes are queued on every recipient's connection,
// which writes them as they are.

#include <memory>
#include <string>
#include <string_view>

#include <boost/container/small_vector.hpp>

namespace rapidfire::net {

using Frame = std::shared_ptr<const std::string>;

// The frames one room call has for one connection (a reveal, the player's result and the
// standings), handed over together: one post to the connection instead of one per frame.
using FrameBatch = boost::container::small_vector<Frame, 3>;

// Frames `text` (one encoded message) for the wire.
Frame make_frame(std::string_view text);

}  // namespace rapidfire::net
