#include "rapidfire/client/study_material.hpp"

#include <algorithm>

namespace rapidfire::client {

namespace {

std::string source_line(const std::string& source) {
    return source.empty() ? std::string() : "\nSource: " + source + "\n";
}

bool on_topic(const content::BankQuestion& question, const std::vector<std::string>& topics) {
    if (topics.empty())
        return true;
    return std::any_of(question.topics.begin(), question.topics.end(), [&](const auto& topic) {
        return std::find(topics.begin(), topics.end(), topic) != topics.end();
    });
}

}  // namespace

std::string format_tips(const content::StudyGuide& guide) {
    std::string out = guide.title + "\n\n" + guide.tips_introduction + "\n";
    int number = 0;
    for (const auto& tip : guide.tips) {
        out += "\n" + std::to_string(++number) + ". " + tip.title + "\n" + tip.text + "\n";
    }
    return out + source_line(guide.source);
}

std::string format_faq(const content::StudyGuide& guide) {
    std::string out = guide.title + ": Frequently Asked Questions\n";
    for (const auto& entry : guide.faq)
        out += "\nQ: " + entry.question + "\nA: " + entry.answer + "\n";
    return out + source_line(guide.source);
}

std::string format_checklist(const content::StudyGuide& guide) {
    std::string out = guide.checklist_title + "\n\n";
    for (const auto& item : guide.checklist)
        out += "- " + item.area + ": " + item.text + "\n";
    return out + source_line(guide.source);
}

std::string format_bank(const content::Bank& bank, const std::vector<std::string>& topics) {
    std::string out = bank.title + "\n";
    if (!bank.description.empty())
        out += bank.description + "\n";
    int number = 0;
    int shown = 0;
    for (const auto& question : bank.questions) {
        ++number;
        if (!on_topic(question, topics))
            continue;
        ++shown;
        std::string tags;
        for (const auto& topic : question.topics)
            tags += (tags.empty() ? "" : ", ") + topic;
        out += "\n" + std::to_string(number) + ". " + question.text + "\n";
        if (!tags.empty())
            out += "   [" + tags + "]\n";
        out += "   " + question.answer + "\n";
    }
    if (shown == 0)
        out += "\nNo question matches these topics.\n";
    return out + source_line(bank.source);
}

}  // namespace rapidfire::client
