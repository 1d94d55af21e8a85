#pragma once
// Stable error codes. Their string forms are part of the wire contract (PROTOCOL.md): clients
// switch on them, so a code is never renamed or reused for another meaning.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/enum.hpp>

namespace rapidfire::protocol {

enum class ErrorCode {
    // Frame and decoding errors.
    bad_json,         // the frame is not JSON
    not_object,       // the JSON is not an object
    too_deep,         // nesting deeper than the limit
    invalid_utf8,     // the frame or a string is not valid UTF-8
    binary_frame,     // a binary frame where text is expected
    frame_too_large,  // the frame exceeds the maximum message size
    missing_type,     // no "type" string
    unknown_type,     // "type" names no message
    missing_field,    // a required field is absent
    wrong_type,       // a field has the wrong JSON type
    out_of_range,     // a number or enum value outside what is allowed
    too_long,         // a string longer than its limit
    too_many_items,   // an array longer than its limit
    // Session errors.
    unsupported_version,  // hello with a protocol version the server does not speak
    rate_limited,         // too many messages per second
    server_full,          // the server's connection limit is reached
    server_draining,      // the server is shutting down: it takes no new rooms
    // Room and game errors.
    not_in_room,       // the action needs a room and the sender has none
    already_in_room,   // create/join while already seated
    room_not_found,    // no room with that code
    room_server_gone,  // the code names a room of another server, which is not running
    room_locked,       // the host locked the room
    room_full,         // the room is at capacity
    wrong_password,    // the room has a password and this is not it
    nickname_taken,    // another player in the room has this nickname
    invalid_nickname,  // empty, too long or not printable
    invalid_settings,  // a round setting outside its range
    not_host,          // a host action from someone who is not the host
    bad_host_token,    // the host token is missing or wrong
    bad_resume_token,  // unknown, revoked or expired resume token
    wrong_state,       // the action is not allowed in the room's current state
    unknown_question,  // the question index is not the open one
    already_answered,  // the player has already answered this question
    too_late,          // the answer arrived after the deadline and grace
    invalid_answer,    // the answer does not fit the question's mode
    unknown_player,    // no such player in the room
    unknown_group,     // no such answer group in judging
    not_a_player,      // the host tried to play in a room where the host only runs the game
    // Matching and feedback errors.
    already_queued,  // match_join (or create/join) while waiting in the matching queue
    not_queued,      // match_leave or match_confirm without a place in the queue
    queue_full,      // the matching queue holds as many players as it may
    unknown_topic,   // a topic that no question of the bank has
    already_sent,    // a second feedback from the same side
    // Review errors.
    nothing_due,         // a review run with nothing due and nothing new to ask
    review_unavailable,  // a review run without an identity, or the record to read it from
    internal,            // a bug on the server side; the connection stays usable
};
BOOST_DESCRIBE_ENUM(ErrorCode, bad_json, not_object, too_deep, invalid_utf8, binary_frame,
                    frame_too_large, missing_type, unknown_type, missing_field, wrong_type,
                    out_of_range, too_long, too_many_items, unsupported_version, rate_limited,
                    server_full, server_draining, not_in_room, already_in_room, room_not_found,
                    room_server_gone, room_locked, room_full, wrong_password, nickname_taken,
                    invalid_nickname, invalid_settings, not_host, bad_host_token, bad_resume_token,
                    wrong_state, unknown_question, already_answered, too_late, invalid_answer,
                    unknown_player, unknown_group, not_a_player, already_queued, not_queued,
                    queue_full, unknown_topic, already_sent, nothing_due, review_unavailable,
                    internal)

std::string_view to_string(ErrorCode code);
std::optional<ErrorCode> error_code_from_string(std::string_view name);

// Every code, for documentation checks and exhaustive tests.
std::vector<ErrorCode> all_error_codes();

// Why a frame could not be decoded: a stable code, a sentence for people, and the field at
// fault (a JSON path such as "settings.seconds"; empty when the whole frame is at fault).
struct DecodeError {
    ErrorCode code;
    std::string message;
    std::string field = {};
    std::string request = {};  // the message type, when it could be read
};

struct Error;  // the error message (messages.hpp)

// An error message; an empty `request` or `field` is left out of it.
Error make_error(ErrorCode code, std::string message, std::string_view request = {},
                 std::string_view field = {});

// Refusals given by more than one part of the server, worded once.
Error room_not_found_error();  // a join names no open room
// A join or resume names a room of another server (its code's node id), which is not running:
// the proxy sends the room's requests to its own server while that one is up.
Error room_server_gone_error(std::string_view request);
Error bad_resume_token_error();                     // a resume token opens no seat
Error not_in_room_error(std::string_view request);  // the sender's seat is gone

}  // namespace rapidfire::protocol
