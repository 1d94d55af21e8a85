#pragma once
// Where the engine's randomness comes from: room codes, tokens and seeds. The server uses the
// operating system's secure source; tests use a deterministic one.

#include <cstdint>
#include <memory>
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

// 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
std::string make_room_code(Entropy& entropy);
inline constexpr std::size_t room_code_length = 6;
// Whether `text` could be a room code: room_code_length characters of that alphabet.
bool is_room_code(std::string_view text);
// 32 characters of URL-safe text carrying 192 random bits.
std::string make_token(Entropy& entropy);

}  // namespace rapidfire::core
