#include "rapidfire/client/study_material.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "rapidfire/common/text.hpp"

namespace rapidfire::client {

namespace {

std::string source_line(const std::string& source) {
    return source.empty() ? std::string() : "\nSource: " + source + "\n";
}

// Columns a piece of UTF-8 text takes: one per character (continuation bytes do not count).
std::size_t columns_of(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// How far a list item's text starts after the indent: "- ", "12. ", "Q: ", else 0.
std::size_t marker_length(std::string_view line) {
    if (line.starts_with("- "))
        return 2;
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])) != 0)
        ++digits;
    if (digits > 0 && line.substr(digits).starts_with(". "))
        return digits + 2;
    if (line.size() >= 3 && std::isupper(static_cast<unsigned char>(line[0])) != 0 &&
        line.substr(1).starts_with(": "))
        return 3;
    return 0;
}

void wrap_line(std::string_view line, std::size_t width, std::string& out) {
    if (columns_of(line) <= width) {
        out += line;
        return;
    }
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::size_t prefix = indent + marker_length(line.substr(indent));
    // A hanging indent that leaves too little room is dropped to the line's own indent.
    const std::size_t hang = prefix * 2 <= width ? prefix : (indent * 2 <= width ? indent : 0);
    std::string current(line.substr(0, prefix));
    std::size_t column = prefix;
    bool has_word = false;
    std::size_t start = prefix;
    while (start < line.size()) {
        std::size_t end = line.find(' ', start);
        if (end == std::string_view::npos)
            end = line.size();
        const std::string_view word = line.substr(start, end - start);
        start = end + 1;
        if (word.empty())
            continue;
        const std::size_t length = columns_of(word);
        if (has_word && column + 1 + length > width) {
            out += current + "\n";
            current.assign(hang, ' ');
            column = hang;
            has_word = false;
        }
        if (has_word) {
            current += ' ';
            ++column;
        }
        current += word;
        column += length;
        has_word = true;
    }
    out += current;
}

std::string lower(std::string_view text) {
    return common::ascii_lower(text);
}

bool on_topic(const content::BankQuestion& question, const std::vector<std::string>& topics) {
    if (topics.empty())
        return true;
    return std::any_of(question.topics.begin(), question.topics.end(), [&](const auto& topic) {
        return std::any_of(topics.begin(), topics.end(), [&](const std::string& wanted) {
            return lower(wanted) == lower(topic);
        });
    });
}

}  // namespace

std::string wrap_text(std::string_view text, int width) {
    if (width <= 0)
        return std::string(text);
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            wrap_line(text.substr(start), static_cast<std::size_t>(width), out);
            break;
        }
        wrap_line(text.substr(start, end - start), static_cast<std::size_t>(width), out);
        out += '\n';
        start = end + 1;
    }
    return out;
}

std::string format_tips(const content::StudyGuide& guide, int width) {
    std::string out = guide.title + "\n\n" + guide.tips_introduction + "\n";
    int number = 0;
    for (const auto& tip : guide.tips) {
        out += "\n" + std::to_string(++number) + ". " + tip.title + "\n" + tip.text + "\n";
    }
    return wrap_text(out + source_line(guide.source), width);
}

std::string format_faq(const content::StudyGuide& guide, int width) {
    std::string out = guide.title + ": Frequently Asked Questions\n";
    for (const auto& entry : guide.faq)
        out += "\nQ: " + entry.question + "\nA: " + entry.answer + "\n";
    return wrap_text(out + source_line(guide.source), width);
}

std::string format_checklist(const content::StudyGuide& guide, int width) {
    std::string out = guide.checklist_title + "\n\n";
    for (const auto& item : guide.checklist)
        out += "- " + item.area + ": " + item.text + "\n";
    return wrap_text(out + source_line(guide.source), width);
}

std::vector<TopicCount> bank_topics(const content::Bank& bank) {
    std::map<std::string, int> counts;
    for (const auto& question : bank.questions) {
        for (const auto& topic : question.topics)
            ++counts[lower(topic)];
    }
    std::vector<TopicCount> topics;
    for (const auto& [topic, questions] : counts)
        topics.push_back({topic, questions});
    return topics;
}

std::string format_bank_topics(const content::Bank& bank) {
    std::string out;
    for (const auto& [topic, questions] : bank_topics(bank)) {
        out += topic + " (" + std::to_string(questions) +
               (questions == 1 ? " question)\n" : " questions)\n");
    }
    return out.empty() ? "The bank's questions have no topics.\n" : out;
}

std::optional<std::string> unknown_bank_topic(const content::Bank& bank,
                                              const std::vector<std::string>& topics) {
    const auto known = bank_topics(bank);
    for (const auto& wanted : topics) {
        const bool found = std::any_of(known.begin(), known.end(), [&](const TopicCount& topic) {
            return topic.topic == lower(wanted);
        });
        if (found)
            continue;
        std::string list;
        for (const auto& topic : known)
            list += (list.empty() ? "" : ", ") + topic.topic;
        return "no question in the bank has the topic '" + wanted +
               "'; its topics are: " + (list.empty() ? "none" : list);
    }
    return std::nullopt;
}

std::string format_bank(const content::Bank& bank, const std::vector<std::string>& topics,
                        int width) {
    std::string out = bank.title + "\n";
    if (!bank.description.empty())
        out += bank.description + "\n";
    int number = 0;
    for (const auto& question : bank.questions) {
        ++number;
        if (!on_topic(question, topics))
            continue;
        std::string tags;
        for (const auto& topic : question.topics)
            tags += (tags.empty() ? "" : ", ") + topic;
        out += "\n" + std::to_string(number) + ". " + question.text + "\n";
        if (!tags.empty())
            out += "   [" + tags + "]\n";
        out += "   " + question.answer + "\n";
    }
    return wrap_text(out + source_line(bank.source), width);
}

}  // namespace rapidfire::client
