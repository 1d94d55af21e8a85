#pragma once
// Questions laid out as a table, one row each: what the Markdown and CSV importers share.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rapidfire/content/bank.hpp"
#include "text.hpp"
#include "validate.hpp"

namespace rapidfire::content::detail {

// Which cell of a row holds what. Only question and answer are required.
struct Columns {
    std::optional<std::size_t> id;
    std::optional<std::size_t> question;
    std::optional<std::size_t> answer;
    std::optional<std::size_t> topics;
    std::optional<std::size_t> key_terms;
    std::optional<std::size_t> wrong_choices;
};

// Maps header names, case-insensitively: "#" or "id", "question", "answer", "topics",
// "key terms" (or "key_terms"), "wrong choices" (or "wrong_choices"). Other columns are
// ignored; a name given twice throws.
Columns columns_from_header(const std::vector<std::string>& cells, const std::string& file,
                            int line);

// Builds the question in one row. An empty or missing id cell becomes the row's ordinal
// ("1", "2", ...). Topics are separated by ';' or ',', key terms and wrong choices by ';'
// (choices are sentences, which often hold commas). Throws LoadError
// when the row stops before the question or answer column.
BankQuestion question_from_row(const std::vector<std::string>& cells, const Columns& columns,
                               std::size_t ordinal, const std::string& file, int line);

// Where a row's question came from: its line and, where `positions` gives where each cell
// starts (CSV does, Markdown does not), the cells of its fields, for errors with a column.
Origin row_origin(const Columns& columns, int line, const std::vector<Position>& positions = {});

}  // namespace rapidfire::content::detail
