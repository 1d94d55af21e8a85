// The native bank format; README.md describes its fields.

#include "json_fields.hpp"
#include "rapidfire/content/loader.hpp"
#include "validate.hpp"

namespace rapidfire::content {
namespace {

// A question with its own choices names its correct ones in `answer`, so that everything that
// shows a reference answer shows them. The author may leave it out, or repeat it.
void set_choice_answer(BankQuestion& question, const detail::JsonObject& fields,
                       const std::string& file) {
    const auto derived = detail::correct_choices_text(question);
    if (question.answer.empty()) {
        question.answer = derived;
        return;
    }
    if (!derived.empty() && detail::choice_key(question.answer) != detail::choice_key(derived)) {
        throw LoadError(file, 0, fields.path("answer"),
                        "'" + question.answer + "' is not the correct choice ('" + derived +
                            "'): with choices, leave the answer out");
    }
}

}  // namespace

Bank parse_bank_json(std::string_view text, const std::string& file) {
    const auto json = detail::parse_json(text, file);
    const detail::JsonObject document(json, "", file);
    document.reject_unknown({"title", "source", "description", "questions"});

    Bank bank;
    bank.title = document.required_string("title");
    bank.source = document.optional_string("source");
    bank.description = document.optional_string("description");
    if (bank.title.empty())
        throw LoadError(file, 0, "title", "empty title");

    const auto& questions = document.required_array("questions");
    if (questions.empty())
        throw LoadError(file, 0, "questions", "the bank has no questions");
    std::vector<detail::Origin> origins;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const auto path = detail::item_path("questions", i);
        const detail::JsonObject fields(questions[i], path, file);
        fields.reject_unknown({"id", "topics", "text", "answer", "key_terms", "wrong_choices",
                               "choices", "correct_choices", "seconds", "accepted", "feedback"});
        BankQuestion question;
        question.id = fields.required_string("id");
        question.topics = fields.optional_strings("topics");
        question.text = fields.required_string("text");
        question.choices = fields.optional_strings("choices");
        question.correct_choices = fields.optional_ints("correct_choices");
        // With its own choices a question's answer is the correct choice: it may be left out.
        question.answer = question.choices.empty() ? fields.required_string("answer")
                                                   : fields.optional_string("answer");
        question.key_terms = fields.optional_strings("key_terms");
        question.wrong_choices = fields.optional_strings("wrong_choices");
        question.seconds = fields.optional_int("seconds", 0);
        question.accepted = fields.optional_strings("accepted");
        question.feedback = fields.optional_string("feedback");
        if (!question.choices.empty())
            set_choice_answer(question, fields, file);
        detail::normalize_list(question.topics, detail::normalize_topic);
        detail::normalize_list(question.key_terms, detail::normalize_key_term);
        bank.questions.push_back(std::move(question));
        origins.push_back({0, path});
    }
    detail::validate_bank(bank, file, origins);
    return bank;
}

}  // namespace rapidfire::content
