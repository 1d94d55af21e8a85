#include "rapidfire/core/entropy.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <random>
#include <string_view>
#include <system_error>

namespace rapidfire::core {
namespace {

// The kernel's random source through getrandom(2): one system call per request, which does not
// block once the kernel's pool is ready (at boot). std::random_device was slower by far: in
// libstdc++ it may draw 32 bits per call from RDSEED, retrying while the instruction fails,
// and it cost most of the server's CPU while a room filled (BENCHMARKS.md).
class SecureEntropy final : public Entropy {
  public:
    std::string bytes(std::size_t count) override {
        std::string out(count, '\0');
        fill(out.data(), out.size());
        return out;
    }
    std::uint64_t below(std::uint64_t bound) override {
        // Uniform by rejection: drop the values below 2^64 mod bound.
        const std::uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            std::uint64_t value = 0;
            fill(&value, sizeof value);
            if (value >= threshold)
                return value % bound;
        }
    }

  private:
    static void fill(void* into, std::size_t size) {
        auto* at = static_cast<char*>(into);
        while (size > 0) {
            const ssize_t got = ::getrandom(at, size, 0);
            if (got < 0) {
                if (errno == EINTR)
                    continue;
                throw std::system_error(errno, std::generic_category(), "getrandom");
            }
            at += got;
            size -= static_cast<std::size_t>(got);
        }
    }
};

class SeededEntropy final : public Entropy {
  public:
    explicit SeededEntropy(std::uint64_t seed) : engine_(seed) {}
    std::string bytes(std::size_t count) override {
        std::string out(count, '\0');
        for (auto& c : out)
            c = static_cast<char>(engine_() & 0xFF);
        return out;
    }
    std::uint64_t below(std::uint64_t bound) override { return engine_() % bound; }

  private:
    std::mt19937_64 engine_;
};

// No 0/O, 1/I/L: codes are read aloud and copied from a projector.
constexpr std::string_view code_alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr std::string_view token_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::unique_ptr<Entropy> make_secure_entropy() {
    return std::make_unique<SecureEntropy>();
}

std::unique_ptr<Entropy> make_seeded_entropy(std::uint64_t seed) {
    return std::make_unique<SeededEntropy>(seed);
}

bool is_node_id(char node) {
    return node != '\0' && code_alphabet.find(node) != std::string_view::npos;
}

std::string make_room_code(Entropy& entropy, std::optional<char> node) {
    std::string code;
    code.reserve(node_room_code_length);
    if (node)
        code.push_back(*node);
    for (std::size_t i = 0; i < room_code_length; ++i) {
        code.push_back(code_alphabet[entropy.below(code_alphabet.size())]);
    }
    return code;
}

bool is_room_code(std::string_view text) {
    return (text.size() == room_code_length || text.size() == node_room_code_length) &&
           text.find_first_not_of(code_alphabet) == std::string_view::npos;
}

std::optional<char> node_of_room_code(std::string_view code) {
    if (code.size() != node_room_code_length || !is_room_code(code))
        return std::nullopt;
    return code.front();
}

std::string make_token(Entropy& entropy) {
    // 24 bytes = 192 bits, written as 32 characters of 6 bits each.
    const std::string raw = entropy.bytes(24);
    std::string token;
    token.reserve(32);
    for (std::size_t i = 0; i < raw.size(); i += 3) {
        const auto b0 = static_cast<unsigned char>(raw[i]);
        const auto b1 = static_cast<unsigned char>(raw[i + 1]);
        const auto b2 = static_cast<unsigned char>(raw[i + 2]);
        const unsigned v = (b0 << 16) | (b1 << 8) | b2;
        for (int shift = 18; shift >= 0; shift -= 6) {
            token.push_back(token_alphabet[(v >> shift) & 0x3F]);
        }
    }
    return token;
}

}  // namespace rapidfire::core
