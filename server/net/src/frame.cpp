#include "frame.hpp"

#include <cstdint>

namespace rapidfire::net {

// RFC 6455, section 5.2: FIN and the text opcode, then the payload length in 7 bits, or 126
// and 16 bits, or 127 and 64 bits, big-endian. A server's frames carry no mask.
Frame make_frame(std::string_view text) {
    constexpr unsigned char fin_text = 0x81;
    const std::uint64_t size = text.size();
    std::string frame;
    frame.reserve(10 + text.size());
    frame.push_back(static_cast<char>(fin_text));
    if (size < 126) {
        frame.push_back(static_cast<char>(size));
    } else if (size <= 0xffff) {
        frame.push_back(static_cast<char>(126));
        for (int shift = 8; shift >= 0; shift -= 8)
            frame.push_back(static_cast<char>((size >> shift) & 0xff));
    } else {
        frame.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.push_back(static_cast<char>((size >> shift) & 0xff));
    }
    frame.append(text);
    return std::make_shared<const std::string>(std::move(frame));
}

}  // namespace rapidfire::net
