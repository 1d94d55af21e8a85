// Loading from files: reading, choosing the parser by extension, and merging several banks.

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include "bank_kahoot.hpp"
#include "limits.hpp"
#include "rapidfire/content/loader.hpp"
#include "text.hpp"

namespace rapidfire::content {
namespace {

std::string read_file(const std::filesystem::path& path) {
    const auto name = path.string();
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        throw LoadError(name, 0, "", "cannot read the file: it does not exist");
    }
    if (!std::filesystem::is_regular_file(status)) {
        throw LoadError(name, 0, "", "cannot read the file: it is not a regular file");
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > detail::max_file_bytes) {
        throw LoadError(name, 0, "",
                        "the file is larger than " +
                            std::to_string(detail::max_file_bytes / (1024 * 1024)) + " MiB");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) {
        throw LoadError(name, 0, "", "cannot read the file");
    }
    return std::move(text).str();
}

// Joins the distinct non-empty values, in order.
std::string join_distinct(const std::vector<std::string>& values, std::string_view separator) {
    std::vector<std::string_view> seen;
    std::string joined;
    for (const auto& value : values) {
        if (value.empty() || std::find(seen.begin(), seen.end(), value) != seen.end())
            continue;
        if (!joined.empty())
            joined += separator;
        joined += value;
        seen.push_back(value);
    }
    return joined;
}

// A .csv is Kahoot's template when its header row is there, else a plain CSV bank.
Bank parse_any_csv(std::string_view text, const std::string& file) {
    if (detail::has_kahoot_header(text))
        return parse_bank_kahoot(text, file);
    return parse_bank_csv(text, file);
}

}  // namespace

Bank load_bank(const std::filesystem::path& path) {
    const auto name = path.string();
    const auto extension = detail::to_lower_ascii(path.extension().string());
    Bank (*parse)(std::string_view, const std::string&) = nullptr;
    if (extension == ".json") {
        parse = parse_bank_json;
    } else if (extension == ".md") {
        parse = parse_bank_markdown;
    } else if (extension == ".csv") {
        parse = parse_any_csv;
    } else if (extension == ".gift") {
        parse = parse_bank_gift;
    } else if (extension == ".txt" || extension == ".tsv") {
        parse = parse_bank_two_column;
    } else if (extension == ".xlsx" || extension == ".xls" || extension == ".ods") {
        // No spreadsheet reader is built in (see content/README.md); CSV says the same.
        throw LoadError(name, 0, "",
                        "spreadsheets are not read directly: save the sheet as CSV (Google "
                        "Sheets: File > Download > Comma-separated values; Excel: File > Save "
                        "As > CSV UTF-8) and load the .csv");
    } else {
        const auto shown = extension.empty() ? std::string("no extension") : "'" + extension + "'";
        throw LoadError(
            name, 0, "",
            "unknown bank format (" + shown + "): use .json, .md, .csv, .gift, .txt or .tsv");
    }
    auto bank = parse(read_file(path), name);
    // Markdown without a heading, CSV, GIFT and cards without #deck: have no title of their own.
    if (bank.title.empty())
        bank.title = path.stem().string();
    return bank;
}

Bank load_banks(const std::vector<std::filesystem::path>& paths) {
    if (paths.empty())
        throw LoadError("", 0, "", "no bank files given");
    if (paths.size() == 1)
        return load_bank(paths.front());

    Bank merged;
    std::vector<std::string> titles;
    std::vector<std::string> sources;
    std::vector<std::string> descriptions;
    std::unordered_set<std::string> ids;
    for (const auto& path : paths) {
        auto bank = load_bank(path);
        titles.push_back(bank.title);
        sources.push_back(bank.source);
        descriptions.push_back(bank.description);
        // The first bank keeps its ids; a later clash is renamed after its file.
        const auto prefix = path.stem().string() + "-";
        for (auto& question : bank.questions) {
            if (!ids.insert(question.id).second) {
                auto renamed = prefix + question.id;
                if (!ids.insert(renamed).second) {
                    throw LoadError(path.string(), 0, "id",
                                    "id '" + question.id +
                                        "' is used by another bank, and so is '" + renamed + "'");
                }
                question.id = std::move(renamed);
            }
            merged.questions.push_back(std::move(question));
        }
    }
    merged.title = join_distinct(titles, " + ");
    merged.source = join_distinct(sources, "; ");
    merged.description = join_distinct(descriptions, "\n");
    return merged;
}

StudyGuide load_study_guide(const std::filesystem::path& path) {
    const auto name = path.string();
    return parse_study_guide_json(read_file(path), name);
}

}  // namespace rapidfire::content
