#include <gtest/gtest.h>

#include "rapidfire/client/line_editor.hpp"

namespace rapidfire::client {
namespace {

std::optional<std::string> feed_all(LineEditor& editor, const std::string& bytes) {
    std::optional<std::string> line;
    for (const char c : bytes) {
        if (auto done = editor.feed(c))
            line = done;
    }
    return line;
}

TEST(LineEditor, EnterFinishesTheLine) {
    LineEditor e;
    EXPECT_FALSE(feed_all(e, "hello"));
    EXPECT_EQ(e.buffer(), "hello");
    EXPECT_EQ(feed_all(e, "\r"), "hello");
    EXPECT_TRUE(e.empty());
}

TEST(LineEditor, BackspaceRemovesOneCharacterEvenUtf8) {
    LineEditor e;
    feed_all(e, "caf\xc3\xa9!");
    feed_all(e, "\x7f\x7f");
    EXPECT_EQ(e.buffer(), "caf");
    feed_all(e, "\x15");  // Ctrl-U
    EXPECT_TRUE(e.empty());
}

TEST(LineEditor, EscapeSequencesAreIgnored) {
    LineEditor e;
    EXPECT_EQ(feed_all(e, "a\x1b[Ab\x1b[1;5Dc\n"), "abc");
}

}  // namespace
}  // namespace rapidfire::client
