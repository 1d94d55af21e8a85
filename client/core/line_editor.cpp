#include "rapidfire/client/line_editor.hpp"

namespace rapidfire::client {

std::optional<std::string> LineEditor::feed(char byte) {
    const auto c = static_cast<unsigned char>(byte);
    // Arrow keys and other escape sequences (ESC [ ... final byte) are swallowed.
    if (escape_ == Escape::started) {
        escape_ = c == '[' || c == 'O' ? Escape::csi : Escape::none;
        return std::nullopt;
    }
    if (escape_ == Escape::csi) {
        if (c >= 0x40 && c <= 0x7E)
            escape_ = Escape::none;
        return std::nullopt;
    }
    if (c == 0x1B) {
        escape_ = Escape::started;
        return std::nullopt;
    }
    if (c == '\r' || c == '\n') {
        std::string line;
        line.swap(buffer_);
        return line;
    }
    if (c == 0x7F || c == 0x08) {
        // Remove one UTF-8 character: continuation bytes first, then its lead byte.
        while (!buffer_.empty() && (static_cast<unsigned char>(buffer_.back()) & 0xC0) == 0x80) {
            buffer_.pop_back();
        }
        if (!buffer_.empty())
            buffer_.pop_back();
        return std::nullopt;
    }
    if (c == 0x15) {  // Ctrl-U: clear the line
        buffer_.clear();
        return std::nullopt;
    }
    if (c < 0x20)
        return std::nullopt;  // other control keys do nothing
    buffer_.push_back(byte);
    return std::nullopt;
}

}  // namespace rapidfire::client
