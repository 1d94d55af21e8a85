#pragma once
// One encoded server message. Shared and immutable: a broadcast is encoded once and the same
// buffer is queued on every recipient's connection.

#include <memory>
#include <string>

namespace rapidfire::net {

using Frame = std::shared_ptr<const std::string>;

inline Frame make_frame(std::string text) {
    return std::make_shared<const std::string>(std::move(text));
}

}  // namespace rapidfire::net
