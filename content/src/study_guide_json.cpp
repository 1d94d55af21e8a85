// The study guide that ships beside a bank: tips (the interview judge's rubric), FAQ and a
// checklist. README.md describes the fields.

#include <set>

#include "json_fields.hpp"
#include "limits.hpp"
#include "rapidfire/content/loader.hpp"
#include "validate.hpp"

namespace rapidfire::content {
namespace {

using detail::JsonObject;

std::string text_field(const JsonObject& fields, std::string_view key, bool required,
                       std::size_t max_chars, bool multiline) {
    auto value = required ? fields.required_string(key) : fields.optional_string(key);
    if (required && value.empty())
        throw LoadError(fields.file(), 0, fields.path(key), "empty");
    detail::check_string(value, max_chars, multiline, fields.file(), 0, fields.path(key));
    return value;
}

std::string title_field(const JsonObject& fields, std::string_view key, bool required = true) {
    return text_field(fields, key, required, detail::max_title_chars, false);
}

std::string paragraph_field(const JsonObject& fields, std::string_view key, bool required = true) {
    return text_field(fields, key, required, detail::max_answer_chars, true);
}

// Calls read(item, path) for each object in the optional array `key`.
template <class Read>
void for_each_item(const JsonObject& document, std::string_view key, Read read) {
    const auto* array = document.optional_array(key);
    if (array == nullptr)
        return;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto path = detail::item_path(key, i);
        read(JsonObject((*array)[i], path, document.file()), path);
    }
}

}  // namespace

StudyGuide parse_study_guide_json(std::string_view text, const std::string& file) {
    const auto json = detail::parse_json(text, file);
    const JsonObject document(json, "", file);
    document.reject_unknown({"title", "source", "introduction", "tips_introduction", "tips", "faq",
                             "checklist_title", "checklist"});

    StudyGuide guide;
    guide.title = title_field(document, "title");
    guide.source = title_field(document, "source", false);
    guide.introduction = paragraph_field(document, "introduction", false);
    guide.tips_introduction = paragraph_field(document, "tips_introduction", false);
    guide.checklist_title = title_field(document, "checklist_title", false);

    std::set<std::string> tip_ids;
    for_each_item(document, "tips", [&](const JsonObject& fields, const std::string& path) {
        fields.reject_unknown({"id", "title", "text"});
        Tip tip{text_field(fields, "id", true, detail::max_id_chars, false),
                title_field(fields, "title"), paragraph_field(fields, "text")};
        if (tip.id.find(' ') != std::string::npos) {
            throw LoadError(file, 0, fields.path("id"), "an id may not contain spaces");
        }
        if (!tip_ids.insert(tip.id).second) {
            throw LoadError(file, 0, path + ".id", "duplicate tip id '" + tip.id + "'");
        }
        guide.tips.push_back(std::move(tip));
    });
    for_each_item(document, "faq", [&](const JsonObject& fields, const std::string&) {
        fields.reject_unknown({"question", "answer"});
        guide.faq.push_back(
            {paragraph_field(fields, "question"), paragraph_field(fields, "answer")});
    });
    for_each_item(document, "checklist", [&](const JsonObject& fields, const std::string&) {
        fields.reject_unknown({"area", "text"});
        guide.checklist.push_back({title_field(fields, "area"), paragraph_field(fields, "text")});
    });
    return guide;
}

}  // namespace rapidfire::content
