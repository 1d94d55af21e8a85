// Tables for the terminal: widths in characters, counts on the right, nothing trailing.

#include <gtest/gtest.h>

#include "rapidfire/client/text_table.hpp"

namespace rapidfire::client {
namespace {

TEST(TextTable, ColumnsAreAsWideAsTheirWidestCellInCharacters) {
    EXPECT_EQ(text_table({{"name", "points", "note"}, {"Zoë", "12", "first"}, {"Bo", "7", ""}},
                         {false, true, false}),
              "name  points  note\n"
              "Zoë       12  first\n"
              "Bo         7\n");
}

TEST(TextTable, NoRowsNoLines) {
    EXPECT_EQ(text_table({}, {}), "");
}

}  // namespace
}  // namespace rapidfire::client
