// Each class of bad client input yields its documented error code and field, and nothing a
// client sends can make the decoder throw.

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/protocol/codec.hpp"
#include "rapidfire/protocol/utf8.hpp"
#include "samples.hpp"

namespace rapidfire::protocol {
namespace {

using testing::sample;
using testing::tag;

// The error for `frame`, or a failure if it decodes.
DecodeError error_of(std::string_view frame) {
    auto decoded = decode_client_message(frame);
    if (auto* error = std::get_if<DecodeError>(&decoded))
        return *error;
    ADD_FAILURE() << "decoded without error: " << frame;
    return {ErrorCode::internal, "", "", ""};
}

ClientMessage message_of(std::string_view frame) {
    auto decoded = decode_client_message(frame);
    if (auto* error = std::get_if<DecodeError>(&decoded)) {
        ADD_FAILURE() << to_string(error->code) << " at '" << error->field
                      << "': " << error->message << "\n  frame: " << frame;
        return Leave{};
    }
    return std::get<ClientMessage>(decoded);
}

void expect_error(std::string_view frame, ErrorCode code, std::string_view field = "",
                  std::string_view request = "") {
    SCOPED_TRACE(frame.substr(0, 200));
    const DecodeError error = error_of(frame);
    EXPECT_EQ(to_string(error.code), to_string(code));
    EXPECT_EQ(error.field, field);
    EXPECT_EQ(error.request, request);
    EXPECT_FALSE(error.message.empty());
    EXPECT_TRUE(is_valid_utf8(error.message));
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i)
        out += piece;
    return out;
}

std::string quoted_list(std::string_view item, std::size_t count) {
    std::string out = "[";
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0)
            out += ",";
        out += "\"" + std::string(item) + "\"";
    }
    return out + "]";
}

TEST(DecodeErrors, NotJson) {
    expect_error("", ErrorCode::bad_json);
    expect_error("hello", ErrorCode::bad_json);
    expect_error("{", ErrorCode::bad_json);
    expect_error(R"({"type":"ping",})", ErrorCode::bad_json);                 // no trailing commas
    expect_error(R"({"type":"ping"} {"type":"ping"})", ErrorCode::bad_json);  // one per frame
    expect_error("{\"type\":\"ping\"} // note", ErrorCode::bad_json);         // no comments
    expect_error("{'type':'ping'}", ErrorCode::bad_json);
}

TEST(DecodeErrors, NotObject) {
    expect_error("[]", ErrorCode::not_object);
    expect_error(R"([{"type":"ping"}])", ErrorCode::not_object);
    expect_error(R"("ping")", ErrorCode::not_object);
    expect_error("42", ErrorCode::not_object);
    expect_error("null", ErrorCode::not_object);
    expect_error("true", ErrorCode::not_object);
}

TEST(DecodeErrors, MissingType) {
    expect_error("{}", ErrorCode::missing_type, "type");
    expect_error(R"({"code":"K7M2QX"})", ErrorCode::missing_type, "type");
    expect_error(R"({"type":5})", ErrorCode::missing_type, "type");
    expect_error(R"({"type":null})", ErrorCode::missing_type, "type");
    expect_error(R"({"type":["ping"]})", ErrorCode::missing_type, "type");
    expect_error(R"({"Type":"ping"})", ErrorCode::missing_type, "type");
}

TEST(DecodeErrors, UnknownType) {
    expect_error(R"({"type":"dance"})", ErrorCode::unknown_type, "type");
    expect_error(R"({"type":"PING"})", ErrorCode::unknown_type, "type");  // names are exact
    expect_error(R"({"type":""})", ErrorCode::unknown_type, "type");
    // Server-to-client names are not requests.
    expect_error(R"({"type":"pong"})", ErrorCode::unknown_type, "type");
}

// A long unknown type is quoted in the message cut to a whole character, so the error frame
// stays valid UTF-8.
TEST(DecodeErrors, UnknownTypeMessageStaysUtf8) {
    for (const std::string_view piece : {"é", "€", "😀"}) {
        for (std::size_t prefix = 0; prefix < 4; ++prefix) {
            const std::string frame =
                R"({"type":")" + std::string(prefix, 'x') + repeat(piece, 300) + "\"}";
            expect_error(frame, ErrorCode::unknown_type, "type");
        }
    }
}

TEST(DecodeErrors, MissingField) {
    expect_error(R"({"type":"join","nickname":"Ana"})", ErrorCode::missing_field, "code", "join");
    expect_error(R"({"type":"join","code":null,"nickname":"Ana"})", ErrorCode::missing_field,
                 "code", "join");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida"})",
                 ErrorCode::missing_field, "settings", "create_room");
    expect_error(R"({"type":"answer"})", ErrorCode::missing_field, "question", "answer");
    expect_error(R"({"type":"start"})", ErrorCode::missing_field, "host_token", "start");
}

TEST(DecodeErrors, WrongType) {
    expect_error(R"({"type":"join","code":123456,"nickname":"Ana"})", ErrorCode::wrong_type, "code",
                 "join");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                 R"("settings":{"seconds":"ten"}})",
                 ErrorCode::wrong_type, "settings.seconds", "create_room");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida","settings":[]})",
                 ErrorCode::wrong_type, "settings", "create_room");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                 R"("settings":{"topics":"ml"}})",
                 ErrorCode::wrong_type, "settings.topics", "create_room");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                 R"("settings":{"topics":["ml",7]}})",
                 ErrorCode::wrong_type, "settings.topics[1]", "create_room");
    expect_error(R"({"type":"create_room","kind":1,"nickname":"Ida","settings":{}})",
                 ErrorCode::wrong_type, "kind", "create_room");
    // Whole numbers are written without fraction or exponent; strings are not numbers.
    expect_error(R"({"type":"answer","question":1.5})", ErrorCode::wrong_type, "question",
                 "answer");
    expect_error(R"({"type":"answer","question":1.0})", ErrorCode::wrong_type, "question",
                 "answer");
    expect_error(R"({"type":"answer","question":"1"})", ErrorCode::wrong_type, "question",
                 "answer");
    expect_error(R"({"type":"lock","host_token":"h","locked":"yes"})", ErrorCode::wrong_type,
                 "locked", "lock");
    expect_error(R"({"type":"lock","host_token":"h","locked":1})", ErrorCode::wrong_type, "locked",
                 "lock");
    expect_error(R"({"type":"answer","question":0,"choice":true})", ErrorCode::wrong_type, "choice",
                 "answer");
}

TEST(DecodeErrors, OutOfRange) {
    expect_error(R"({"type":"answer","question":2147483648})", ErrorCode::out_of_range, "question",
                 "answer");
    expect_error(R"({"type":"answer","question":-2147483649})", ErrorCode::out_of_range, "question",
                 "answer");
    expect_error(R"({"type":"kick","host_token":"h","player":18446744073709551615})",
                 ErrorCode::out_of_range, "player", "kick");
    expect_error(R"({"type":"kick","host_token":"h","player":9223372036854775808})",
                 ErrorCode::out_of_range, "player", "kick");
    // Past 64 bits the JSON parser only has a double; still too large, not mistyped.
    expect_error(R"({"type":"kick","host_token":"h","player":100000000000000000000})",
                 ErrorCode::out_of_range, "player", "kick");
    expect_error(R"({"type":"kick","host_token":"h","player":-1e30})", ErrorCode::out_of_range,
                 "player", "kick");
    expect_error(R"({"type":"create_room","kind":"party","nickname":"Ida","settings":{}})",
                 ErrorCode::out_of_range, "kind", "create_room");
    expect_error(R"({"type":"create_room","kind":"Quiz","nickname":"Ida","settings":{}})",
                 ErrorCode::out_of_range, "kind", "create_room");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                 R"("settings":{"mode":"essay"}})",
                 ErrorCode::out_of_range, "settings.mode", "create_room");
    expect_error(R"({"type":"self_grade","question":0,"grade":"perfect"})", ErrorCode::out_of_range,
                 "grade", "self_grade");
    expect_error(R"({"type":"judge","host_token":"h","question":0,"group":0,"verdict":"meh"})",
                 ErrorCode::out_of_range, "verdict", "judge");
    expect_error(R"({"type":"match_join","nickname":"Zoë","role":"observer"})",
                 ErrorCode::out_of_range, "role", "match_join");
    expect_error(R"({"type":"match_join","nickname":"Zoë","level":"expert"})",
                 ErrorCode::out_of_range, "level", "match_join");
    expect_error(R"({"type":"list_rooms","kind":"party"})", ErrorCode::out_of_range, "kind",
                 "list_rooms");

    // The edges themselves are accepted.
    const auto answer = std::get<Answer>(message_of(R"({"type":"answer","question":2147483647})"));
    EXPECT_EQ(answer.question, 2147483647);
    const auto kick = std::get<Kick>(
        message_of(R"({"type":"kick","host_token":"h","player":-9223372036854775808})"));
    EXPECT_EQ(kick.player, INT64_MIN);
    const auto ping = std::get<Ping>(message_of(R"({"type":"ping","nonce":9223372036854775807})"));
    EXPECT_EQ(ping.nonce, INT64_MAX);
}

TEST(DecodeErrors, TooLong) {
    const auto join = [](const std::string& nickname) {
        return R"({"type":"join","code":"K7M2QX","nickname":")" + nickname + "\"}";
    };
    EXPECT_EQ(std::get<Join>(message_of(join(std::string(64, 'n')))).nickname.size(), 64u);
    expect_error(join(std::string(65, 'n')), ErrorCode::too_long, "nickname", "join");
    // Limits count code points, not bytes.
    EXPECT_EQ(std::get<Join>(message_of(join(repeat("é", 64)))).nickname, repeat("é", 64));
    expect_error(join(repeat("é", 65)), ErrorCode::too_long, "nickname", "join");

    const auto answer = [](const std::string& text) {
        return R"({"type":"answer","question":0,"text":")" + text + "\"}";
    };
    for (const std::string_view piece : {"a", "é", "€", "😀"}) {
        SCOPED_TRACE(piece);
        EXPECT_EQ(std::get<Answer>(message_of(answer(repeat(piece, 500)))).text,
                  repeat(piece, 500));
        expect_error(answer(repeat(piece, 501)), ErrorCode::too_long, "text", "answer");
    }
    // An escaped character counts once, as the character it stands for.
    EXPECT_EQ(std::get<Answer>(message_of(answer(repeat("\\u00e9", 500)))).text, repeat("é", 500));
    EXPECT_EQ(std::get<Answer>(message_of(answer(repeat("\\ud83d\\ude00", 500)))).text,
              repeat("😀", 500));

    expect_error(R"({"type":"judge","host_token":"h","question":0,"group":0,"verdict":"wrong",)"
                 R"("comment":")" +
                     std::string(1001, 'c') + "\"}",
                 ErrorCode::too_long, "comment", "judge");
    expect_error(R"({"type":"resume","token":")" + std::string(65, 't') + "\"}",
                 ErrorCode::too_long, "token", "resume");
    expect_error(R"({"type":"start","host_token":")" + std::string(65, 't') + "\"}",
                 ErrorCode::too_long, "host_token", "start");
    expect_error(R"({"type":"join","code":"K7M2QX","nickname":"Ana","password":")" +
                     std::string(65, 'p') + "\"}",
                 ErrorCode::too_long, "password", "join");
    // Any other string: 128.
    expect_error(R"({"type":"join","code":")" + std::string(129, 'K') + R"(","nickname":"Ana"})",
                 ErrorCode::too_long, "code", "join");
    expect_error(R"({"type":"hello","protocol":1,"client":")" + std::string(129, 'c') + "\"}",
                 ErrorCode::too_long, "client", "hello");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida","settings":{"topics":[)"
                 "\"" +
                     std::string(129, 't') + "\"]}}",
                 ErrorCode::too_long, "settings.topics[0]", "create_room");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                 R"("settings":{"password":")" +
                     std::string(65, 'p') + "\"}}",
                 ErrorCode::too_long, "settings.password", "create_room");
}

// A public room's label: at most 40 characters, counted as code points.
TEST(DecodeErrors, LabelTooLong) {
    const auto create = [](const std::string& label) {
        return R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
               R"("settings":{"public":true,"label":")" +
               label + "\"}}";
    };
    EXPECT_EQ(std::get<CreateRoom>(message_of(create(repeat("é", 40)))).settings.label,
              repeat("é", 40));
    expect_error(create(std::string(41, 'l')), ErrorCode::too_long, "settings.label",
                 "create_room");
    expect_error(create(repeat("é", 41)), ErrorCode::too_long, "settings.label", "create_room");
}

// What went well and what to work on: at most 1000 characters each.
TEST(DecodeErrors, FeedbackTextTooLong) {
    const auto feedback = [](std::string_view field, const std::string& text) {
        return R"({"type":"feedback","ratings":[],")" + std::string(field) + R"(":")" + text +
               "\"}";
    };
    for (const std::string_view field : {"went_well", "work_on"}) {
        SCOPED_TRACE(field);
        EXPECT_TRUE(
            std::holds_alternative<Feedback>(message_of(feedback(field, repeat("€", 1000)))));
        expect_error(feedback(field, std::string(1001, 'w')), ErrorCode::too_long, field,
                     "feedback");
    }
}

TEST(DecodeErrors, TooManyItems) {
    const auto judge = [](std::size_t tips) {
        return R"({"type":"judge","host_token":"h","question":0,"group":0,"verdict":"correct",)"
               R"("tips":)" +
               quoted_list("time", tips) + "}";
    };
    EXPECT_EQ(std::get<Judge>(message_of(judge(64))).tips.size(), 64u);
    expect_error(judge(65), ErrorCode::too_many_items, "tips", "judge");
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida","settings":{"topics":)" +
                     quoted_list("ml", 65) + "}}",
                 ErrorCode::too_many_items, "settings.topics", "create_room");
}

// PROTOCOL.md: 64 items in any array, so in the arrays of fields the server ignores too, at any
// depth; the field names the array.
TEST(DecodeErrors, TooManyItemsInUnknownFields) {
    EXPECT_TRUE(std::holds_alternative<Ping>(
        message_of(R"({"type":"ping","x":)" + quoted_list("a", 64) + "}")));
    expect_error(R"({"type":"ping","x":)" + quoted_list("a", 65) + "}", ErrorCode::too_many_items,
                 "x", "ping");
    expect_error(R"({"type":"ping","x":{"y":[1,)" + quoted_list("a", 65) + "]}}",
                 ErrorCode::too_many_items, "x.y[1]", "ping");
    expect_error(R"({"type":"join","code":"K7M2QX","nickname":"Ana","extra":[)" +
                     quoted_list("a", 65) + "]}",
                 ErrorCode::too_many_items, "extra[0]", "join");
    // Inside a known object, beside its known fields.
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                 R"("settings":{"future":)" +
                     quoted_list("a", 65) + "}}",
                 ErrorCode::too_many_items, "settings.future", "create_room");
    // Arrays of arrays: each one counts on its own.
    expect_error(R"({"type":"ping","x":[[],)" + quoted_list("a", 65) + "]}",
                 ErrorCode::too_many_items, "x[1]", "ping");
    // Checked before the meaning: a message with a missing field and a long array is refused
    // for the array.
    expect_error(R"({"type":"join","x":)" + quoted_list("a", 65) + "}", ErrorCode::too_many_items,
                 "x", "join");
}

TEST(DecodeErrors, InvalidUtf8) {
    // Raw bytes that are not UTF-8 anywhere in the frame.
    expect_error("{\"type\":\"join\",\"code\":\"K7M2QX\",\"nickname\":\"\xC3\x28\"}",
                 ErrorCode::invalid_utf8);
    expect_error("{\"type\":\"ping\",\"x\":\"\xED\xA0\x80\"}", ErrorCode::invalid_utf8);  // U+D800
    expect_error("{\"type\":\"ping\",\"x\":\"\xC0\xAF\"}", ErrorCode::invalid_utf8);  // overlong
    expect_error("{\"type\":\"ping\",\"x\":\"\xF4\x90\x80\x80\"}", ErrorCode::invalid_utf8);
    expect_error("{\"type\":\"ping\"}\xFF", ErrorCode::invalid_utf8);
    expect_error("\xEF\xBB\xBF{\"type\":\"ping\"}", ErrorCode::bad_json);  // a BOM is not JSON
}

// Boost.JSON refuses escapes that do not form a UTF-16 surrogate pair as a syntax error, so they
// are bad_json, not invalid_utf8 (PROTOCOL.md says so).
TEST(DecodeErrors, InvalidUtf16Escapes) {
    for (const std::string_view escape :
         {"\\ud800", "\\udc00", "\\ud800x", "\\ud800\\u0041", "\\udfff\\ud800", "\\ud83d"}) {
        expect_error(R"({"type":"join","code":"K7M2QX","nickname":")" + std::string(escape) + "\"}",
                     ErrorCode::bad_json);
    }
    EXPECT_EQ(std::get<Join>(message_of(R"({"type":"join","code":"K","nickname":"\ud83d\ude00"})"))
                  .nickname,
              "😀");
}

// `depth` nested objects in all, the message object included.
std::string nested_objects(std::size_t depth) {
    std::string frame = R"({"type":"ping","x":)";
    for (std::size_t i = 1; i < depth; ++i)
        frame += (i + 1 < depth) ? R"({"x":)" : "{}";
    if (depth == 1)
        frame += "0";
    for (std::size_t i = 2; i < depth; ++i)
        frame += "}";
    return frame + "}";
}

TEST(DecodeErrors, TooDeep) {
    ASSERT_EQ(max_json_depth, 16u);
    expect_error(repeat("[", 1000) + repeat("]", 1000), ErrorCode::too_deep);
    expect_error(repeat("[", 1000), ErrorCode::too_deep);  // refused before the end is seen
    expect_error(repeat("{\"a\":", 1000) + "1" + repeat("}", 1000), ErrorCode::too_deep);
    expect_error(nested_objects(17), ErrorCode::too_deep);
    expect_error(repeat("[", 17) + repeat("]", 17), ErrorCode::too_deep);

    // Sixteen levels are fine: unknown members are ignored, arrays are merely not objects.
    EXPECT_TRUE(std::holds_alternative<Ping>(message_of(nested_objects(16))));
    EXPECT_TRUE(std::holds_alternative<Ping>(message_of(nested_objects(1))));
    expect_error(repeat("[", 16) + repeat("]", 16), ErrorCode::not_object);
    const std::string mixed = R"({"type":"ping","x":)" + repeat("[", 15) + repeat("]", 15) + "}";
    EXPECT_TRUE(std::holds_alternative<Ping>(message_of(mixed)));
}

TEST(Decode, UnknownFieldsAreIgnored) {
    const auto join = std::get<Join>(
        message_of(R"({"type":"join","code":"K7M2QX","nickname":"Ana","colour":"teal",)"
                   R"("extra":[1,{"deep":[null,true]}],"password":"pw"})"));
    EXPECT_EQ(join.code, "K7M2QX");
    EXPECT_EQ(join.nickname, "Ana");
    EXPECT_EQ(join.password, "pw");
    // PROTOCOL.md: the string limits are the defined fields'; an unknown one is not measured.
    const std::string long_note = repeat("n", 300);
    EXPECT_TRUE(std::holds_alternative<Ping>(
        message_of(R"({"type":"ping","long_note":")" + long_note + R"("})")));

    const auto create =
        std::get<CreateRoom>(message_of(R"({"type":"create_room","kind":"solo","nickname":"Sam",)"
                                        R"("settings":{"questions":5,"future_option":{"a":1}}})"));
    EXPECT_EQ(create.settings.questions, 5);
    EXPECT_FALSE(create.settings.seconds.has_value());
}

TEST(Decode, NullOptionalIsAbsent) {
    const auto join = std::get<Join>(
        message_of(R"({"type":"join","code":"K7M2QX","nickname":"Ana","password":null})"));
    EXPECT_FALSE(join.password.has_value());
    const auto answer =
        std::get<Answer>(message_of(R"({"type":"answer","question":1,"choice":null,"text":"x"})"));
    EXPECT_FALSE(answer.choice.has_value());
    EXPECT_EQ(answer.text, "x");
    const auto create =
        std::get<CreateRoom>(message_of(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                                        R"("settings":{"seconds":null,"topics":null}})"));
    EXPECT_FALSE(create.settings.seconds.has_value());
    EXPECT_TRUE(create.settings.topics.empty());
}

// An identity is optional on create_room and join; the decoder bounds it like any string, and
// its form (22 to 128 of [A-Za-z0-9_-]) is the engine's rule, stated once in limits.hpp.
TEST(Decode, AnIdentityIsOptionalAndBounded) {
    const auto join = std::get<Join>(message_of(
        R"({"type":"join","code":"K7M2QX","nickname":"Ana","identity":"kq3Zr8Wm_x2Pd-7vYt9LbA"})"));
    EXPECT_EQ(join.identity, "kq3Zr8Wm_x2Pd-7vYt9LbA");
    const auto create = std::get<CreateRoom>(
        message_of(R"({"type":"create_room","kind":"solo","nickname":"Sam","settings":{}})"));
    EXPECT_FALSE(create.identity.has_value());
    expect_error(R"({"type":"create_room","kind":"solo","nickname":"Sam","settings":{},)"
                 R"("identity":")" +
                     repeat("a", max_identity_chars + 1) + R"("})",
                 ErrorCode::too_long, "identity", "create_room");
    expect_error(R"({"type":"join","code":"K7M2QX","nickname":"Ana","identity":42})",
                 ErrorCode::wrong_type, "identity", "join");
    EXPECT_TRUE(is_valid_identity(repeat("a", min_identity_chars)));
    EXPECT_TRUE(is_valid_identity(repeat("Z9_-", 32)));
    EXPECT_FALSE(is_valid_identity(repeat("a", min_identity_chars - 1)));
    EXPECT_FALSE(is_valid_identity(repeat("a", max_identity_chars + 1)));
    EXPECT_FALSE(is_valid_identity("kq3Zr8Wm/x2Pd+7vYt9LbA="));
    EXPECT_FALSE(is_valid_identity(repeat("é", 30)));
}

// PROTOCOL.md marks judge's comment and tips optional: a judge may send the verdict alone.
TEST(Decode, JudgeNeedsNeitherCommentNorTips) {
    const auto judge = std::get<Judge>(message_of(
        R"({"type":"judge","host_token":"h","question":2,"group":1,"verdict":"partial"})"));
    EXPECT_EQ(judge.question, 2);
    EXPECT_EQ(judge.group, 1);
    EXPECT_EQ(judge.verdict, Verdict::partial);
    EXPECT_FALSE(judge.comment.has_value());
    EXPECT_TRUE(judge.tips.empty());
    const auto with_null = std::get<Judge>(
        message_of(R"({"type":"judge","host_token":"h","question":2,"group":1,"verdict":"wrong",)"
                   R"("comment":null,"tips":null})"));
    EXPECT_TRUE(with_null.tips.empty());
    // The fields the document requires stay required.
    expect_error(R"({"type":"judge","host_token":"h","question":2,"group":1})",
                 ErrorCode::missing_field, "verdict", "judge");
}

// "public" on the wire is RoundSettings::public_; the C++ spelling is an unknown field.
TEST(Decode, PublicIsTheWireName) {
    const auto open =
        std::get<CreateRoom>(message_of(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                                        R"("settings":{"public":true,"label":"Friday drills"}})"));
    EXPECT_EQ(open.settings.public_, true);
    EXPECT_EQ(open.settings.label, "Friday drills");
    const auto underscored = std::get<CreateRoom>(message_of(
        R"({"type":"create_room","kind":"quiz","nickname":"Ida","settings":{"public_":true}})"));
    EXPECT_FALSE(underscored.settings.public_.has_value());
    expect_error(R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
                 R"("settings":{"public":"yes"}})",
                 ErrorCode::wrong_type, "settings.public", "create_room");
}

// PROTOCOL.md marks feedback's went_well and work_on optional: ratings alone are a feedback.
TEST(Decode, FeedbackNeedsNeitherWentWellNorWorkOn) {
    const auto feedback = std::get<Feedback>(
        message_of(R"({"type":"feedback","ratings":[{"area":"structure","score":4}]})"));
    ASSERT_EQ(feedback.ratings.size(), 1u);
    EXPECT_EQ(feedback.ratings[0].area, "structure");
    EXPECT_EQ(feedback.ratings[0].score, 4);
    EXPECT_TRUE(feedback.went_well.empty());
    EXPECT_TRUE(feedback.work_on.empty());
    const auto with_null = std::get<Feedback>(
        message_of(R"({"type":"feedback","ratings":[],"went_well":null,"work_on":null})"));
    EXPECT_TRUE(with_null.went_well.empty());
    EXPECT_TRUE(with_null.work_on.empty());
    // The ratings stay required, and so do a rating's fields.
    expect_error(R"({"type":"feedback","went_well":"clear"})", ErrorCode::missing_field, "ratings",
                 "feedback");
    expect_error(R"({"type":"feedback","ratings":[{"area":"time"}]})", ErrorCode::missing_field,
                 "ratings[0].score", "feedback");
}

// A match_join without topics asks for any topic.
TEST(Decode, MatchJoinNeedsNoTopics) {
    const auto join = std::get<MatchJoin>(message_of(R"({"type":"match_join","nickname":"Zoë"})"));
    EXPECT_EQ(join.nickname, "Zoë");
    EXPECT_TRUE(join.topics.empty());
    EXPECT_FALSE(join.level.has_value());
    EXPECT_FALSE(join.role.has_value());
    EXPECT_FALSE(join.identity.has_value());
    const auto with_null =
        std::get<MatchJoin>(message_of(R"({"type":"match_join","nickname":"Zoë","topics":null})"));
    EXPECT_TRUE(with_null.topics.empty());
    expect_error(R"({"type":"match_join","topics":["evaluation"]})", ErrorCode::missing_field,
                 "nickname", "match_join");
}

// Boost.JSON keeps the last of duplicate keys.
TEST(Decode, DuplicateKeysLastWins) {
    const auto join = std::get<Join>(
        message_of(R"({"type":"join","code":"AAAAAA","nickname":"Ana","code":"BBBBBB"})"));
    EXPECT_EQ(join.code, "BBBBBB");
    expect_error(R"({"type":"join","type":"dance","code":"A","nickname":"B"})",
                 ErrorCode::unknown_type, "type");
}

TEST(Decode, WhitespaceAndKeyOrderDoNotMatter) {
    const auto join = std::get<Join>(message_of(
        " \n\t{ \"nickname\" : \"Ana\" ,\r\n \"code\":\"K7M2QX\", \"type\" : \"join\" } "));
    EXPECT_EQ(join.code, "K7M2QX");
    EXPECT_EQ(join.nickname, "Ana");
}

// ---------------------------------------------------------------------------------------------
// Random mutations: whatever arrives, decoding returns a message or a decoding error.

bool is_decoding_code(ErrorCode code) {
    switch (code) {
        case ErrorCode::bad_json:
        case ErrorCode::not_object:
        case ErrorCode::too_deep:
        case ErrorCode::invalid_utf8:
        case ErrorCode::missing_type:
        case ErrorCode::unknown_type:
        case ErrorCode::missing_field:
        case ErrorCode::wrong_type:
        case ErrorCode::out_of_range:
        case ErrorCode::too_long:
        case ErrorCode::too_many_items:
            return true;
        default:
            return false;
    }
}

std::vector<std::string> seed_frames() {
    std::vector<std::string> frames;
    boost::mp11::mp_for_each<ClientMessage>([&](auto m) {
        auto message = sample(tag<decltype(m)>{});
        frames.push_back(encode(ClientMessage{message}));
        testing::strip(message);
        frames.push_back(encode(ClientMessage{message}));
    });
    return frames;
}

std::string mutate(std::string frame, std::mt19937& rng) {
    static const std::vector<std::string> pieces = {"{",
                                                    "}",
                                                    "[",
                                                    "]",
                                                    "\"",
                                                    ":",
                                                    ",",
                                                    "null",
                                                    "true",
                                                    "-",
                                                    "0",
                                                    "1e400",
                                                    "18446744073709551616",
                                                    "\\u0000",
                                                    "\\ud800",
                                                    "\\",
                                                    "\xC3",
                                                    "\xF0\x9F\x98\x80",
                                                    "\xFF",
                                                    "\"type\":",
                                                    "\"settings\":{",
                                                    std::string(70, 'x'),
                                                    "[[[[[[[[[[[[[[[[[[",
                                                    std::string(1, '\0')};
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n == 0 ? 0 : n - 1)(rng);
    };
    const std::size_t edits = 1 + pick(4);
    for (std::size_t e = 0; e < edits; ++e) {
        const std::size_t at = pick(frame.size() + 1);
        switch (pick(7)) {
            case 0:  // flip low bits of one byte (ASCII stays ASCII, so parsing goes on)
                if (!frame.empty())
                    frame[pick(frame.size())] ^= static_cast<char>(1 + pick(127));
                break;
            case 1:  // insert a byte: mostly printable ASCII, sometimes anything
                frame.insert(at, 1, static_cast<char>(pick(4) == 0 ? pick(256) : 0x20 + pick(95)));
                break;
            case 2:  // delete a run
                if (at < frame.size())
                    frame.erase(at, 1 + pick(8));
                break;
            case 3:  // insert a structural or hostile piece
                frame.insert(at, pieces[pick(pieces.size())]);
                break;
            case 4:  // duplicate a run
                if (at < frame.size())
                    frame.insert(at, frame.substr(at, 1 + pick(16)));
                break;
            case 5:  // truncate
                frame.resize(at);
                break;
            default:  // wrap in arrays: a frame that is not an object, or nests too deep
                const std::size_t depth = 1 + pick(20);
                frame = std::string(depth, '[') + frame + std::string(depth, ']');
                break;
        }
    }
    return frame;
}

// Replaces one member (at any depth) with a hostile JSON value, keeping the frame valid JSON so
// the field checks are exercised, not only the parser.
std::string mutate_value(const std::string& frame, std::mt19937& rng) {
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    boost::json::array long_array;
    for (int i = 0; i < 65; ++i)
        long_array.emplace_back("x");
    const std::vector<boost::json::value> values = {nullptr,
                                                    true,
                                                    0,
                                                    -1,
                                                    2147483648LL,
                                                    INT64_MIN,
                                                    UINT64_MAX,
                                                    1.5,
                                                    1e300,
                                                    "",
                                                    "quiz",
                                                    "correct",
                                                    std::string(65, 'n').c_str(),
                                                    std::string(501, 't').c_str(),
                                                    boost::json::array{},
                                                    long_array,
                                                    boost::json::object{},
                                                    boost::json::array{1, "a"},
                                                    boost::json::object{{"seconds", "x"}},
                                                    boost::json::object{{"topics", long_array}}};
    boost::json::value json = boost::json::parse(frame);
    boost::json::object* object = &json.as_object();
    // Sometimes descend into a nested object first (settings).
    for (auto& [key, member] : *object) {
        if (member.is_object() && pick(2) == 0) {
            object = &member.as_object();
            break;
        }
    }
    const auto& value = values[pick(values.size())];
    if (object->empty() || pick(5) == 0) {
        (*object)["extra"] = value;
    } else {
        auto it = object->begin() + static_cast<std::ptrdiff_t>(pick(object->size()));
        if (it->key() == "type" && pick(2) == 0)
            ++it;
        if (it == object->end())
            it = object->begin();
        it->value() = value;
    }
    return boost::json::serialize(json);
}

TEST(DecodeFuzz, RandomMutationsNeverThrow) {
    const auto seeds = seed_frames();
    std::mt19937 rng(20240601);
    int decoded_ok = 0;
    std::set<ErrorCode> codes_seen;
    constexpr int rounds = 2000;
    for (int i = 0; i < rounds; ++i) {
        const std::string& seed = seeds[i % seeds.size()];
        const std::string frame = (i % 2 == 0) ? mutate(seed, rng) : mutate_value(seed, rng);
        Decoded<ClientMessage> result = DecodeError{ErrorCode::internal, "", "", ""};
        ASSERT_NO_THROW(result = decode_client_message(frame)) << "frame " << i;
        if (const auto* error = std::get_if<DecodeError>(&result)) {
            EXPECT_TRUE(is_decoding_code(error->code)) << to_string(error->code);
            codes_seen.insert(error->code);
            EXPECT_FALSE(error->message.empty());
            EXPECT_TRUE(is_valid_utf8(error->message)) << "frame " << i;
        } else {
            // Whatever was accepted encodes back to a frame that decodes to the same message.
            ++decoded_ok;
            const auto& message = std::get<ClientMessage>(result);
            const std::string again = encode(message);
            const auto reread = decode_client_message(again);
            ASSERT_TRUE(std::holds_alternative<ClientMessage>(reread)) << again;
            EXPECT_EQ(encode(std::get<ClientMessage>(reread)), again);
        }
        // The server-side decoder of the same bytes must not throw either.
        ASSERT_NO_THROW((void)decode_server_message(frame)) << "frame " << i;
    }
    // Mutations sometimes leave a valid message; the loop exercises both outcomes.
    EXPECT_GT(decoded_ok, 0);
    EXPECT_LT(decoded_ok, rounds);
    // ...and reaches every code the decoder has, past the JSON parser into the message checks.
    std::string seen;
    for (const ErrorCode code : codes_seen)
        seen += std::string(to_string(code)) + " ";
    EXPECT_GE(codes_seen.size(), 11u) << seen;
}

}  // namespace
}  // namespace rapidfire::protocol
