// The UTF-8 helpers: the decoder and the nickname rules rely on them.

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "rapidfire/protocol/utf8.hpp"

namespace rapidfire::protocol {
namespace {

// Bytes from a list of values, so the sequences read as they are written in the standard.
template <class... Bytes>
std::string bytes(Bytes... b) {
    return std::string{static_cast<char>(b)...};
}

TEST(Utf8, ValidSequences) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ASCII ~"));
    EXPECT_TRUE(is_valid_utf8(std::string_view("nul\0inside", 10)));
    EXPECT_TRUE(is_valid_utf8(bytes(0x7F)));
    EXPECT_TRUE(is_valid_utf8(bytes(0xC2, 0x80)));              // U+0080, smallest 2-byte
    EXPECT_TRUE(is_valid_utf8("é"));                            // U+00E9
    EXPECT_TRUE(is_valid_utf8(bytes(0xDF, 0xBF)));              // U+07FF
    EXPECT_TRUE(is_valid_utf8(bytes(0xE0, 0xA0, 0x80)));        // U+0800, smallest 3-byte
    EXPECT_TRUE(is_valid_utf8("€"));                            // U+20AC
    EXPECT_TRUE(is_valid_utf8(bytes(0xED, 0x9F, 0xBF)));        // U+D7FF, before surrogates
    EXPECT_TRUE(is_valid_utf8(bytes(0xEE, 0x80, 0x80)));        // U+E000, after surrogates
    EXPECT_TRUE(is_valid_utf8(bytes(0xEF, 0xBF, 0xBF)));        // U+FFFF
    EXPECT_TRUE(is_valid_utf8(bytes(0xF0, 0x90, 0x80, 0x80)));  // U+10000, smallest 4-byte
    EXPECT_TRUE(is_valid_utf8("😀"));                            // U+1F600
    EXPECT_TRUE(is_valid_utf8(bytes(0xF4, 0x8F, 0xBF, 0xBF)));  // U+10FFFF, the last
    EXPECT_TRUE(is_valid_utf8("Zoë 李雷 😀 ok"));
}

TEST(Utf8, Overlong) {
    EXPECT_FALSE(is_valid_utf8(bytes(0xC0, 0x80)));              // U+0000 in 2 bytes
    EXPECT_FALSE(is_valid_utf8(bytes(0xC0, 0xAF)));              // '/' in 2 bytes
    EXPECT_FALSE(is_valid_utf8(bytes(0xC1, 0xBF)));              // U+007F in 2 bytes
    EXPECT_FALSE(is_valid_utf8(bytes(0xE0, 0x80, 0x80)));        // U+0000 in 3 bytes
    EXPECT_FALSE(is_valid_utf8(bytes(0xE0, 0x9F, 0xBF)));        // U+07FF in 3 bytes
    EXPECT_FALSE(is_valid_utf8(bytes(0xF0, 0x80, 0x80, 0x80)));  // U+0000 in 4 bytes
    EXPECT_FALSE(is_valid_utf8(bytes(0xF0, 0x8F, 0xBF, 0xBF)));  // U+FFFF in 4 bytes
}

TEST(Utf8, Surrogates) {
    EXPECT_FALSE(is_valid_utf8(bytes(0xED, 0xA0, 0x80)));  // U+D800
    EXPECT_FALSE(is_valid_utf8(bytes(0xED, 0xAD, 0xBF)));  // U+DB7F
    EXPECT_FALSE(is_valid_utf8(bytes(0xED, 0xB0, 0x80)));  // U+DC00
    EXPECT_FALSE(is_valid_utf8(bytes(0xED, 0xBF, 0xBF)));  // U+DFFF
    // A surrogate pair encoded as two 3-byte sequences (CESU-8) is not UTF-8 either.
    EXPECT_FALSE(is_valid_utf8(bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80)));
}

TEST(Utf8, BeyondUnicode) {
    EXPECT_FALSE(is_valid_utf8(bytes(0xF4, 0x90, 0x80, 0x80)));  // U+110000
    EXPECT_FALSE(is_valid_utf8(bytes(0xF7, 0xBF, 0xBF, 0xBF)));  // U+1FFFFF
    EXPECT_FALSE(is_valid_utf8(bytes(0xF5, 0x80, 0x80, 0x80)));
    EXPECT_FALSE(is_valid_utf8(bytes(0xF8, 0x88, 0x80, 0x80, 0x80)));  // old 5-byte form
    EXPECT_FALSE(is_valid_utf8(bytes(0xFC, 0x84, 0x80, 0x80, 0x80, 0x80)));
    EXPECT_FALSE(is_valid_utf8(bytes(0xFE)));
    EXPECT_FALSE(is_valid_utf8(bytes(0xFF)));
}

TEST(Utf8, TruncatedAndStray) {
    EXPECT_FALSE(is_valid_utf8(bytes(0xC3)));
    EXPECT_FALSE(is_valid_utf8(bytes(0xE2, 0x82)));
    EXPECT_FALSE(is_valid_utf8(bytes(0xF0, 0x9F, 0x98)));
    EXPECT_FALSE(is_valid_utf8("ab" + bytes(0xE2, 0x82)));
    EXPECT_FALSE(is_valid_utf8(bytes(0xC3, 0x41)));  // continuation replaced by ASCII
    EXPECT_FALSE(is_valid_utf8(bytes(0xE2, 0x82, 0x41)));
    EXPECT_FALSE(is_valid_utf8(bytes(0xF0, 0x9F, 0x41, 0x80)));
    EXPECT_FALSE(is_valid_utf8(bytes(0x80)));  // lone continuation bytes
    EXPECT_FALSE(is_valid_utf8(bytes(0xBF)));
    EXPECT_FALSE(is_valid_utf8("a" + bytes(0xA9) + "b"));
    EXPECT_FALSE(is_valid_utf8(bytes(0xC3, 0xA9, 0xA9)));  // one continuation too many
}

TEST(Utf8, Length) {
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("abc"), 3u);
    EXPECT_EQ(utf8_length("é"), 1u);
    EXPECT_EQ(utf8_length("€"), 1u);
    EXPECT_EQ(utf8_length("😀"), 1u);
    EXPECT_EQ(utf8_length("a€😀"), 3u);
    EXPECT_EQ(utf8_length("Zoë 李雷"), 6u);
    EXPECT_EQ(utf8_length(std::string_view("a\0b", 3)), 3u);
    std::string long_text;
    for (int i = 0; i < 500; ++i)
        long_text += "😀";
    EXPECT_EQ(long_text.size(), 2000u);
    EXPECT_EQ(utf8_length(long_text), 500u);
}

}  // namespace
}  // namespace rapidfire::protocol
