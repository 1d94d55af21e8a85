// Effects put together: nothing one of them asks for is lost.

#include <gtest/gtest.h>

#include "rapidfire/client/effects.hpp"

namespace rapidfire::client {
namespace {

TEST(Effects, AppendKeepsEveryField) {
    Effects first;
    first.lines = {{false, "one"}};
    first.send = {protocol::Leave{}};
    first.exit_code = 2;
    first.summary_markdown = "# first";

    Effects next;
    next.lines = {{true, "two"}};
    next.send = {protocol::Ping{}};
    next.exit_code = 0;
    next.summary_markdown = "# first\n# second";
    next.remember = RoomToRemember{"K7M2QX", "secret"};
    next.seat = SeatToRemember{"K7M2QX", protocol::Role::host, "K7M2QX.seat", "Ms Rivera"};
    next.forget_seat = SeatToRemember{"ABC234", protocol::Role::player, "ABC234.old", "Sam"};

    first.append(std::move(next));
    ASSERT_EQ(first.lines.size(), 2u);
    EXPECT_EQ(first.lines[0].text, "one");
    EXPECT_TRUE(first.lines[1].error);
    EXPECT_EQ(first.lines[1].text, "two");
    ASSERT_EQ(first.send.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<protocol::Leave>(first.send[0]));
    EXPECT_TRUE(std::holds_alternative<protocol::Ping>(first.send[1]));
    EXPECT_EQ(first.exit_code, 2);  // the first exit asked for stands
    EXPECT_EQ(first.summary_markdown, "# first\n# second");
    ASSERT_TRUE(first.remember.has_value());
    EXPECT_EQ(first.remember->host_token, "secret");
    ASSERT_TRUE(first.seat.has_value());
    EXPECT_EQ(first.seat->resume_token, "K7M2QX.seat");
    ASSERT_TRUE(first.forget_seat.has_value());
    EXPECT_EQ(first.forget_seat->resume_token, "ABC234.old");

    Effects quiet;
    Effects leaving;
    leaving.exit_code = 1;
    quiet.append(std::move(leaving));
    EXPECT_EQ(quiet.exit_code, 1);
    EXPECT_FALSE(quiet.summary_markdown.has_value());
}

}  // namespace
}  // namespace rapidfire::client
