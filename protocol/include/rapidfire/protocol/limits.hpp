#pragma once
// Size limits that the decoder enforces on every message. Game rules (nickname rules, time
// ranges) are enforced by the engine; these only keep hostile input small.

#include <cstddef>
#include <string_view>

namespace rapidfire::protocol {

inline constexpr int protocol_version = 1;

// Nesting deeper than this is refused before any message is built.
inline constexpr std::size_t max_json_depth = 16;
// Arrays longer than this are refused.
inline constexpr std::size_t max_array_items = 64;

inline constexpr std::size_t max_nickname_chars = 24;  // after trimming, checked by the engine
inline constexpr std::size_t max_nickname_field_chars = 64;  // before trimming, checked here
inline constexpr std::size_t max_answer_chars = 500;
inline constexpr std::size_t max_comment_chars = 1000;
inline constexpr std::size_t max_token_chars = 64;
inline constexpr std::size_t max_label_chars = 40;       // a public room's label
inline constexpr std::size_t max_feedback_chars = 1000;  // "went well", "work on"
inline constexpr std::size_t max_default_chars = 128;

// A player's identity (create_room, join): a secret the client draws once and keeps, so that
// personal bests belong to a person and not to whoever types a nickname. 22 characters of
// base64url hold 132 random bits.
inline constexpr std::size_t min_identity_chars = 22;
inline constexpr std::size_t max_identity_chars = max_default_chars;

// Whether `text` has an identity's form: min_identity_chars to max_identity_chars characters of
// [A-Za-z0-9_-] (checked by the engine: out_of_range otherwise).
constexpr bool is_valid_identity(std::string_view text) {
    if (text.size() < min_identity_chars || text.size() > max_identity_chars)
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

// Longest string (in Unicode code points) accepted for a field of this name.
constexpr std::size_t max_chars_for_field(std::string_view field) {
    if (field == "nickname")
        return max_nickname_field_chars;
    if (field == "text")
        return max_answer_chars;
    if (field == "comment")
        return max_comment_chars;
    if (field == "label")
        return max_label_chars;
    if (field == "went_well" || field == "work_on")
        return max_feedback_chars;
    if (field == "host_token" || field == "token" || field == "password")
        return max_token_chars;
    return max_default_chars;
}

}  // namespace rapidfire::protocol
