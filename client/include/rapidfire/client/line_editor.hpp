#pragma once
// Line editing for a terminal in non-canonical mode: the client echoes the line itself, so the
// countdown can be redrawn under the cursor without losing what the player is typing.

#include <optional>
#include <string>

namespace rapidfire::client {

class LineEditor {
  public:
    // Takes one byte from the terminal. Returns the finished line on Enter.
    std::optional<std::string> feed(char byte);

    const std::string& buffer() const { return buffer_; }
    bool empty() const { return buffer_.empty(); }
    void clear() { buffer_.clear(); }

  private:
    enum class Escape { none, started, csi };

    std::string buffer_;
    Escape escape_ = Escape::none;
};

}  // namespace rapidfire::client
