#include "validate.hpp"

#include <algorithm>
#include <unordered_map>

#include "limits.hpp"
#include "rapidfire/content/loader.hpp"
#include "text.hpp"

namespace rapidfire::content::detail {
namespace {

// Errors name JSON fields by path ("questions[3].text") and table columns by their header
// name ("question"), matching what the author sees in the file.
std::string field_name(const Origin& origin, std::string_view json_name,
                       std::string_view column_name) {
    if (origin.path.empty())
        return std::string(column_name);
    return origin.path + "." + std::string(json_name);
}

void check_required(std::string_view value, std::string_view what, std::size_t max_chars,
                    const std::string& file, int line, const std::string& field) {
    if (value.empty())
        throw LoadError(file, line, field, "empty " + std::string(what));
    check_string(value, max_chars, true, file, line, field);
}

void check_list(const std::vector<std::string>& items, std::size_t max_items, std::size_t max_chars,
                const std::string& file, int line, const std::string& field) {
    if (items.size() > max_items) {
        throw LoadError(file, line, field, "more than " + std::to_string(max_items) + " items");
    }
    for (const auto& item : items) {
        if (item.empty())
            throw LoadError(file, line, field, "empty item");
        check_string(item, max_chars, false, file, line, field);
    }
}

void check_id(std::string_view id, const std::string& file, int line, const std::string& field) {
    if (id.empty())
        throw LoadError(file, line, field, "empty id");
    check_string(id, max_id_chars, false, file, line, field);
    if (id.find_first_of(" \t") != std::string_view::npos) {
        throw LoadError(file, line, field, "an id may not contain spaces");
    }
}

// Two choices read the same when they differ only in ASCII case or spacing: players could not
// tell them apart.
std::string choice_key(std::string_view text) {
    std::string key;
    for (const char c : to_lower_ascii(trim(text))) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (!space)
            key += c;
        else if (!key.empty() && key.back() != ' ')
            key += ' ';
    }
    return key;
}

// A JSON item is named by its index ("questions[2].wrong_choices[1]"), a table cell by its
// column.
std::string item_field(const std::string& field, const Origin& origin, std::size_t index) {
    if (origin.path.empty())
        return field;
    return field + "[" + std::to_string(index) + "]";
}

void check_wrong_choices(const BankQuestion& q, const std::string& file, const Origin& origin,
                         const std::string& field) {
    const int line = origin.line;
    if (q.wrong_choices.size() > max_wrong_choices) {
        throw LoadError(file, line, field,
                        std::to_string(q.wrong_choices.size()) + " wrong choices where at most " +
                            std::to_string(max_wrong_choices) +
                            " fit: a question shows its answer and 3 others");
    }
    const auto answer = choice_key(q.answer);
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < q.wrong_choices.size(); ++i) {
        const auto& choice = q.wrong_choices[i];
        const auto item = item_field(field, origin, i);
        if (choice.empty())
            throw LoadError(file, line, item, "empty wrong choice");
        check_string(choice, max_choice_chars, true, file, line, item);
        auto key = choice_key(choice);
        if (key == answer)
            throw LoadError(file, line, item, "the wrong choice '" + choice + "' is the answer");
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            throw LoadError(file, line, item, "the wrong choice '" + choice + "' is given twice");
        seen.push_back(std::move(key));
    }
}

std::string where(const Origin& origin) {
    if (!origin.path.empty())
        return origin.path;
    return "line " + std::to_string(origin.line);
}

}  // namespace

std::string normalize_topic(std::string_view topic) {
    std::string tag;
    for (const char c : to_lower_ascii(trim(topic))) {
        const bool space = c == ' ' || c == '\t';
        if (!space) {
            tag += c;
        } else if (!tag.empty() && tag.back() != '-') {
            tag += '-';
        }
    }
    return tag;
}

std::string normalize_key_term(std::string_view term) {
    return to_lower_ascii(trim(term));
}

void normalize_list(std::vector<std::string>& items, std::string (*normalize)(std::string_view)) {
    std::vector<std::string> unique;
    for (const auto& item : items) {
        auto normal = normalize(item);
        if (std::find(unique.begin(), unique.end(), normal) == unique.end()) {
            unique.push_back(std::move(normal));
        }
    }
    items = std::move(unique);
}

void check_string(std::string_view value, std::size_t max_chars, bool multiline,
                  const std::string& file, int line, const std::string& field) {
    if (count_code_points(value) > max_chars) {
        throw LoadError(file, line, field,
                        "longer than " + std::to_string(max_chars) + " characters");
    }
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool allowed_space = multiline && (c == '\n' || c == '\t');
        if ((byte < 0x20 || byte == 0x7F) && !allowed_space) {
            throw LoadError(file, line, field, "contains a control character");
        }
    }
}

void validate_bank(const Bank& bank, const std::string& file, const std::vector<Origin>& origins) {
    if (bank.questions.empty())
        throw LoadError(file, 0, "", "the bank has no questions");
    if (bank.questions.size() > max_questions) {
        throw LoadError(file, 0, "",
                        "the bank has more than " + std::to_string(max_questions) + " questions");
    }
    check_string(bank.title, max_title_chars, false, file, 0, "title");
    check_string(bank.source, max_title_chars, false, file, 0, "source");
    check_string(bank.description, max_description_chars, true, file, 0, "description");

    std::unordered_map<std::string_view, std::size_t> seen;  // id -> index of first use
    for (std::size_t i = 0; i < bank.questions.size(); ++i) {
        const auto& q = bank.questions[i];
        const Origin& origin = origins.at(i);
        const int line = origin.line;
        const auto id_field = field_name(origin, "id", "id");
        check_id(q.id, file, line, id_field);
        if (const auto [first, inserted] = seen.emplace(q.id, i); !inserted) {
            throw LoadError(file, line, id_field,
                            "duplicate id '" + q.id + "' (first used at " +
                                where(origins.at(first->second)) + ")");
        }
        check_required(q.text, "question", max_question_chars, file, line,
                       field_name(origin, "text", "question"));
        check_required(q.answer, "answer", max_answer_chars, file, line,
                       field_name(origin, "answer", "answer"));
        check_list(q.topics, max_topics, max_topic_chars, file, line,
                   field_name(origin, "topics", "topics"));
        check_list(q.key_terms, max_key_terms, max_key_term_chars, file, line,
                   field_name(origin, "key_terms", "key_terms"));
        check_wrong_choices(q, file, origin, field_name(origin, "wrong_choices", "wrong_choices"));
    }
}

}  // namespace rapidfire::content::detail
