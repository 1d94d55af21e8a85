// Error codes are part of the wire contract: each has its own string, and the string reads
// back as the same code.

#include <set>
#include <string>

#include <gtest/gtest.h>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/protocol/error.hpp"

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

}  // namespace
}  // namespace rapidfire::protocol
