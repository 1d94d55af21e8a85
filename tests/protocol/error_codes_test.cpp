// Error codes are part of the wire contract: each has its own string, and the string reads
// back as the same code.

#include <set>
#include <string>

#include <gtest/gtest.h>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/protocol/enums.hpp"
#include "rapidfire/protocol/error.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::protocol {
namespace {

TEST(ErrorCodes, EveryCodeIsListed) {
    const auto codes = all_error_codes();
    EXPECT_EQ(codes.size(),
              boost::mp11::mp_size<boost::describe::describe_enumerators<ErrorCode>>::value);
    // Every enumerator (the enum is dense from 0) is in the list exactly once.
    std::set<int> values;
    for (const auto code : codes)
        EXPECT_TRUE(values.insert(static_cast<int>(code)).second);
    EXPECT_EQ(values.size(), codes.size());
    EXPECT_EQ(*values.begin(), 0);
    EXPECT_EQ(*values.rbegin(), static_cast<int>(codes.size()) - 1);
}

TEST(ErrorCodes, StringsAreUniqueAndRoundTrip) {
    std::set<std::string_view> names;
    for (const auto code : all_error_codes()) {
        const std::string_view name = to_string(code);
        SCOPED_TRACE(name);
        EXPECT_FALSE(name.empty());
        EXPECT_TRUE(names.insert(name).second) << "duplicate";
        // Wire names are lower-case snake_case.
        for (const char c : name)
            EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << name;
        EXPECT_EQ(error_code_from_string(name), code);
    }
}

TEST(ErrorCodes, UnknownStrings) {
    EXPECT_EQ(error_code_from_string(""), std::nullopt);
    EXPECT_EQ(error_code_from_string("no_such_code"), std::nullopt);
    EXPECT_EQ(error_code_from_string("BAD_JSON"), std::nullopt);
    EXPECT_EQ(error_code_from_string("bad_json "), std::nullopt);
}

TEST(MakeError, EmptyRequestAndFieldAreLeftOut) {
    const Error bare = make_error(ErrorCode::rate_limited, "slow down");
    EXPECT_EQ(bare.code, ErrorCode::rate_limited);
    EXPECT_EQ(bare.message, "slow down");
    EXPECT_EQ(bare.request, std::nullopt);
    EXPECT_EQ(bare.field, std::nullopt);
    const Error full =
        make_error(ErrorCode::invalid_settings, "too many", "create_room", "settings.questions");
    EXPECT_EQ(full.request, "create_room");
    EXPECT_EQ(full.field, "settings.questions");
}

TEST(MakeError, SharedRefusals) {
    const Error no_room = room_not_found_error();
    EXPECT_EQ(no_room.code, ErrorCode::room_not_found);
    EXPECT_EQ(no_room.request, "join");
    EXPECT_EQ(no_room.field, "code");
    const Error token = bad_resume_token_error();
    EXPECT_EQ(token.code, ErrorCode::bad_resume_token);
    EXPECT_EQ(token.request, "resume");
    EXPECT_EQ(token.field, "token");
    const Error gone = not_in_room_error("answer");
    EXPECT_EQ(gone.code, ErrorCode::not_in_room);
    EXPECT_EQ(gone.request, "answer");
    EXPECT_EQ(gone.field, std::nullopt);
}

TEST(EnumNames, AreTheWireNames) {
    EXPECT_EQ(name_of(RoomKind::interview), "interview");
    EXPECT_EQ(name_of(ClockMode::per_question), "per_question");
    EXPECT_EQ(name_of(EndReason::ended_by_host), "ended_by_host");
    EXPECT_EQ(name_of(static_cast<Verdict>(42)), "unknown");
}

}  // namespace
}  // namespace rapidfire::protocol
