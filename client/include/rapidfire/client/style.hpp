#pragma once
// ANSI colours and emphasis, or nothing at all when colours are off.

#include <string>
#include <string_view>

namespace rapidfire::client {

class Style {
  public:
    explicit Style(bool color = false) : color_(color) {}

    bool color() const { return color_; }
    std::string bold(std::string_view text) const { return wrap("1", text); }
    std::string dim(std::string_view text) const { return wrap("2", text); }
    std::string red(std::string_view text) const { return wrap("31", text); }
    std::string green(std::string_view text) const { return wrap("32", text); }
    std::string yellow(std::string_view text) const { return wrap("33", text); }
    std::string cyan(std::string_view text) const { return wrap("36", text); }

  private:
    std::string wrap(std::string_view code, std::string_view text) const {
        if (!color_)
            return std::string(text);
        std::string out = "\x1b[";
        out.append(code).append("m").append(text).append("\x1b[0m");
        return out;
    }

    bool color_;
};

}  // namespace rapidfire::client
