// libFuzzer target: any bytes through the client-message decoder. Decoding must never throw or
// crash, must refuse what is not valid UTF-8, and whatever it accepts must encode and decode
// back to the same message.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/protocol/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapidfire::protocol;
    const std::string_view frame(reinterpret_cast<const char*>(data), size);
    const auto decoded = decode_client_message(frame);
    if (const auto* message = std::get_if<ClientMessage>(&decoded)) {
        if (!is_valid_utf8(frame))
            __builtin_trap();
        const std::string encoded = encode(*message);
        const auto again = decode_client_message(encoded);
        const auto* same = std::get_if<ClientMessage>(&again);
        if (same == nullptr || encode(*same) != encoded)
            __builtin_trap();
    } else {
        const auto& error = std::get<DecodeError>(decoded);
        if (error.message.empty())
            __builtin_trap();
    }
    // The server side of the codec must be as robust.
    (void)decode_server_message(frame);
    return 0;
}
