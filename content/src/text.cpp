#include "text.hpp"

#include <algorithm>
#include <cstdint>

#include "rapidfire/content/loader.hpp"

namespace rapidfire::content::detail {

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    int number = 1;
    while (!text.empty()) {
        const auto end = text.find('\n');
        auto line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back({line, number++});
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

Locator::Locator(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            line_starts_.push_back(i + 1);
    }
}

Position Locator::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::size_t>(next - line_starts_.begin());  // 1-based
    auto start = line_starts_[line - 1];
    std::size_t column = 1;
    if (static_cast<std::size_t>(last_.line) == line && last_offset_ <= offset) {
        start = last_offset_;
        column = static_cast<std::size_t>(last_.column);
    }
    column += count_code_points(text_.substr(start, offset - start));
    last_offset_ = offset;
    last_ = {static_cast<int>(line), static_cast<int>(column)};
    return last_;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t extra = 0;
        std::uint32_t code_point = 0;
        if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            code_point = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            code_point = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            code_point = lead & 0x07;
        } else {
            return i;  // a stray continuation byte, or a byte UTF-8 never uses
        }
        if (size - i <= extra)
            return i;
        for (std::size_t k = 1; k <= extra; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
            code_point = (code_point << 6) | (bytes[i + k] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
        static constexpr std::uint32_t smallest[] = {0, 0x80, 0x800, 0x10000};
        if (code_point < smallest[extra] || code_point > 0x10FFFF ||
            (code_point >= 0xD800 && code_point <= 0xDFFF)) {
            return i;
        }
        i += extra + 1;
    }
    return std::nullopt;
}

std::string_view checked_utf8(std::string_view text, const std::string& file) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.starts_with(bom))
        text.remove_prefix(bom.size());
    if (const auto bad = find_invalid_utf8(text)) {
        const auto where = Locator(text).at(*bad);
        throw LoadError(file, where.line, where.column, "", "the file is not valid UTF-8");
    }
    return text;
}

std::size_t count_code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

std::string to_lower_ascii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

std::vector<std::string> split_list(std::string_view text, std::string_view separators) {
    std::vector<std::string> items;
    while (true) {
        const auto end = text.find_first_of(separators);
        const auto item = trim(text.substr(0, end));
        if (!item.empty())
            items.emplace_back(item);
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return items;
}

}  // namespace rapidfire::content::detail
