#include "rapidfire/client/text_table.hpp"

#include <algorithm>

#include "rapidfire/protocol/utf8.hpp"

namespace rapidfire::client {

namespace {

std::size_t width_of(const std::string& text) {
    return protocol::is_valid_utf8(text) ? protocol::utf8_length(text) : text.size();
}

std::string padded(const std::string& text, std::size_t width, bool right_aligned) {
    const std::size_t used = width_of(text);
    if (used >= width)
        return text;
    const std::string fill(width - used, ' ');
    return right_aligned ? fill + text : text + fill;
}

}  // namespace

std::string text_table(const std::vector<std::vector<std::string>>& rows,
                       const std::vector<bool>& right_aligned) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size())
            widths.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], width_of(row[c]));
    }
    std::string table;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += "  ";
            const bool right = c < right_aligned.size() && right_aligned[c];
            line += c + 1 == row.size() ? row[c] : padded(row[c], widths[c], right);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        table += line + "\n";
    }
    return table;
}

}  // namespace rapidfire::client
