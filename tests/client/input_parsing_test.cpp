#include <gtest/gtest.h>

#include "rapidfire/client/input_parsing.hpp"

namespace rapidfire::client {
namespace {

using protocol::SelfGrade;
using protocol::Verdict;

TEST(InputParsing, ChoicesCountFromOne) {
    EXPECT_EQ(parse_choice("1", 4), 0);
    EXPECT_EQ(parse_choice(" 4 ", 4), 3);
    EXPECT_FALSE(parse_choice("0", 4));
    EXPECT_FALSE(parse_choice("5", 4));
    EXPECT_FALSE(parse_choice("two", 4));
    EXPECT_FALSE(parse_choice("2x", 4));
}

TEST(InputParsing, GradesByWordOrNumber) {
    EXPECT_EQ(parse_grade("again"), SelfGrade::again);
    EXPECT_EQ(parse_grade("HARD"), SelfGrade::hard);
    EXPECT_EQ(parse_grade("3"), SelfGrade::good);
    EXPECT_EQ(parse_grade(" easy "), SelfGrade::easy);
    EXPECT_FALSE(parse_grade("5"));
    EXPECT_FALSE(parse_grade("great"));
}

TEST(InputParsing, JudgeLines) {
    const std::vector<std::string> tips{"structure", "think-aloud", "honesty"};
    std::string error;
    EXPECT_TRUE(is_judge_line("c"));
    EXPECT_TRUE(is_judge_line("partial nice try"));
    EXPECT_FALSE(is_judge_line("continue"));
    EXPECT_FALSE(is_judge_line("skip"));
    auto judge = parse_judge_line("a", tips, error);
    ASSERT_TRUE(judge);
    EXPECT_TRUE(judge->accept_all);
    judge = parse_judge_line("c +2 +honesty +2 Good, +1 for honesty", tips, error);
    ASSERT_TRUE(judge) << error;
    EXPECT_EQ(judge->verdict, Verdict::correct);
    EXPECT_EQ(judge->tips, (std::vector<std::string>{"think-aloud", "honesty"}));
    EXPECT_EQ(judge->comment, "Good, +1 for honesty");
    judge = parse_judge_line("wrong", tips, error);
    ASSERT_TRUE(judge);
    EXPECT_EQ(judge->verdict, Verdict::wrong);
    EXPECT_FALSE(judge->comment);
    EXPECT_FALSE(parse_judge_line("p +tradeoffs", tips, error));
    EXPECT_EQ(error, "unknown tip 'tradeoffs'");
}

TEST(InputParsing, TipLists) {
    const std::vector<std::string> tips{"structure", "think-aloud", "honesty"};
    std::string error;
    EXPECT_EQ(parse_tip_list("3, 1 structure", tips, error),
              (std::vector<std::string>{"honesty", "structure"}));
    EXPECT_EQ(parse_tip_list("", tips, error), std::vector<std::string>{});
    EXPECT_FALSE(parse_tip_list("4", tips, error));
}

TEST(InputParsing, RematchTakesNothingOrSwap) {
    EXPECT_EQ(parse_rematch_swap(""), false);
    EXPECT_EQ(parse_rematch_swap("  "), false);
    EXPECT_EQ(parse_rematch_swap("swap"), true);
    EXPECT_EQ(parse_rematch_swap(" Swap "), true);
    EXPECT_FALSE(parse_rematch_swap("swap roles"));
    EXPECT_FALSE(parse_rematch_swap("now"));
    const auto command = split_command("/REMATCH swap");
    EXPECT_EQ(command.word, "rematch");
    EXPECT_EQ(parse_rematch_swap(command.argument), true);
}

TEST(InputParsing, Commands) {
    auto command = split_command("  /Extend   20 ");
    EXPECT_EQ(command.word, "extend");
    EXPECT_EQ(command.argument, "20");
    command = split_command("kick Big Bob");
    EXPECT_EQ(command.word, "kick");
    EXPECT_EQ(command.argument, "Big Bob");
}

}  // namespace
}  // namespace rapidfire::client
