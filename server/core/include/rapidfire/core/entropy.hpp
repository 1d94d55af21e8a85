#pragma once
// Where the engine's randomness comes from: room codes, tokens and seeds. The server uses the
// operating system's secure source; tests use a deterministic one.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rapidfire::core {

class Entropy {
  public:
    virtual ~Entropy() = default;
    // `count` random bytes.
    virtual std::string bytes(std::size_t count) = 0;
    // A uniformly random number in [0, bound).
    virtual std::uint64_t below(std::uint64_t bound) = 0;
};

// The kernel's random source (getrandom(2)).
std::unique_ptr<Entropy> make_secure_entropy();
// A deterministic stream for tests and replays.
std::unique_ptr<Entropy> make_seeded_entropy(std::uint64_t seed);

// Room codes are characters from an alphabet without look-alikes (no 0/O, 1/I/L): 6 random
// ones from a server on its own; behind a proxy, the server's node id (one character of the same
// alphabet) and then 6 random ones, so a code names its server and stays as hard to guess.
inline constexpr std::size_t room_code_length = 6;
inline constexpr std::size_t node_room_code_length = room_code_length + 1;
// Whether `node` can be a node id: one character of the code alphabet.
bool is_node_id(char node);
std::string make_room_code(Entropy& entropy, std::optional<char> node = std::nullopt);
// Whether `text` could be a room code of either length (upper case).
bool is_room_code(std::string_view text);
// The node id a code carries, if it is a code from a server with one.
std::optional<char> node_of_room_code(std::string_view code);
// 32 characters of URL-safe text carrying 192 random bits.
std::string make_token(Entropy& entropy);

}  // namespace rapidfire::core
