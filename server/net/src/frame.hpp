#pragma once
// One encoded server message. Shared and immutable: a broadcast is encoded once and the same
// buffer is queued on every recipient's connection.

#include <memory>
#include <string>

#include <boost/container/small_vector.hpp>

namespace rapidfire::net {

using Frame = std::shared_ptr<const std::string>;

// The frames one room call has for one connection (a reveal, the player's result and the
// standings), handed over together: one post to the connection instead of one per frame.
using FrameBatch = boost::container::small_vector<Frame, 3>;

inline Frame make_frame(std::string text) {
    return std::make_shared<const std::string>(std::move(text));
}

}  // namespace rapidfire::net
