#include "rapidfire/core/entropy.hpp"

#include <array>
#include <set>

#include <gtest/gtest.h>

#include "rapidfire/core/room.hpp"

namespace rapidfire::core {
namespace {

TEST(Entropy, RoomCodesUseNoLookAlikeCharacters) {
    auto entropy = make_secure_entropy();
    std::set<std::string> codes;
    for (int i = 0; i < 500; ++i) {
        const auto code = make_room_code(*entropy);
        ASSERT_EQ(code.size(), room_code_length);
        for (const char c : code) {
            EXPECT_EQ(std::string("0O1IL").find(c), std::string::npos) << code;
            EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '9')) << code;
        }
        codes.insert(code);
    }
    EXPECT_GT(codes.size(), 495u);  // 31^6 codes: collisions in 500 draws are rare
}

TEST(Entropy, ANodesCodesStartWithItsIdAndKeepSixRandomCharacters) {
    auto entropy = make_secure_entropy();
    std::set<std::string> tails;
    for (int i = 0; i < 500; ++i) {
        const auto code = make_room_code(*entropy, 'K');
        ASSERT_EQ(code.size(), node_room_code_length);
        EXPECT_EQ(code.front(), 'K');
        EXPECT_TRUE(is_room_code(code)) << code;
        EXPECT_EQ(node_of_room_code(code), 'K');
        tails.insert(code.substr(1));
    }
    EXPECT_GT(tails.size(), 495u);  // as many random codes per node as a lone server has
}

TEST(Entropy, RoomCodesOfEitherLengthAreRecognised) {
    EXPECT_TRUE(is_room_code("ABCDEF"));
    EXPECT_TRUE(is_room_code("ABCDEF2"));
    EXPECT_FALSE(is_room_code("ABCDE"));
    EXPECT_FALSE(is_room_code("ABCDEFGH"));
    EXPECT_FALSE(is_room_code("ABCDE0"));                  // a look-alike
    EXPECT_FALSE(is_room_code("abcdef"));                  // codes are upper case; callers fold
    EXPECT_EQ(node_of_room_code("ABCDEF"), std::nullopt);  // a lone server's code
    EXPECT_EQ(node_of_room_code("ABCDEF2"), 'A');
    EXPECT_EQ(node_of_room_code("ABCDEFI"), std::nullopt);
    EXPECT_TRUE(is_node_id('A'));
    EXPECT_TRUE(is_node_id('9'));
    EXPECT_FALSE(is_node_id('O'));
    EXPECT_FALSE(is_node_id('a'));
    EXPECT_FALSE(is_node_id('\0'));
}

TEST(Entropy, TokensAreLongAndUrlSafe) {
    auto entropy = make_secure_entropy();
    const auto a = make_token(*entropy);
    const auto b = make_token(*entropy);
    EXPECT_EQ(a.size(), 32u);
    EXPECT_NE(a, b);
    for (const char c : a) {
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    }
}

// Bounds many standard deviations wide: a fair source fails them about never, a broken one
// (a stuck byte, a biased reduction) at once.
TEST(Entropy, TheSecureSourceIsUniform) {
    auto entropy = make_secure_entropy();
    const auto bytes = entropy->bytes(65'536);
    std::array<int, 256> seen{};
    for (const char c : bytes)
        ++seen[static_cast<unsigned char>(c)];
    for (int value = 0; value < 256; ++value) {
        EXPECT_GT(seen[value], 150) << value;  // 256 expected, a standard deviation of 16
        EXPECT_LT(seen[value], 370) << value;
    }
    std::array<int, 6> drawn{};
    for (int i = 0; i < 60'000; ++i) {
        const auto n = entropy->below(6);
        ASSERT_LT(n, 6u);
        ++drawn[n];
    }
    for (const int count : drawn) {
        EXPECT_GT(count, 9'000);  // 10,000 expected, a standard deviation of 91
        EXPECT_LT(count, 11'000);
    }
    EXPECT_EQ(entropy->below(1), 0u);
}

TEST(Entropy, SeededEntropyRepeats) {
    auto a = make_seeded_entropy(3);
    auto b = make_seeded_entropy(3);
    EXPECT_EQ(make_token(*a), make_token(*b));
}

TEST(Entropy, TokensNameTheirRoom) {
    EXPECT_EQ(room_code_of_token("ABCDEF.xyz"), "ABCDEF");
    EXPECT_EQ(room_code_of_token("nodot"), "");
}

}  // namespace
}  // namespace rapidfire::core
