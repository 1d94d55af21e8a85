// The study guide that ships beside a bank: tips (the interview judge's rubric), FAQ and a
// checklist whose areas name the bank topics they cover (where a study list points each topic
// missed). README.md describes the fields.

#include <map>
#include <set>

#include "json_fields.hpp"
#include "limits.hpp"
#include "rapidfire/content/loader.hpp"
#include "validate.hpp"

namespace rapidfire::content {
namespace {

using detail::JsonObject;

// A checklist area may cover many of a bank's topics (a question has at most
// detail::max_topics).
constexpr std::size_t max_area_topics = 64;

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

// A checklist item's optional `topics`: tags like a question's (trimmed, lower case, inner
// spaces as '-', repeats dropped), each non-empty and within the topic length, at most
// max_area_topics of them.
std::vector<std::string> area_topics(const JsonObject& fields) {
    auto topics = fields.optional_strings("topics");
    detail::normalize_list(topics, detail::normalize_topic);
    const auto path = fields.path("topics");
    if (topics.size() > max_area_topics) {
        throw LoadError(fields.file(), 0, path,
                        "more than " + std::to_string(max_area_topics) + " items");
    }
    for (const auto& topic : topics) {
        if (topic.empty())
            throw LoadError(fields.file(), 0, path, "empty item");
        detail::check_string(topic, detail::max_topic_chars, false, fields.file(), 0, path);
    }
    return topics;
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
    std::map<std::string, std::string> covered;  // topic -> the area that lists it
    for_each_item(document, "checklist", [&](const JsonObject& fields, const std::string&) {
        fields.reject_unknown({"area", "text", "topics"});
        ChecklistItem item{title_field(fields, "area"), paragraph_field(fields, "text"),
                           area_topics(fields)};
        // A topic points to one area: what a player missed must not send them two ways.
        for (const auto& topic : item.topics) {
            const auto [area, added] = covered.emplace(topic, item.area);
            if (!added) {
                throw LoadError(
                    file, 0, fields.path("topics"),
                    "the topic '" + topic + "' is already under '" + area->second + "'");
            }
        }
        guide.checklist.push_back(std::move(item));
    });
    return guide;
}

}  // namespace rapidfire::content
