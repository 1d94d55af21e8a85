// Imports Kahoot's quiz spreadsheet template saved as CSV: instructions first, then a header row
// (an optional numbering column, Question, Answer 1 to 4, Time limit, Correct answer(s)), then
// one question a row with its own 2 to 4 choices.

#include "bank_kahoot.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "csv_reader.hpp"
#include "rapidfire/content/loader.hpp"
#include "text.hpp"
#include "validate.hpp"

namespace rapidfire::content {
namespace {

using detail::CsvRecord;
using detail::Position;

constexpr std::size_t kahoot_answers = 4;
constexpr std::array<int, 8> kahoot_seconds = {5, 10, 20, 30, 60, 90, 120, 240};

// A header cell as compared: lower-case, dashes of any kind as '-', single spaces. Spreadsheet
// programs turn the template's en dash into a hyphen and back.
std::string header_key(std::string_view cell) {
    std::string key;
    cell = detail::trim(cell);
    for (std::size_t i = 0; i < cell.size(); ++i) {
        char c = cell[i];
        // U+2013 EN DASH and U+2014 EM DASH are E2 80 93 and E2 80 94 in UTF-8.
        if (cell.substr(i).starts_with("\xE2\x80\x93") ||
            cell.substr(i).starts_with("\xE2\x80\x94")) {
            c = '-';
            i += 2;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!key.empty() && key.back() != ' ')
                key += ' ';
            continue;
        }
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

// "answer 1 - max 75 characters" is named "answer 1"; "answer 10" and "answers" are not.
bool named(std::string_view key, std::string_view name) {
    if (!key.starts_with(name))
        return false;
    const auto rest = key.substr(name.size());
    const auto c = rest.empty() ? ' ' : rest.front();
    return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
}

struct KahootColumns {
    std::optional<std::size_t> question;
    std::array<std::optional<std::size_t>, kahoot_answers> answers;
    std::optional<std::size_t> seconds;
    std::optional<std::size_t> correct;
    std::optional<std::size_t> topics;
    std::optional<std::size_t> repeated;  // the first cell that names a column again

    bool complete() const { return question && answers[0] && answers[1] && correct; }
};

// The columns a row's cells name, matched by their leading words.
KahootColumns columns_of(const std::vector<std::string>& cells) {
    KahootColumns columns;
    const auto set = [&](std::optional<std::size_t>& column, std::size_t i) {
        if (column && !columns.repeated)
            columns.repeated = i;
        if (!column)
            column = i;
    };
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto key = header_key(cells[i]);
        if (named(key, "question")) {
            set(columns.question, i);
        } else if (named(key, "time limit")) {
            set(columns.seconds, i);
        } else if (named(key, "correct answer") || named(key, "correct answers")) {
            set(columns.correct, i);
        } else if (key == "topics" || key == "topic" || key == "tags") {
            set(columns.topics, i);
        } else {
            for (std::size_t k = 0; k < kahoot_answers; ++k) {
                if (named(key, "answer " + std::to_string(k + 1)))
                    set(columns.answers[k], i);
            }
        }
    }
    return columns;
}

// Excel saves CSV with ';' where the decimal separator is a comma. The template's header row
// has seven separators, and its time limit cell holds commas of its own.
char separator_of(std::string_view header_line) {
    return std::count(header_line.begin(), header_line.end(), ';') >= 3 ? ';' : ',';
}

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

class KahootRows {
  public:
    KahootRows(const KahootColumns& columns, const std::string& file)
        : columns_(columns), file_(file) {}

    bool is_blank(const CsvRecord& row) const {
        if (!cell(row, columns_.question).empty())
            return false;
        return std::all_of(columns_.answers.begin(), columns_.answers.end(),
                           [&](auto column) { return cell(row, column).empty(); });
    }

    // The question in `row`, and where its fields are.
    std::pair<BankQuestion, detail::Origin> read(const CsvRecord& row, std::size_t ordinal) const {
        BankQuestion question;
        detail::Origin origin{row.line, ""};
        question.id = "kahoot-" + std::to_string(ordinal);
        question.text = cell(row, columns_.question);
        origin.mark("question", at(row, columns_.question));

        // Answers left empty (3 and 4 of a true/false question) are not choices.
        std::array<int, kahoot_answers> choice_of{-1, -1, -1, -1};
        for (std::size_t k = 0; k < kahoot_answers; ++k) {
            auto text = cell(row, columns_.answers[k]);
            if (text.empty())
                continue;
            choice_of[k] = static_cast<int>(question.choices.size());
            origin.mark("choices[" + std::to_string(question.choices.size()) + "]",
                        at(row, columns_.answers[k]));
            question.choices.push_back(std::move(text));
        }
        if (question.choices.size() < 2) {
            const auto first_empty = columns_.answers[choice_of[0] < 0 ? 0 : 1];
            fail(at(row, first_empty), "answer",
                 "a Kahoot question needs at least 2 answers (Answer 1 and Answer 2)");
        }
        question.correct_choices = correct_choices(row, choice_of);
        question.answer = detail::correct_choices_text(question);
        origin.mark("correct_choices", at(row, columns_.correct));
        origin.mark("answer", at(row, columns_.correct));
        question.seconds = seconds(row);
        origin.mark("seconds", at(row, columns_.seconds));
        question.topics = detail::split_list(cell(row, columns_.topics), ";,");
        detail::normalize_list(question.topics, detail::normalize_topic);
        origin.mark("topics", at(row, columns_.topics));
        return {std::move(question), std::move(origin)};
    }

  private:
    static std::string cell(const CsvRecord& row, std::optional<std::size_t> column) {
        if (!column || *column >= row.fields.size())
            return {};
        return std::string(detail::trim(row.fields[*column]));
    }
    // A cell past the row's end is where the row ends: the line's last field is near.
    static Position at(const CsvRecord& row, std::optional<std::size_t> column) {
        if (!column)
            return {row.line, 0};
        return row.position(std::min(*column, row.fields.size() - 1));
    }
    [[noreturn]] void fail(Position where, const std::string& field,
                           const std::string& message) const {
        throw LoadError(file_, where.line, where.column, field, message);
    }

    // "2", "1,3" or "1, 3": answer numbers, 1 to 4, of answers that are not empty.
    std::vector<int> correct_choices(const CsvRecord& row,
                                     const std::array<int, kahoot_answers>& choice_of) const {
        const auto where = at(row, columns_.correct);
        const auto text = cell(row, columns_.correct);
        if (text.empty()) {
            fail(where, "correct answer",
                 "no correct answer: write its number (1 to 4), several separated by commas");
        }
        std::vector<int> correct;
        std::vector<int> seen;
        for (const auto& item : detail::split_list(text, ",; ")) {
            const auto number = whole_number(item);
            if (!number || *number < 1 || *number > static_cast<int>(kahoot_answers)) {
                fail(where, "correct answer",
                     "'" + item +
                         "' is not an answer number: write 1 to 4, several separated "
                         "by commas");
            }
            if (std::find(seen.begin(), seen.end(), *number) != seen.end())
                fail(where, "correct answer", "answer " + item + " is given twice");
            seen.push_back(*number);
            const int choice = choice_of[static_cast<std::size_t>(*number - 1)];
            if (choice < 0)
                fail(where, "correct answer", "answer " + item + " is empty: it cannot be correct");
            correct.push_back(choice);
        }
        return correct;
    }

    // Kahoot offers a few time limits only; an empty cell leaves the room's.
    int seconds(const CsvRecord& row) const {
        const auto text = cell(row, columns_.seconds);
        if (text.empty())
            return 0;
        const auto number = whole_number(text);
        if (!number || std::find(kahoot_seconds.begin(), kahoot_seconds.end(), *number) ==
                           kahoot_seconds.end()) {
            fail(at(row, columns_.seconds), "time limit",
                 "'" + text +
                     "' is not one of Kahoot's time limits: 5, 10, 20, 30, 60, 90, 120 "
                     "or 240 seconds");
        }
        return *number;
    }

    const KahootColumns& columns_;
    const std::string& file_;
};

// The first line that is the header row, found before any CSV is read: cells are split
// without regard to quotes, which only cuts the time limit cell after its leading words.
std::optional<std::string_view> header_line(std::string_view text) {
    for (const auto& line : detail::split_lines(text)) {
        const char separator = separator_of(line.text);
        std::vector<std::string> cells;
        for (auto rest = line.text;;) {
            const auto end = rest.find(separator);
            auto cell = detail::trim(rest.substr(0, end));
            if (cell.starts_with('"'))
                cell.remove_prefix(1);
            cells.emplace_back(cell);
            if (end == std::string_view::npos)
                break;
            rest.remove_prefix(end + 1);
        }
        if (columns_of(cells).complete())
            return line.text;
    }
    return std::nullopt;
}

}  // namespace

bool detail::has_kahoot_header(std::string_view text) {
    return header_line(text).has_value();
}

Bank parse_bank_kahoot(std::string_view text, const std::string& file) {
    text = detail::checked_utf8(text, file);
    const auto line = header_line(text);
    const char separator = line ? separator_of(*line) : ',';
    const auto records = detail::read_csv(text, file, {.separator = separator});

    // The rows above the header are the template's instructions.
    auto row = records.begin();
    KahootColumns columns;
    for (; row != records.end(); ++row) {
        columns = columns_of(row->fields);
        if (columns.complete())
            break;
    }
    if (row != records.end() && columns.repeated) {
        const auto at = row->position(*columns.repeated);
        throw LoadError(file, at.line, at.column, "",
                        "the column '" + std::string(detail::trim(row->fields[*columns.repeated])) +
                            "' is named twice");
    }
    if (row == records.end()) {
        throw LoadError(file, 0, "",
                        "no Kahoot header row: the template's columns are Question, Answer 1 to "
                        "Answer 4, Time limit and Correct answer(s)");
    }
    const int header = row->line;

    Bank bank;
    std::vector<detail::Origin> origins;
    const KahootRows rows(columns, file);
    for (++row; row != records.end(); ++row) {
        if (rows.is_blank(*row))
            continue;  // the template's unused numbered rows
        auto [question, origin] = rows.read(*row, bank.questions.size() + 1);
        bank.questions.push_back(std::move(question));
        origins.push_back(std::move(origin));
    }
    if (bank.questions.empty())
        throw LoadError(file, header, "", "no questions below the Kahoot header row");
    detail::validate_bank(bank, file, origins);
    return bank;
}

}  // namespace rapidfire::content
