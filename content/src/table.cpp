#include "table.hpp"

#include "rapidfire/content/loader.hpp"
#include "text.hpp"
#include "validate.hpp"

namespace rapidfire::content::detail {
namespace {

using ColumnMember = std::optional<std::size_t> Columns::*;

ColumnMember column_named(const std::string& name) {
    if (name == "#" || name == "id")
        return &Columns::id;
    if (name == "question")
        return &Columns::question;
    if (name == "answer")
        return &Columns::answer;
    if (name == "topics" || name == "topic")
        return &Columns::topics;
    if (name == "key terms" || name == "key_terms" || name == "key-terms") {
        return &Columns::key_terms;
    }
    if (name == "wrong choices" || name == "wrong_choices" || name == "wrong-choices") {
        return &Columns::wrong_choices;
    }
    return nullptr;
}

std::string cell(const std::vector<std::string>& cells, std::optional<std::size_t> column) {
    if (!column || *column >= cells.size())
        return {};
    return std::string(trim(cells[*column]));
}

}  // namespace

Columns columns_from_header(const std::vector<std::string>& cells, const std::string& file,
                            int line) {
    Columns columns;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto name = to_lower_ascii(trim(cells[i]));
        const auto member = column_named(name);
        if (member == nullptr)
            continue;
        if (columns.*member)
            throw LoadError(file, line, name, "column named twice");
        columns.*member = i;
    }
    return columns;
}

BankQuestion question_from_row(const std::vector<std::string>& cells, const Columns& columns,
                               std::size_t ordinal, const std::string& file, int line) {
    if (!columns.question || *columns.question >= cells.size()) {
        throw LoadError(file, line, "question", "missing question column");
    }
    if (!columns.answer || *columns.answer >= cells.size()) {
        throw LoadError(file, line, "answer", "missing answer column");
    }
    BankQuestion question;
    question.id = cell(cells, columns.id);
    if (question.id.empty())
        question.id = std::to_string(ordinal);
    question.text = cell(cells, columns.question);
    question.answer = cell(cells, columns.answer);
    question.topics = split_list(cell(cells, columns.topics), ";,");
    question.key_terms = split_list(cell(cells, columns.key_terms), ";");
    question.wrong_choices = split_list(cell(cells, columns.wrong_choices), ";");
    normalize_list(question.topics, normalize_topic);
    normalize_list(question.key_terms, normalize_key_term);
    return question;
}

Origin row_origin(const Columns& columns, int line, const std::vector<Position>& positions) {
    Origin origin{line, ""};
    const auto mark = [&](const char* field, std::optional<std::size_t> column) {
        if (column && *column < positions.size())
            origin.mark(field, positions[*column]);
    };
    mark("id", columns.id);
    mark("question", columns.question);
    mark("answer", columns.answer);
    mark("topics", columns.topics);
    mark("key_terms", columns.key_terms);
    mark("wrong_choices", columns.wrong_choices);
    return origin;
}

}  // namespace rapidfire::content::detail
