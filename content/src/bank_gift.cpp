// Imports Moodle's GIFT format: multiple choice, true/false and short answer questions, with
// their titles, categories and feedback. The forms the game cannot play (matching, numeric,
// essay, missing word, description) are refused by name.

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "limits.hpp"
#include "rapidfire/content/loader.hpp"
#include "text.hpp"
#include "validate.hpp"

namespace rapidfire::content {
namespace {

using detail::Position;
using detail::trim;

// GIFT's escapes: \~ \= \# \{ \} \: stand for the character, \n for a line break.
constexpr std::string_view escapable = "~=#{}:";

std::string unescape(std::string_view text) {
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[i + 1];
            if (escapable.find(next) != std::string_view::npos || next == '\\') {
                plain += next;
                ++i;
                continue;
            }
            if (next == 'n') {
                plain += '\n';
                ++i;
                continue;
            }
        }
        plain += text[i];
    }
    return plain;
}

// The offset of the first `what` at or after `from` that is not escaped, or npos.
std::size_t find_unescaped(std::string_view text, std::string_view what, std::size_t from = 0) {
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
            continue;
        }
        if (text.substr(i).starts_with(what))
            return i;
    }
    return std::string_view::npos;
}

std::size_t rfind_unescaped(std::string_view text, std::string_view what) {
    std::size_t last = std::string_view::npos;
    for (auto at = find_unescaped(text, what); at != std::string_view::npos;
         at = find_unescaped(text, what, at + 1)) {
        last = at;
    }
    return last;
}

// Text as shown: without a leading [html], [moodle], [markdown] or [plain] marker (HTML stays
// as it is written: the game never interprets it), unescaped and trimmed.
std::string shown_text(std::string_view raw) {
    raw = trim(raw);
    for (std::string_view marker : {"[html]", "[moodle]", "[markdown]", "[plain]"}) {
        if (detail::to_lower_ascii(raw.substr(0, marker.size())) == marker) {
            raw.remove_prefix(marker.size());
            break;
        }
    }
    return std::string(trim(unescape(raw)));
}

bool is_blank(std::string_view text) {
    return trim(text).empty();
}

// A question's lines, joined, without the comment lines among them; offsets into it map back
// to the file for errors.
struct Block {
    std::string body;
    std::vector<std::pair<std::size_t, std::size_t>> lines;  // (offset in body, offset in file)

    std::size_t file_offset(std::size_t offset) const {
        const auto next = std::upper_bound(
            lines.begin(), lines.end(), offset,
            [](std::size_t value, const auto& line) { return value < line.first; });
        const auto& line = *(next - 1);
        return line.second + (offset - line.first);
    }
};

// $CATEGORY: $course$/top/Geography/Capitals -> "capitals": the last part, as a tag.
std::string category_topic(std::string_view category) {
    auto name = trim(category);
    if (const auto slash = name.rfind('/'); slash != std::string_view::npos)
        name = trim(name.substr(slash + 1));
    const auto lower = detail::to_lower_ascii(name);
    // Moodle's root and default categories say nothing about the questions.
    if (lower == "top" || lower.starts_with("default for") || lower.starts_with("$"))
        return {};
    std::string tag;
    for (const char c : lower) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          static_cast<unsigned char>(c) >= 0x80;
        if (keep)
            tag += c;
        else if (!tag.empty() && tag.back() != '-')
            tag += '-';
    }
    while (!tag.empty() && tag.back() == '-')
        tag.pop_back();
    return tag;
}

// An id from a title: spaces as '-', at most 64 characters, without control characters.
std::string id_from_title(std::string_view title) {
    std::string id;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < title.size(); ++i) {
        const auto byte = static_cast<unsigned char>(title[i]);
        const bool starts_character = (byte & 0xC0) != 0x80;
        if (starts_character && characters == detail::max_id_chars)
            break;
        if (byte <= 0x20 || byte == 0x7F) {
            if (!id.empty() && id.back() != '-') {
                id += '-';
                ++characters;
            }
            continue;
        }
        id += title[i];
        if (starts_character)
            ++characters;
    }
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    return id;
}

struct Answer {
    char marker = '=';             // '=' right, '~' wrong
    std::optional<double> weight;  // %50%: a positive weight is right whatever the marker
    std::string text;
    std::string feedback;
    std::size_t at = 0;  // the marker's offset in the body

    bool right() const { return weight ? *weight > 0 : marker == '='; }
};

class GiftParser {
  public:
    GiftParser(std::string_view text, const std::string& file)
        : text_(text), file_(file), locator_(text) {}

    Bank parse() {
        Block block;
        const auto flush = [&] {
            if (!is_blank(block.body))
                read_question(block);
            block = {};
        };
        for (const auto& line : detail::split_lines(text_)) {
            const auto offset = static_cast<std::size_t>(line.text.data() - text_.data());
            const auto content = trim(line.text);
            if (content.empty()) {
                flush();
            } else if (content.starts_with("//")) {
                continue;  // a comment, even inside a question
            } else if (content.starts_with("$CATEGORY:")) {
                flush();
                const auto name = trim(content.substr(std::string_view("$CATEGORY:").size()));
                topic_ = category_topic(name);
                if (!topic_.empty()) {
                    topic_at_ = locator_.at(
                        offset + static_cast<std::size_t>(name.data() - line.text.data()));
                }
            } else {
                block.lines.emplace_back(block.body.size(), offset);
                block.body += line.text;
                block.body += '\n';
            }
        }
        flush();
        detail::validate_bank(bank_, file_, origins_);
        return std::move(bank_);
    }

  private:
    Position at(const Block& block, std::size_t offset) const {
        return locator_.at(block.file_offset(offset));
    }
    [[noreturn]] void fail(Position where, const std::string& message) const {
        throw LoadError(file_, where.line, where.column, "", message);
    }

    void read_question(const Block& block) {
        const std::string_view body = block.body;
        const auto question_number = bank_.questions.size() + 1;
        BankQuestion question;
        detail::Origin origin;
        auto pos = body.find_first_not_of(" \t\n");
        const auto start = at(block, pos);
        origin.line = start.line;
        origin.mark("id", start);

        std::string title;
        if (body.substr(pos).starts_with("::")) {
            const auto end = find_unescaped(body, "::", pos + 2);
            if (end == std::string_view::npos)
                fail(at(block, pos),
                     "the title's '::' is never closed: write ::title:: text {...}");
            title = std::string(trim(unescape(body.substr(pos + 2, end - pos - 2))));
            pos = end + 2;
        }
        question.id = unique_id(title, question_number);

        const auto open = find_unescaped(body, "{", pos);
        const auto text_start = std::min(body.find_first_not_of(" \t\n", pos), open);
        if (open == std::string_view::npos) {
            fail(at(block, text_start == std::string_view::npos ? pos : text_start),
                 "a description (text without an answer in braces) is not a question: the "
                 "game plays multiple choice, true/false and short answer questions");
        }
        const auto close = find_unescaped(body, "}", open + 1);
        if (close == std::string_view::npos) {
            fail(at(block, open), "the '{' here is never closed (a blank line ends a question)");
        }
        if (const auto after = body.find_first_not_of(" \t\n", close + 1);
            after != std::string_view::npos) {
            fail(at(block, after),
                 "text after the answer braces makes a missing-word question, which the game "
                 "does not play: put the answer braces at the end of the question");
        }
        question.text = shown_text(body.substr(pos, open - pos));
        origin.mark("question", at(block, text_start));
        origin.mark("answer", at(block, open));
        origin.mark("correct_choices", at(block, open));
        origin.mark("choices", at(block, open));
        origin.mark("accepted", at(block, open));

        read_answers(block, open + 1, close, question, origin);
        if (!topic_.empty()) {
            question.topics = {topic_};
            origin.mark("topics", topic_at_);
        }
        bank_.questions.push_back(std::move(question));
        origins_.push_back(std::move(origin));
    }

    // The part between the braces: its form, answers and feedback.
    void read_answers(const Block& block, std::size_t begin, std::size_t end,
                      BankQuestion& question, detail::Origin& origin) const {
        const std::string_view body = block.body;
        auto inner = body.substr(begin, end - begin);
        const auto open = at(block, begin - 1);

        // General feedback, after ####, is shown to everyone.
        std::string general;
        if (const auto hashes = rfind_unescaped(inner, "####"); hashes != std::string_view::npos) {
            general = shown_text(inner.substr(hashes + 4));
            origin.mark("feedback", at(block, begin + hashes));
            inner = inner.substr(0, hashes);
        }
        const auto first = inner.find_first_not_of(" \t\n");
        if (first == std::string_view::npos) {
            fail(open,
                 "an essay question ({} with no answer) is not played: the game needs an answer "
                 "to check");
        }
        if (inner[first] == '#') {
            fail(open,
                 "a numeric question ({#...}) is not played: write the number as a short "
                 "answer, {=42}");
        }
        if (find_unescaped(inner, "~") == std::string_view::npos) {
            if (const auto arrow = find_unescaped(inner, "->"); arrow != std::string_view::npos) {
                fail(at(block, begin + arrow),
                     "a matching question (->) is not played: the game asks one question at a "
                     "time");
            }
            if (read_true_false(inner, general, question))
                return;
            if (inner[first] != '=') {
                fail(at(block, begin + first),
                     "cannot tell the question's form: write answers as =right ~wrong (multiple "
                     "choice), =answer (short answer), or {T} / {F} (true/false)");
            }
            read_short_answer(block, begin, inner, general, question, origin);
            return;
        }
        read_multiple_choice(block, begin, inner, general, question, origin);
    }

    // {T}, {TRUE}, {F} or {FALSE}, each perhaps with #feedback if wrong#feedback if right.
    static bool read_true_false(std::string_view inner, const std::string& general,
                                BankQuestion& question) {
        const auto hash = find_unescaped(inner, "#");
        const auto word = detail::to_lower_ascii(trim(inner.substr(0, hash)));
        const bool is_true = word == "t" || word == "true";
        if (!is_true && word != "f" && word != "false")
            return false;
        question.choices = {"True", "False"};
        question.correct_choices = {is_true ? 0 : 1};
        question.answer = is_true ? "True" : "False";
        std::string right;
        if (hash != std::string_view::npos) {
            const auto second = find_unescaped(inner, "#", hash + 1);
            if (second != std::string_view::npos)
                right = shown_text(inner.substr(second + 1));
        }
        question.feedback = general.empty() ? right : general;
        return true;
    }

    std::vector<Answer> split_answers(const Block& block, std::size_t begin,
                                      std::string_view inner) const {
        std::vector<Answer> answers;
        auto pos = inner.find_first_not_of(" \t\n");
        while (pos != std::string_view::npos && pos < inner.size()) {
            std::size_t next = pos + 1;
            while (next < inner.size()) {
                if (inner[next] == '\\') {
                    next += 2;
                    continue;
                }
                if (inner[next] == '=' || inner[next] == '~')
                    break;
                ++next;
            }
            next = std::min(next, inner.size());
            Answer answer;
            answer.marker = inner[pos];
            answer.at = begin + pos;
            auto part = inner.substr(pos + 1, next - pos - 1);
            if (part.starts_with('%')) {
                const auto close = part.find('%', 1);
                const auto weight = close == std::string_view::npos
                                        ? std::string()
                                        : std::string(part.substr(1, close - 1));
                char* end = nullptr;
                const double value = std::strtod(weight.c_str(), &end);
                if (weight.empty() || end != weight.c_str() + weight.size() ||
                    !std::isfinite(value) || value < -100 || value > 100) {
                    fail(at(block, begin + pos + 1),
                         "a weight is a percentage from -100 to 100 between two %, as in ~%50%");
                }
                answer.weight = value;
                part.remove_prefix(close + 1);
            }
            const auto hash = find_unescaped(part, "#");
            answer.text = shown_text(part.substr(0, hash));
            if (hash != std::string_view::npos)
                answer.feedback = shown_text(part.substr(hash + 1));
            answers.push_back(std::move(answer));
            pos = next;
        }
        return answers;
    }

    // The feedback shown once the question closes: the general feedback, else what the right
    // answers' own feedback says (wrong answers' feedback speaks only to whoever chose them).
    static std::string feedback_of(const std::vector<Answer>& answers, const std::string& general) {
        if (!general.empty())
            return general;
        std::string feedback;
        std::vector<std::string_view> seen;
        for (const auto& answer : answers) {
            if (!answer.right() || answer.feedback.empty() ||
                std::find(seen.begin(), seen.end(), answer.feedback) != seen.end()) {
                continue;
            }
            if (!feedback.empty())
                feedback += '\n';
            feedback += answer.feedback;
            seen.push_back(answer.feedback);
        }
        return feedback;
    }

    void read_multiple_choice(const Block& block, std::size_t begin, std::string_view inner,
                              const std::string& general, BankQuestion& question,
                              detail::Origin& origin) const {
        const auto first = inner.find_first_not_of(" \t\n");
        if (inner[first] != '=' && inner[first] != '~') {
            fail(at(block, begin + first),
                 "text before the first answer: each answer starts with = (right) or ~ (wrong)");
        }
        const auto answers = split_answers(block, begin, inner);
        for (std::size_t i = 0; i < answers.size(); ++i) {
            origin.mark("choices[" + std::to_string(i) + "]", at(block, answers[i].at));
            question.choices.push_back(answers[i].text);
            if (answers[i].right())
                question.correct_choices.push_back(static_cast<int>(i));
        }
        if (question.correct_choices.empty()) {
            fail(at(block, begin - 1),
                 "no right answer: mark one with = or with a positive weight, as in ~%50%");
        }
        question.answer = detail::correct_choices_text(question);
        question.feedback = feedback_of(answers, general);
    }

    // Every answer is right: the first is the reference, the others are accepted too.
    void read_short_answer(const Block& block, std::size_t begin, std::string_view inner,
                           const std::string& general, BankQuestion& question,
                           detail::Origin& origin) const {
        auto answers = split_answers(block, begin, inner);
        // A zero or negative weight marks an answer that is not accepted.
        std::erase_if(answers, [](const Answer& answer) { return !answer.right(); });
        if (answers.empty())
            fail(at(block, begin - 1), "no right answer: every answer has a weight of 0 or less");
        question.answer = answers.front().text;
        origin.mark("answer", at(block, answers.front().at));
        for (std::size_t i = 1; i < answers.size(); ++i) {
            origin.mark("accepted[" + std::to_string(i - 1) + "]", at(block, answers[i].at));
            question.accepted.push_back(answers[i].text);
        }
        question.feedback = feedback_of(answers, general);
    }

    // The title made an id, unique in the file ("capitals", "capitals-2"); "gift-N" without one.
    std::string unique_id(const std::string& title, std::size_t number) {
        auto base = id_from_title(title);
        if (base.empty())
            base = "gift-" + std::to_string(number);
        auto id = base;
        for (int n = 2; !ids_.insert(id).second; ++n) {
            const auto suffix = "-" + std::to_string(n);
            // Keep within the id limit; titles are cut at a character's first byte.
            auto cut = base.size();
            while (detail::count_code_points(base.substr(0, cut)) + suffix.size() >
                   detail::max_id_chars) {
                do {
                    --cut;
                } while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80);
            }
            id = base.substr(0, cut) + suffix;
        }
        return id;
    }

    std::string_view text_;
    const std::string& file_;
    detail::Locator locator_;
    std::string topic_;
    Position topic_at_;
    std::set<std::string> ids_;
    Bank bank_;
    std::vector<detail::Origin> origins_;
};

}  // namespace

Bank parse_bank_gift(std::string_view text, const std::string& file) {
    return GiftParser(detail::checked_utf8(text, file), file).parse();
}

}  // namespace rapidfire::content
