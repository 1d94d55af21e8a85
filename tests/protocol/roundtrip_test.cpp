// Every message type survives encode → decode unchanged, in its fullest form (every field set,
// every optional present) and its smallest (every optional absent, every array empty). The
// typed tests iterate over the message variants, so a new message is tested automatically.

#include <string>
#include <type_traits>
#include <variant>

#include <gtest/gtest.h>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/protocol/codec.hpp"
#include "samples.hpp"

namespace rapidfire::protocol {
namespace {

using testing::deep_equal;
using testing::is_optional;
using testing::may_be_absent;
using testing::members_of;
using testing::sample;
using testing::tag;
using testing::wire_name;

// Which variant carries a message, and the matching decoder.
template <class T>
constexpr bool is_client_message = boost::mp11::mp_contains<ClientMessage, T>::value;

template <class T>
using VariantOf = std::conditional_t<is_client_message<T>, ClientMessage, ServerMessage>;

template <class T>
Decoded<VariantOf<T>> decode_as(std::string_view frame) {
    if constexpr (is_client_message<T>) {
        return decode_client_message(frame);
    } else {
        return decode_server_message(frame);
    }
}

template <class T>
std::string encode_one(const T& message) {
    return encode(VariantOf<T>{message});
}

// Decodes `frame`, expecting a T; fails the test (and returns a default T) otherwise.
template <class T>
T decode_expecting(const std::string& frame) {
    auto decoded = decode_as<T>(frame);
    if (const auto* error = std::get_if<DecodeError>(&decoded)) {
        ADD_FAILURE() << "decode failed: " << to_string(error->code) << " at '" << error->field
                      << "': " << error->message << "\n  frame: " << frame;
        return T{};
    }
    const auto& message = std::get<VariantOf<T>>(decoded);
    if (!std::holds_alternative<T>(message)) {
        ADD_FAILURE() << "decoded as '" << type_of(message) << "', expected '" << T::type << "'";
        return T{};
    }
    return std::get<T>(message);
}

template <class T>
void expect_round_trip(const T& original) {
    const std::string frame = encode_one(original);
    SCOPED_TRACE(frame);
    const T decoded = decode_expecting<T>(frame);
    EXPECT_TRUE(deep_equal(original, decoded));
    EXPECT_EQ(encode_one(decoded), frame);

    // The frame is one JSON object whose "type" names the message.
    const auto json = boost::json::parse(frame);
    ASSERT_TRUE(json.is_object());
    const auto* type = json.as_object().if_contains("type");
    ASSERT_NE(type, nullptr);
    EXPECT_EQ(type->as_string(), T::type);
}

template <class T>
class MessageTest : public ::testing::Test {};

using AllMessages =
    boost::mp11::mp_rename<boost::mp11::mp_append<ClientMessage, ServerMessage>, ::testing::Types>;

class TypeNames {
  public:
    template <class T>
    static std::string GetName(int) {
        return std::string(T::type);
    }
};

TYPED_TEST_SUITE(MessageTest, AllMessages, TypeNames);

TYPED_TEST(MessageTest, SampleSetsEveryField) {
    const auto defaults = testing::fields_left_at_default(sample(tag<TypeParam>{}));
    EXPECT_TRUE(defaults.empty()) << "fields the sample leaves at their default: "
                                  << ::testing::PrintToString(defaults);
}

TYPED_TEST(MessageTest, FullRoundTrip) {
    expect_round_trip(sample(tag<TypeParam>{}));
}

TYPED_TEST(MessageTest, MinimalRoundTrip) {
    TypeParam message = sample(tag<TypeParam>{});
    testing::strip(message);
    expect_round_trip(message);
}

TYPED_TEST(MessageTest, DefaultRoundTrip) {
    expect_round_trip(TypeParam{});
}

// Absent optional members are left out of the frame rather than written as null.
TYPED_TEST(MessageTest, AbsentOptionalsAreOmitted) {
    TypeParam message = sample(tag<TypeParam>{});
    testing::strip(message);
    const auto json = boost::json::parse(encode_one(message)).as_object();
    boost::mp11::mp_for_each<members_of<TypeParam>>([&](auto m) {
        using Member = std::remove_cvref_t<decltype(message.*m.pointer)>;
        EXPECT_EQ(json.contains(wire_name(m.name)), !is_optional<Member>::value) << m.name;
    });
}

// A null optional member reads as absent.
TYPED_TEST(MessageTest, NullOptionalIsAbsent) {
    const TypeParam full = sample(tag<TypeParam>{});
    const auto json = boost::json::parse(encode_one(full)).as_object();
    boost::mp11::mp_for_each<members_of<TypeParam>>([&](auto m) {
        using Member = std::remove_cvref_t<decltype(full.*m.pointer)>;
        if constexpr (is_optional<Member>::value) {
            SCOPED_TRACE(m.name);
            auto with_null = json;
            with_null[wire_name(m.name)] = nullptr;
            TypeParam expected = full;
            (expected.*m.pointer).reset();
            EXPECT_TRUE(deep_equal(decode_expecting<TypeParam>(boost::json::serialize(with_null)),
                                   expected));
        }
    });
}

// Every required member, removed or null, is reported by name with the message type. A few
// members are optional without a std::optional type (testing::may_be_absent: Judge's tips,
// MatchJoin's topics, Feedback's went_well and work_on); left out or null, they read as empty.
// protocol_doc_test checks every member against PROTOCOL.md's "required" column.
TYPED_TEST(MessageTest, MissingRequiredField) {
    const TypeParam full = sample(tag<TypeParam>{});
    const auto json = boost::json::parse(encode_one(full)).as_object();
    boost::mp11::mp_for_each<members_of<TypeParam>>([&](auto m) {
        using Member = std::remove_cvref_t<decltype(std::declval<TypeParam>().*m.pointer)>;
        if constexpr (!is_optional<Member>::value) {
            const std::string_view name = wire_name(m.name);
            SCOPED_TRACE(name);
            for (const bool as_null : {false, true}) {
                auto broken = json;
                if (as_null) {
                    broken[name] = nullptr;
                } else {
                    broken.erase(name);
                }
                const std::string frame = boost::json::serialize(broken);
                if (may_be_absent<TypeParam>(name)) {
                    TypeParam expected = full;
                    expected.*m.pointer = Member{};
                    EXPECT_TRUE(deep_equal(decode_expecting<TypeParam>(frame), expected));
                    continue;
                }
                auto decoded = decode_as<TypeParam>(frame);
                ASSERT_TRUE(std::holds_alternative<DecodeError>(decoded));
                const auto& error = std::get<DecodeError>(decoded);
                EXPECT_EQ(error.code, ErrorCode::missing_field);
                EXPECT_EQ(error.field, name);
                EXPECT_EQ(error.request, TypeParam::type);
            }
        }
    });
}

// Every member given a value of the wrong JSON type is reported by name.
TYPED_TEST(MessageTest, WrongTypeField) {
    const auto json = boost::json::parse(encode_one(sample(tag<TypeParam>{}))).as_object();
    boost::mp11::mp_for_each<members_of<TypeParam>>([&](auto m) {
        using Member = std::remove_cvref_t<decltype(std::declval<TypeParam>().*m.pointer)>;
        using Inner = typename std::conditional_t<is_optional<Member>::value, Member,
                                                  std::optional<Member>>::value_type;
        const std::string_view name = wire_name(m.name);
        SCOPED_TRACE(name);
        auto broken = json;
        if constexpr (std::is_same_v<Inner, bool>) {
            broken[name] = 1;
        } else {
            broken[name] = true;
        }
        auto decoded = decode_as<TypeParam>(boost::json::serialize(broken));
        ASSERT_TRUE(std::holds_alternative<DecodeError>(decoded));
        const auto& error = std::get<DecodeError>(decoded);
        EXPECT_EQ(error.code, ErrorCode::wrong_type);
        EXPECT_EQ(error.field, name);
        EXPECT_EQ(error.request, TypeParam::type);
    });
}

TEST(MessageTypes, NamesAreUniqueAndListedInOrder) {
    const auto client = client_message_types();
    const auto server = server_message_types();
    ASSERT_EQ(client.size(), std::variant_size_v<ClientMessage>);
    ASSERT_EQ(server.size(), std::variant_size_v<ServerMessage>);
    std::set<std::string_view> seen;
    for (const auto name : client)
        EXPECT_TRUE(seen.insert(name).second) << name;
    // The two directions are decoded separately, so a name may not mean two things either.
    for (const auto name : server)
        EXPECT_TRUE(seen.insert(name).second) << name;

    std::size_t i = 0;
    boost::mp11::mp_for_each<ClientMessage>([&](auto m) {
        EXPECT_EQ(client[i], decltype(m)::type);
        EXPECT_EQ(type_of(ClientMessage{m}), decltype(m)::type);
        ++i;
    });
    i = 0;
    boost::mp11::mp_for_each<ServerMessage>([&](auto m) {
        EXPECT_EQ(server[i], decltype(m)::type);
        EXPECT_EQ(type_of(ServerMessage{m}), decltype(m)::type);
        ++i;
    });
}

// A message of one direction is not understood by the other direction's decoder.
TEST(MessageTypes, DirectionsAreSeparate) {
    auto decoded = decode_client_message(encode(ServerMessage{sample(tag<Welcome>{})}));
    ASSERT_TRUE(std::holds_alternative<DecodeError>(decoded));
    EXPECT_EQ(std::get<DecodeError>(decoded).code, ErrorCode::unknown_type);

    auto reply = decode_server_message(encode(ClientMessage{sample(tag<Hello>{})}));
    ASSERT_TRUE(std::holds_alternative<DecodeError>(reply));
    EXPECT_EQ(std::get<DecodeError>(reply).code, ErrorCode::unknown_type);
}

// Server messages are not held to the client limits: long references, big standings.
TEST(ServerDecode, NoLengthLimits) {
    Question question = sample(tag<Question>{});
    question.text = std::string(5000, 'q');
    question.topics.assign(200, "topic");
    GameOver over = sample(tag<GameOver>{});
    over.standings.assign(100, sample(tag<Standing>{}));
    EXPECT_TRUE(deep_equal(decode_expecting<Question>(encode_one(question)), question));
    EXPECT_TRUE(deep_equal(decode_expecting<GameOver>(encode_one(over)), over));
}

// JSON has no NaN or infinity; the encoder must still produce a frame clients can parse.
TEST(Encode, NonFiniteNumbersStayJson) {
    JudgeRequest request = sample(tag<JudgeRequest>{});
    request.groups[0].overlap = std::numeric_limits<double>::quiet_NaN();
    request.groups[1].overlap = std::numeric_limits<double>::infinity();
    const std::string frame = encode_one(request);
    boost::system::error_code ec;
    boost::json::parse(frame, ec);
    EXPECT_FALSE(ec) << frame;
    const auto decoded = decode_expecting<JudgeRequest>(frame);
    ASSERT_EQ(decoded.groups.size(), 2u);
    EXPECT_EQ(decoded.groups[0].overlap, 0.0);
    EXPECT_EQ(decoded.groups[1].overlap, 0.0);
}

// The exact wire form of a few messages, so that accidental renames show up here.
TEST(Encode, ExactFrames) {
    EXPECT_EQ(encode(ClientMessage{Join{"K7M2QX", "Ana", std::nullopt}}),
              R"({"type":"join","code":"K7M2QX","nickname":"Ana"})");
    EXPECT_EQ(encode(ClientMessage{Leave{}}), R"({"type":"leave"})");
    EXPECT_EQ(encode(ClientMessage{Answer{0, 2, std::nullopt}}),
              R"({"type":"answer","question":0,"choice":2})");
    EXPECT_EQ(
        encode(
            ServerMessage{Error{ErrorCode::room_not_found, "no such room", std::nullopt, "join"}}),
        R"({"type":"error","code":"room_not_found","message":"no such room","request":"join"})");
    EXPECT_EQ(encode(ClientMessage{CreateRoom{RoomKind::quiz, "Ida", {}}}),
              R"({"type":"create_room","kind":"quiz","nickname":"Ida","settings":{"topics":[]}})");
    // A member named after a C++ keyword goes out without its trailing underscore.
    RoundSettings open;
    open.public_ = true;
    open.label = "Friday drills";
    EXPECT_EQ(encode(ClientMessage{CreateRoom{RoomKind::quiz, "Ida", open}}),
              R"({"type":"create_room","kind":"quiz","nickname":"Ida",)"
              R"("settings":{"topics":[],"public":true,"label":"Friday drills"}})");
    EXPECT_EQ(encode(ClientMessage{MatchConfirm{}}), R"({"type":"match_confirm"})");
    EXPECT_EQ(encode(ClientMessage{MatchJoin{"Ana", {}, std::nullopt, std::nullopt}}),
              R"({"type":"match_join","nickname":"Ana","topics":[]})");
}

// A reveal with several right choices and the question's feedback; an older server's reveal,
// with neither, still decodes.
TEST(RevealFrame, SeveralCorrectChoicesAndFeedback) {
    Reveal reveal;
    reveal.question = 4;
    reveal.reference = "2 and 3";
    reveal.correct_choice = 1;
    reveal.correct_choices = std::vector<int>{1, 2};
    reveal.choice_counts = {0, 4, 3, 1};
    reveal.feedback = "A prime has exactly two divisors.";
    const std::string frame = encode(ServerMessage{reveal});
    EXPECT_EQ(frame, R"({"type":"reveal","question":4,"reference":"2 and 3","correct_choice":1,)"
                     R"("correct_choices":[1,2],"choice_counts":[0,4,3,1],"grading":false,)"
                     R"("feedback":"A prime has exactly two divisors."})");
    const auto back = decode_expecting<Reveal>(frame);
    EXPECT_EQ(back.correct_choices, (std::vector<int>{1, 2}));
    EXPECT_EQ(back.feedback, "A prime has exactly two divisors.");

    const auto older = decode_expecting<Reveal>(
        R"({"type":"reveal","question":0,"reference":"Momentum.","correct_choice":2,)"
        R"("choice_counts":[1,0,3,0],"grading":false})");
    EXPECT_EQ(older.correct_choice, 2);
    EXPECT_FALSE(older.correct_choices.has_value());
    EXPECT_FALSE(older.feedback.has_value());
}

// final_result's study list: absent when nothing was missed; each topic with its questions, their
// texts and the checklist area, a topic no area covers without one.
TEST(StudyList, FinalResultCarriesItOnlyWhenSomethingWasMissed) {
    FinalResult clean{1, 3, 5000, 5, 0, 0, 0, 9000, 60000};
    EXPECT_EQ(encode_one(clean).find("study"), std::string::npos);
    EXPECT_FALSE(decode_expecting<FinalResult>(encode_one(clean)).study.has_value());

    FinalResult missed = clean;
    missed.study = std::vector<StudyTopic>{{"evaluation",
                                            {1, 4},
                                            {"What is recall?", "What is a ROC curve?"},
                                            "Evaluation",
                                            "Can you choose the right metric?"},
                                           {"kernels", {2}, {"What is a kernel function?"}},
                                           {"", {3}, {"Untagged?"}}};
    const std::string frame = encode_one(missed);
    EXPECT_NE(
        frame.find(R"("study":[{"topic":"evaluation","questions":[1,4],)"
                   R"("texts":["What is recall?","What is a ROC curve?"],)"
                   R"("area":"Evaluation","checklist":"Can you choose the right metric?"},)"
                   R"({"topic":"kernels","questions":[2],"texts":["What is a kernel function?"]},)"
                   R"({"topic":"","questions":[3],"texts":["Untagged?"]}])"),
        std::string::npos)
        << frame;
    const auto back = decode_expecting<FinalResult>(frame);
    EXPECT_TRUE(deep_equal(back, missed));
    ASSERT_TRUE(back.study.has_value());
    EXPECT_FALSE((*back.study)[1].area.has_value());
}

// A summary written before topics pointed to the checklist (as a record of games keeps it)
// still reads: area and checklist are optional.
TEST(StudyList, AnOlderSummaryStillDecodes) {
    const auto summary = decode_expecting<Summary>(
        R"({"type":"summary","player":2,"nickname":"Zoë","interviewer":"Ida","points":0,)"
        R"("rank":1,"correct":0,"partial":0,"wrong":1,"unanswered":0,"time_ms":1000,"items":[],)"
        R"("misses_by_topic":[{"topic":"evaluation","questions":[0]}],"tips_shown":[],)"
        R"("tips_missed":[]})");
    ASSERT_EQ(summary.misses_by_topic.size(), 1u);
    EXPECT_FALSE(summary.misses_by_topic[0].area.has_value());
    EXPECT_FALSE(summary.misses_by_topic[0].checklist.has_value());
}

}  // namespace
}  // namespace rapidfire::protocol

namespace rapidfire::protocol {
namespace {

TEST(Settings, RoundTripOnTheirOwn) {
    RoundSettings settings;
    settings.questions = 7;
    settings.topics = {"evaluation"};
    settings.mode = AnswerMode::judge;
    settings.seed = 99;
    const std::string json = encode_settings(settings);
    const auto back = decode_settings(json);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(encode_settings(*back), json);
    EXPECT_EQ(back->questions, 7);
    EXPECT_FALSE(back->password.has_value());
    EXPECT_FALSE(decode_settings("not json").has_value());
    EXPECT_FALSE(decode_settings(R"({"questions": "seven"})").has_value());
}

}  // namespace
}  // namespace rapidfire::protocol
