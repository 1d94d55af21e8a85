// Imports a spreadsheet export: question,answer[,topics], with or without a header row.

#include "csv_reader.hpp"
#include "rapidfire/content/loader.hpp"
#include "table.hpp"
#include "text.hpp"
#include "validate.hpp"

namespace rapidfire::content {
namespace {

// Without a header the columns are fixed: question, answer and optionally topics.
constexpr std::size_t positional_columns = 3;

// The first record is a header when it names both a question and an answer column.
std::optional<detail::Columns> header_of(const detail::CsvRecord& record, const std::string& file) {
    auto columns = detail::columns_from_header(record.fields, file, record.line);
    if (columns.question && columns.answer)
        return columns;
    return std::nullopt;
}

}  // namespace

Bank parse_bank_csv(std::string_view text, const std::string& file) {
    const auto records = detail::read_csv(detail::checked_utf8(text, file), file);

    auto first = records.begin();
    detail::Columns columns{std::nullopt, 0, 1, 2, std::nullopt, std::nullopt};
    std::size_t width = positional_columns;
    if (!records.empty()) {
        if (auto header = header_of(records.front(), file)) {
            columns = *header;
            width = records.front().fields.size();
            ++first;
        }
    }

    Bank bank;
    std::vector<detail::Origin> origins;
    for (auto record = first; record != records.end(); ++record) {
        if (record->fields.size() > width) {
            const auto extra = record->position(width);
            throw LoadError(file, extra.line, extra.column, "",
                            std::to_string(record->fields.size()) + " fields where " +
                                std::to_string(width) +
                                " are expected: put fields that contain commas in quotes");
        }
        bank.questions.push_back(detail::question_from_row(
            record->fields, columns, bank.questions.size() + 1, file, record->line));
        origins.push_back(detail::row_origin(columns, record->line, record->positions));
    }
    detail::validate_bank(bank, file, origins);
    return bank;
}

}  // namespace rapidfire::content
