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

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Bytes of the ANSI escape sequence at `at` (ESC '[' parameters and a final byte, or ESC and
// one byte), 0 when none starts there.
std::size_t escape_at(std::string_view text, std::size_t at) {
    if (text[at] != '\x1b')
        return 0;
    std::size_t end = at + 1;
    if (end < text.size() && text[end] == '[') {
        ++end;
        while (end < text.size() && (text[end] < 0x40 || text[end] > 0x7E))
            ++end;
    }
    return std::min(end + 1, text.size()) - at;
}

// Columns a piece of UTF-8 text takes: one per character; escape sequences (colours) none.
std::size_t columns_of(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (const auto escape = escape_at(text, i)) {
            i += escape;
            continue;
        }
        if (!is_continuation(text[i]))
            ++columns;
        ++i;
    }
    return columns;
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

// Lays out lines of text in `width` columns, breaking between words. A style (an SGR escape
// sequence) still open at a break is closed at the end of the line and opened again after the
// next line's indent, so each line reads the same printed on its own.
class Wrapper {
  public:
    Wrapper(std::size_t width, std::vector<std::string>& out) : width_(width), out_(out) {}

    // One line of `text` (no newline), printed `lead` spaces in; its continuation lines start
    // `hang` spaces in, or at the margin when that leaves less than half the width.
    void add(std::string_view text, std::size_t lead, std::size_t hang) {
        hang_ = hang * 2 <= width_ ? hang : 0;
        current_.assign(lead, ' ');
        current_ += style_;
        column_ = lead;
        has_word_ = false;
        if (lead + columns_of(text) <= width_) {
            append(text);  // fits: as it is, runs of spaces (table columns) included
            end_line();
            return;
        }
        const std::size_t indent = std::min(text.find_first_not_of(' '), text.size());
        current_.append(indent, ' ');
        column_ += indent;
        std::size_t start = indent;
        while (start < text.size()) {
            std::size_t end = text.find(' ', start);
            if (end == std::string_view::npos)
                end = text.size();
            if (end > start)
                word(text.substr(start, end - start));
            start = end + 1;
        }
        end_line();
    }

  private:
    void word(std::string_view word) {
        const std::size_t length = columns_of(word);
        if (has_word_ && column_ + 1 + length > width_)
            break_line();
        if (has_word_) {
            current_ += ' ';
            ++column_;
        }
        has_word_ = true;
        if (column_ + length <= width_) {
            append(word);
            column_ += length;
            return;
        }
        // Longer than a whole line: the one thing that is cut, between characters.
        for (std::size_t i = 0; i < word.size();) {
            std::size_t size = escape_at(word, i);
            if (size > 0) {
                append(word.substr(i, size));
                i += size;
                continue;
            }
            size = 1;
            while (i + size < word.size() && is_continuation(word[i + size]))
                ++size;
            if (column_ >= width_)
                break_line();
            current_.append(word.substr(i, size));
            ++column_;
            i += size;
        }
        has_word_ = true;  // a break inside the word reset it
    }

    // Appends text, following the styles it opens and closes.
    void append(std::string_view text) {
        for (std::size_t i = 0; i < text.size();) {
            const auto size = escape_at(text, i);
            if (size == 0) {
                ++i;
                continue;
            }
            const auto escape = text.substr(i, size);
            if (escape == "\x1b[0m" || escape == "\x1b[m") {
                style_.clear();
            } else if (escape.ends_with('m')) {
                style_ += escape;
            }
            i += size;
        }
        current_ += text;
    }

    void end_line() {
        if (!style_.empty())
            current_ += "\x1b[0m";
        out_.push_back(std::move(current_));
        current_.clear();
    }

    void break_line() {
        end_line();
        current_.assign(hang_, ' ');
        current_ += style_;
        column_ = hang_;
        has_word_ = false;
    }

    std::size_t width_;
    std::vector<std::string>& out_;
    std::size_t hang_ = 0;
    std::string current_;
    std::size_t column_ = 0;
    bool has_word_ = false;
    std::string style_;  // the escape sequences of the styles open
};

// `text` split at its newlines.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos)
            return lines;
        start = end + 1;
    }
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
    std::vector<std::string> lines;
    Wrapper wrapper(static_cast<std::size_t>(width), lines);
    for (const auto line : split_lines(text)) {
        const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
        const std::size_t prefix = indent + marker_length(line.substr(indent));
        // Under a list item's text, else under the line's own indent.
        const auto hang = prefix * 2 <= static_cast<std::size_t>(width) ? prefix : indent;
        wrapper.add(line, 0, hang);
    }
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += (i == 0 ? "" : "\n") + lines[i];
    return out;
}

std::vector<std::string> wrap_hanging(std::string_view text, int width, int hang) {
    std::vector<std::string> lines;
    if (width <= 0) {
        for (const auto line : split_lines(text))
            lines.emplace_back(line);
        return lines;
    }
    Wrapper wrapper(static_cast<std::size_t>(width), lines);
    auto indent = static_cast<std::size_t>(std::max(hang, 0));
    if (indent * 2 > static_cast<std::size_t>(width))
        indent = 0;  // as in Wrapper: a narrow terminal keeps the room for the text
    bool first = true;
    for (const auto line : split_lines(text)) {
        wrapper.add(line, first ? 0 : indent, indent);
        first = false;
    }
    return lines;
}

std::size_t text_columns(std::string_view text) {
    return columns_of(text);
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
