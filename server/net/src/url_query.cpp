#include "url_query.hpp"

#include <algorithm>
#include <charconv>

namespace rapidfire::net {

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            unsigned value = 0;
            if (i + 2 >= text.size())
                return std::nullopt;
            const auto [end, ec] =
                std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
            if (ec != std::errc{} || end != text.data() + i + 3)
                return std::nullopt;
            out += static_cast<char>(value);
            i += 2;
        } else if (plus_is_space && text[i] == '+') {
            out += ' ';
        } else {
            out += text[i];
        }
    }
    return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> query_pairs(
    std::string_view query) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t start = 0; start < query.size();) {
        const auto end = std::min(query.find('&', start), query.size());
        const auto pair = query.substr(start, end - start);
        start = end + 1;
        if (pair.empty())
            continue;
        const auto equals = pair.find('=');
        auto key = percent_decode(pair.substr(0, equals), true);
        auto value = percent_decode(
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
        if (!key || !value)
            return std::nullopt;
        pairs.emplace_back(std::move(*key), std::move(*value));
    }
    return pairs;
}

std::optional<std::string> query_value(std::string_view query, std::string_view key) {
    const auto pairs = query_pairs(query);
    if (!pairs)
        return std::nullopt;
    for (const auto& [name, value] : *pairs) {
        if (name == key)
            return value;
    }
    return std::nullopt;
}

}  // namespace rapidfire::net
