#include "seed.hpp"

#include <algorithm>
#include <stdexcept>

#include "test_files.hpp"

namespace rapidfire::content::testing {
namespace {

std::size_t index_of(const std::vector<std::string>& lines, const std::string& line) {
    const auto it = std::find(lines.begin(), lines.end(), line);
    if (it == lines.end())
        throw std::runtime_error("the seed has no line '" + line + "'");
    return static_cast<std::size_t>(it - lines.begin());
}

}  // namespace

const std::string& seed_text() {
    static const std::string text = read_text(RAPIDFIRE_SEED_FILE);
    return text;
}

std::vector<std::string> seed_lines() {
    std::vector<std::string> lines;
    std::string_view text = seed_text();
    while (true) {
        const auto end = text.find('\n');
        lines.emplace_back(text.substr(0, end));
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::vector<SeedRow> seed_table_rows() {
    std::vector<SeedRow> rows;
    for (const auto& line : seed_lines()) {
        if (!line.starts_with("| ") || line.starts_with("| # |"))
            continue;
        const std::string_view inner = std::string_view(line).substr(2, line.size() - 4);
        const auto first = inner.find(" | ");
        const auto second = inner.find(" | ", first + 3);
        rows.push_back({std::string(inner.substr(first + 3, second - first - 3)),
                        std::string(inner.substr(second + 3))});
    }
    return rows;
}

StudyGuide seed_guide() {
    const auto lines = seed_lines();
    StudyGuide guide;
    guide.title = lines.at(0);
    guide.introduction = lines.at(1);
    guide.source = lines.back();

    auto i = index_of(lines, "Interview Communication Tips") + 1;
    guide.tips_introduction = lines.at(i++);
    while (lines.at(i) == "-") {
        guide.tips.push_back({"", lines.at(i + 1), lines.at(i + 2)});
        i += 3;
    }
    const auto faq_end = index_of(lines, "Final Checklist Before Your Interview");
    for (i = index_of(lines, "Frequently Asked Questions") + 1; i + 1 < faq_end; i += 2) {
        guide.faq.push_back({lines.at(i), lines.at(i + 1)});
    }
    guide.checklist_title = lines.at(faq_end);
    for (i = faq_end + 1; i + 1 < lines.size(); ++i) {
        const auto colon = lines[i].find(": ");
        guide.checklist.push_back({lines[i].substr(0, colon), lines[i].substr(colon + 2)});
    }
    return guide;
}

}  // namespace rapidfire::content::testing
