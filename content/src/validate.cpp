#include "validate.hpp"

#include <algorithm>
#include <unordered_map>

#include "limits.hpp"
#include "rapidfire/content/loader.hpp"
#include "text.hpp"

namespace rapidfire::content::detail {
namespace {

// Errors about one question. They name JSON fields by path ("questions[3].text") and table
// columns by their header name ("question"), matching what the author sees in the file, and
// point at the field's line and column where the importer marked it.
class QuestionChecks {
  public:
    QuestionChecks(const BankQuestion& q, const std::string& file, const Origin& origin)
        : q_(q), file_(file), origin_(origin) {}

    void run() const {
        check_required(q_.text, "question", max_question_chars);
        // Before the answer, which a question with its own choices takes from them.
        check_choices();
        check_correct_choices();
        check_required(q_.answer, "answer", max_answer_chars);
        check_list(q_.topics, max_topics, max_topic_chars, "topics");
        check_list(q_.key_terms, max_key_terms, max_key_term_chars, "key_terms");
        check_wrong_choices();
        check_seconds();
        check_accepted();
        check_string(q_.feedback, max_feedback_chars, true, file_, at("feedback"),
                     name("feedback"));
    }

    void check_id() const {
        const auto field = name("id");
        const auto where = at("id");
        if (q_.id.empty())
            throw LoadError(file_, where.line, where.column, field, "empty id");
        check_string(q_.id, max_id_chars, false, file_, where, field);
        if (q_.id.find_first_of(" \t") != std::string::npos)
            fail("id", field, "an id may not contain spaces");
    }

  private:
    // The JSON name of a field, where it differs from the table column's.
    static std::string_view json_name(std::string_view column) {
        return column == "question" ? "text" : column;
    }

    std::string name(std::string_view column) const {
        if (origin_.path.empty())
            return std::string(column);
        return origin_.path + "." + std::string(json_name(column));
    }
    // A JSON item is named by its index ("questions[2].wrong_choices[1]"), a table cell by its
    // column.
    std::string item_name(std::string_view column, std::size_t index) const {
        if (origin_.path.empty())
            return std::string(column);
        return name(column) + "[" + std::to_string(index) + "]";
    }

    Position at(std::string_view key) const { return origin_.position(key); }
    Position at_item(std::string_view key, std::size_t index) const {
        const auto item = origin_.position(std::string(key) + "[" + std::to_string(index) + "]");
        return item.column > 0 ? item : at(key);
    }

    [[noreturn]] void fail_at(Position where, const std::string& field,
                              const std::string& message) const {
        throw LoadError(file_, where.line, where.column, field, message);
    }
    [[noreturn]] void fail(std::string_view key, const std::string& field,
                           const std::string& message) const {
        fail_at(at(key), field, message);
    }

    // `column` also names what is empty: "empty question".
    void check_required(std::string_view value, std::string_view column,
                        std::size_t max_chars) const {
        const auto field = name(column);
        if (value.empty())
            fail(column, field, "empty " + std::string(column));
        check_string(value, max_chars, true, file_, at(column), field);
    }

    void check_list(const std::vector<std::string>& items, std::size_t max_items,
                    std::size_t max_chars, std::string_view column) const {
        const auto field = name(column);
        if (items.size() > max_items)
            fail(column, field, "more than " + std::to_string(max_items) + " items");
        for (const auto& item : items) {
            if (item.empty())
                fail(column, field, "empty item");
            check_string(item, max_chars, false, file_, at(column), field);
        }
    }

    void check_wrong_choices() const {
        const auto field = name("wrong_choices");
        const auto& wrong = q_.wrong_choices;
        if (wrong.empty())
            return;
        if (!q_.choices.empty()) {
            fail("wrong_choices", field,
                 "a question with its own choices has no wrong choices besides them: put them "
                 "in choices");
        }
        if (wrong.size() > max_wrong_choices) {
            fail("wrong_choices", field,
                 std::to_string(wrong.size()) + " wrong choices where at most " +
                     std::to_string(max_wrong_choices) +
                     " fit: a question shows its answer and 3 others");
        }
        const auto answer = choice_key(q_.answer);
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < wrong.size(); ++i) {
            const auto& choice = wrong[i];
            const auto item = item_name("wrong_choices", i);
            const auto where = at_item("wrong_choices", i);
            if (choice.empty())
                fail_at(where, item, "empty wrong choice");
            check_string(choice, max_choice_chars, true, file_, where, item);
            auto key = choice_key(choice);
            if (key == answer)
                fail_at(where, item, "the wrong choice '" + choice + "' is the answer");
            if (std::find(seen.begin(), seen.end(), key) != seen.end())
                fail_at(where, item, "the wrong choice '" + choice + "' is given twice");
            seen.push_back(std::move(key));
        }
    }

    void check_choices() const {
        const auto& choices = q_.choices;
        if (choices.empty())
            return;
        const auto field = name("choices");
        if (choices.size() < min_choices || choices.size() > max_choices) {
            fail("choices", field,
                 std::to_string(choices.size()) + " choice" + (choices.size() == 1 ? "" : "s") +
                     " where a question with its own choices has " + std::to_string(min_choices) +
                     " to " + std::to_string(max_choices));
        }
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < choices.size(); ++i) {
            const auto item = item_name("choices", i);
            const auto where = at_item("choices", i);
            if (choices[i].empty())
                fail_at(where, item, "empty choice");
            check_string(choices[i], max_choice_chars, true, file_, where, item);
            auto key = choice_key(choices[i]);
            if (std::find(seen.begin(), seen.end(), key) != seen.end())
                fail_at(where, item, "the choice '" + choices[i] + "' is given twice");
            seen.push_back(std::move(key));
        }
        if (!q_.accepted.empty()) {
            fail("accepted", name("accepted"),
                 "accepted answers are for free-text questions: a question with its own "
                 "choices has none");
        }
    }

    void check_correct_choices() const {
        const auto& correct = q_.correct_choices;
        const auto field = name("correct_choices");
        if (q_.choices.empty()) {
            if (!correct.empty())
                fail("correct_choices", field, "there are no choices to mark: give choices too");
            return;
        }
        if (correct.empty())
            fail("correct_choices", field, "no correct choice: mark at least one");
        const auto count = static_cast<int>(q_.choices.size());
        std::vector<int> seen;
        for (std::size_t i = 0; i < correct.size(); ++i) {
            const auto item = item_name("correct_choices", i);
            const auto where = at_item("correct_choices", i);
            const int index = correct[i];
            if (index < 0 || index >= count) {
                fail_at(where, item,
                        std::to_string(index) + " is not a choice: the " + std::to_string(count) +
                            " choices count from 0 to " + std::to_string(count - 1));
            }
            if (std::find(seen.begin(), seen.end(), index) != seen.end())
                fail_at(where, item, "choice " + std::to_string(index) + " is marked twice");
            seen.push_back(index);
        }
    }

    void check_seconds() const {
        if (q_.seconds == 0)
            return;  // the room's time limit
        if (q_.seconds < min_seconds || q_.seconds > max_seconds) {
            fail("seconds", name("seconds"),
                 "a time limit of " + std::to_string(q_.seconds) + " seconds is outside " +
                     std::to_string(min_seconds) + " to " + std::to_string(max_seconds) +
                     " seconds");
        }
    }

    void check_accepted() const {
        const auto& accepted = q_.accepted;
        const auto field = name("accepted");
        if (accepted.size() > max_accepted) {
            fail("accepted", field,
                 std::to_string(accepted.size()) + " accepted answers where at most " +
                     std::to_string(max_accepted) + " fit");
        }
        const auto answer = choice_key(q_.answer);
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < accepted.size(); ++i) {
            const auto item = item_name("accepted", i);
            const auto where = at_item("accepted", i);
            if (accepted[i].empty())
                fail_at(where, item, "empty accepted answer");
            check_string(accepted[i], max_answer_chars, true, file_, where, item);
            auto key = choice_key(accepted[i]);
            if (key == answer)
                fail_at(where, item, "the accepted answer '" + accepted[i] + "' is the answer");
            if (std::find(seen.begin(), seen.end(), key) != seen.end())
                fail_at(where, item, "the accepted answer '" + accepted[i] + "' is given twice");
            seen.push_back(std::move(key));
        }
    }

    const BankQuestion& q_;
    const std::string& file_;
    const Origin& origin_;
};

std::string where(const Origin& origin) {
    if (!origin.path.empty())
        return origin.path;
    return "line " + std::to_string(origin.line);
}

}  // namespace

Position Origin::position(std::string_view field) const {
    for (const auto& [name, at] : fields) {
        if (name == field)
            return at;
    }
    return {line, 0};
}

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

std::string correct_choices_text(const BankQuestion& question) {
    std::string text;
    for (const int index : question.correct_choices) {
        if (index < 0 || static_cast<std::size_t>(index) >= question.choices.size())
            continue;  // validate_bank says which
        if (!text.empty())
            text += " / ";
        text += question.choices[static_cast<std::size_t>(index)];
    }
    return text;
}

void check_string(std::string_view value, std::size_t max_chars, bool multiline,
                  const std::string& file, int line, const std::string& field) {
    check_string(value, max_chars, multiline, file, Position{line, 0}, field);
}

void check_string(std::string_view value, std::size_t max_chars, bool multiline,
                  const std::string& file, Position at, const std::string& field) {
    if (count_code_points(value) > max_chars) {
        throw LoadError(file, at.line, at.column, field,
                        "longer than " + std::to_string(max_chars) + " characters");
    }
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool allowed_space = multiline && (c == '\n' || c == '\t');
        if ((byte < 0x20 || byte == 0x7F) && !allowed_space) {
            throw LoadError(file, at.line, at.column, field, "contains a control character");
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
        const QuestionChecks checks(q, file, origin);
        checks.check_id();
        if (const auto [first, inserted] = seen.emplace(q.id, i); !inserted) {
            const auto at = origin.position("id");
            const auto field = origin.path.empty() ? std::string("id") : origin.path + ".id";
            throw LoadError(file, at.line, at.column, field,
                            "duplicate id '" + q.id + "' (first used at " +
                                where(origins.at(first->second)) + ")");
        }
        checks.run();
    }
}

}  // namespace rapidfire::content::detail
