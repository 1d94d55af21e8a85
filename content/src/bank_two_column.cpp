// Imports flash cards exported as text, a question and its answer a line: Anki's "Notes in
// Plain Text" (with its #separator:, #html:, #columns:, #tags column: and #deck: headers) and
// Quizlet's export (term<TAB>definition). README.md describes how the separator is chosen.

#include <algorithm>

#include "csv_reader.hpp"
#include "rapidfire/content/loader.hpp"
#include "text.hpp"
#include "validate.hpp"

namespace rapidfire::content {
namespace {

using detail::Position;
using detail::trim;

// One "#name:value" line from the top of the file.
struct Header {
    std::string name;  // lower-case: "separator", "tags column"
    std::string_view value;
    Position value_at;
};

// What Anki's headers say; all optional.
struct Headers {
    std::optional<char> separator;
    bool html = false;
    std::optional<Header> columns;
    std::optional<std::size_t> tags_column;  // 0-based
    std::vector<std::size_t> other_columns;  // guid, notetype and deck columns: not card text
    std::string deck;
    std::vector<std::string> tags;  // #tags: for every card
};

[[noreturn]] void fail(const std::string& file, Position at, const std::string& message) {
    throw LoadError(file, at.line, at.column, "", message);
}

// The header lines: the file's first lines that start with '#' and hold a ':'.
std::vector<Header> header_lines(std::string_view text, const detail::Locator& locator) {
    std::vector<Header> headers;
    for (const auto& line : detail::split_lines(text)) {
        const auto colon = line.text.find(':');
        if (!line.text.starts_with('#') || colon == std::string_view::npos)
            break;
        const auto offset = static_cast<std::size_t>(line.text.data() - text.data());
        auto name = detail::to_lower_ascii(trim(line.text.substr(1, colon - 1)));
        headers.push_back(
            {std::move(name), line.text.substr(colon + 1), locator.at(offset + colon + 1)});
    }
    return headers;
}

char separator_named(const Header& header, const std::string& file) {
    const auto value = detail::to_lower_ascii(trim(header.value));
    if (value == "tab" || header.value == "\t")
        return '\t';
    if (value == "comma")
        return ',';
    if (value == "semicolon")
        return ';';
    if (value == "pipe")
        return '|';
    if (value == "space" || header.value == " ")
        return ' ';
    if (value == "colon")
        return ':';
    if (value.size() == 1 && value != "\"" && value != "#")
        return value.front();
    fail(file, header.value_at,
         "unknown separator '" + std::string(header.value) +
             "': write tab, comma, semicolon, pipe, space, colon or a single character");
}

std::size_t column_number(const Header& header, const std::string& file) {
    const auto value = trim(header.value);
    std::size_t number = 0;
    for (const char c : value) {
        if (c < '0' || c > '9' || number > 1000)
            fail(file, header.value_at, "'" + std::string(value) + "' is not a column number");
        number = number * 10 + static_cast<std::size_t>(c - '0');
    }
    if (number == 0)
        fail(file, header.value_at,
             "'" + std::string(value) + "' is not a column number (1, 2, ...)");
    return number - 1;
}

Headers read_headers(const std::vector<Header>& lines, const std::string& file) {
    Headers headers;
    for (const auto& header : lines) {
        const auto value = trim(header.value);
        if (header.name == "separator") {
            headers.separator = separator_named(header, file);
        } else if (header.name == "html") {
            headers.html = detail::to_lower_ascii(value) == "true";
        } else if (header.name == "columns") {
            headers.columns = header;
        } else if (header.name == "tags column") {
            headers.tags_column = column_number(header, file);
        } else if (header.name == "guid column" || header.name == "notetype column" ||
                   header.name == "deck column") {
            headers.other_columns.push_back(column_number(header, file));
        } else if (header.name == "deck") {
            headers.deck = std::string(value);
        } else if (header.name == "tags") {
            headers.tags = detail::split_list(value, " ");
        }
        // Other headers (#notetype:, #if matches:, ...) say nothing the game uses.
    }
    return headers;
}

// Without a #separator: header: a tab if any line has one, else ';' or ',' if every card line
// has it (';' first: answers hold commas more often than semicolons).
char guess_separator(std::string_view text, const std::string& file,
                     const detail::Locator& locator) {
    const auto lines = detail::split_lines(text);
    std::vector<detail::Line> cards;
    for (const auto& line : lines) {
        if (line.text.find('\t') != std::string_view::npos)
            return '\t';
        if (!trim(line.text).empty() && !line.text.starts_with('#'))
            cards.push_back(line);
    }
    for (const char separator : {';', ','}) {
        if (std::all_of(cards.begin(), cards.end(), [&](const detail::Line& line) {
                return line.text.find(separator) != std::string_view::npos;
            })) {
            return separator;
        }
    }
    for (const auto& line : cards) {
        if (line.text.find_first_of(";,") == std::string_view::npos) {
            const auto offset = static_cast<std::size_t>(line.text.data() - text.data());
            fail(file, locator.at(offset + line.text.size()),
                 "one column: a question and its answer are separated by a tab, ';' or ','");
        }
    }
    fail(file, {},
         "cannot tell the separator: no line has a tab, and neither ';' nor ',' is on every line; "
         "start the file with #separator:tab (or comma, semicolon, pipe, space)");
}

// Which cells hold what.
struct Layout {
    std::size_t question = 0;
    std::size_t answer = 1;
    std::optional<std::size_t> tags;
    // A guessed ',' or ';' also splits answers that hold one: the cells past the answer are
    // joined back into it.
    bool rejoin = false;
};

bool is_one_of(const std::string& name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

Layout layout_of(const Headers& headers, char separator, const std::string& file) {
    Layout layout;
    layout.tags = headers.tags_column;
    if (headers.columns) {
        // #columns:Front<TAB>Back<TAB>Tags names them; pick by name.
        std::optional<std::size_t> question;
        std::optional<std::size_t> answer;
        const auto names = detail::split_list(headers.columns->value, std::string(1, separator));
        for (std::size_t i = 0; i < names.size(); ++i) {
            const auto name = detail::to_lower_ascii(names[i]);
            if (!question && is_one_of(name, {"front", "question", "term"}))
                question = i;
            else if (!answer && is_one_of(name, {"back", "answer", "definition"}))
                answer = i;
            else if (!layout.tags && is_one_of(name, {"tags", "tag"}))
                layout.tags = i;
        }
        if (!question || !answer) {
            fail(file, headers.columns->value_at,
                 "#columns: names no " +
                     std::string(question ? "Back (or Answer)" : "Front (or Question)") +
                     " column");
        }
        layout.question = *question;
        layout.answer = *answer;
        return layout;
    }
    // Otherwise the card's text is in the first two columns that are not Anki's own.
    std::vector<std::size_t> taken = headers.other_columns;
    if (layout.tags)
        taken.push_back(*layout.tags);
    std::vector<std::size_t> text_columns;
    for (std::size_t i = 0; text_columns.size() < 2; ++i) {
        if (std::find(taken.begin(), taken.end(), i) == taken.end())
            text_columns.push_back(i);
    }
    layout.question = text_columns[0];
    layout.answer = text_columns[1];
    layout.rejoin = !headers.separator && separator != '\t' && taken.empty();
    return layout;
}

// Anki's HTML fields: line breaks and the common entities become text; other markup stays as
// written (the game shows text, it never interprets HTML).
std::string from_html(std::string_view html) {
    static constexpr std::pair<std::string_view, std::string_view> replacements[] = {
        {"<br>", "\n"}, {"<br/>", "\n"},  {"<br />", "\n"}, {"&nbsp;", " "}, {"&lt;", "<"},
        {"&gt;", ">"},  {"&quot;", "\""}, {"&#39;", "'"},   {"&amp;", "&"},
    };
    std::string text;
    for (std::size_t i = 0; i < html.size();) {
        bool replaced = false;
        for (const auto& [from, to] : replacements) {
            if (detail::to_lower_ascii(html.substr(i, from.size())) == from) {
                text += to;
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            text += html[i++];
    }
    return text;
}

}  // namespace

Bank parse_bank_two_column(std::string_view text, const std::string& file) {
    text = detail::checked_utf8(text, file);
    const detail::Locator locator(text);
    const auto headers = read_headers(header_lines(text, locator), file);
    const char separator =
        headers.separator ? *headers.separator : guess_separator(text, file, locator);
    const auto layout = layout_of(headers, separator, file);
    const auto records = detail::read_csv(
        text, file, {.separator = separator, .lenient_quotes = true, .hash_comments = true});

    Bank bank;
    bank.title = headers.deck;
    std::vector<detail::Origin> origins;
    const auto cell = [&](const detail::CsvRecord& record, std::size_t column) {
        auto value = std::string(trim(record.fields[column]));
        return headers.html ? std::string(trim(from_html(value))) : value;
    };
    for (const auto& record : records) {
        const auto needed = std::max(layout.question, layout.answer) + 1;
        if (record.fields.size() < needed) {
            // Point at where the missing separator would be: the end of the last cell.
            const auto& last = record.fields.back();
            auto at = record.position(record.fields.size() - 1);
            if (last.find('\n') == std::string::npos)
                at.column += static_cast<int>(detail::count_code_points(last));
            fail(file, at,
                 std::to_string(record.fields.size()) + " column" +
                     (record.fields.size() == 1 ? "" : "s") +
                     " where a question and its answer need " + std::to_string(needed) +
                     ": separate them with " +
                     (separator == '\t' ? std::string("a tab")
                                        : "'" + std::string(1, separator) + "'"));
        }
        BankQuestion question;
        question.id = std::to_string(bank.questions.size() + 1);
        question.text = cell(record, layout.question);
        question.answer = cell(record, layout.answer);
        if (layout.rejoin) {
            for (std::size_t i = layout.answer + 1; i < record.fields.size(); ++i)
                question.answer += std::string(1, separator) + record.fields[i];
            question.answer = std::string(trim(question.answer));
        }
        question.topics = headers.tags;
        if (layout.tags && *layout.tags < record.fields.size()) {
            for (auto& tag : detail::split_list(record.fields[*layout.tags], " "))
                question.topics.push_back(std::move(tag));
        }
        detail::normalize_list(question.topics, detail::normalize_topic);

        detail::Origin origin{record.line, ""};
        origin.mark("question", record.position(layout.question));
        origin.mark("answer", record.position(layout.answer));
        if (layout.tags)
            origin.mark("topics", record.position(*layout.tags));
        bank.questions.push_back(std::move(question));
        origins.push_back(std::move(origin));
    }
    detail::validate_bank(bank, file, origins);
    return bank;
}

}  // namespace rapidfire::content
