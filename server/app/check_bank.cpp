#include "rapidfire/server/check_bank.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/content/loader.hpp"
#include "rapidfire/protocol/utf8.hpp"

namespace rapidfire::server {
namespace {

// How much of each text a listing shows: enough to recognise it, short enough that a question
// takes one or two terminal lines.
constexpr std::size_t question_chars = 80;
constexpr std::size_t answer_chars = 60;
constexpr std::size_t choice_chars = 30;
constexpr std::size_t feedback_chars = 40;
constexpr std::size_t accepted_shown = 5;

// `text` on one line (runs of white space as one space), cut to `max` characters with "...".
std::string excerpt(std::string_view text, std::size_t max) {
    std::string flat;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space)
            flat += c;
        else if (!flat.empty() && flat.back() != ' ')
            flat += ' ';
    }
    while (!flat.empty() && flat.back() == ' ')
        flat.pop_back();
    if (protocol::utf8_length(flat) <= max)
        return flat;
    // Cut after max - 3 characters, so that with "..." the line is `max` long.
    std::size_t characters = 0;
    std::size_t cut = 0;
    for (; cut < flat.size(); ++cut) {
        if ((static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80)
            continue;  // inside a character
        if (characters++ == max - 3)
            break;
    }
    return flat.substr(0, cut) + "...";
}

bool is_correct(const content::BankQuestion& q, std::size_t choice) {
    for (const int index : q.correct_choices) {
        if (index >= 0 && static_cast<std::size_t>(index) == choice)
            return true;
    }
    return false;
}

// The second line: the choices with the correct ones marked, or the free-text answer and what
// else counts; then the time limit and feedback where the question has them.
std::string details(const content::BankQuestion& q) {
    std::string line;
    if (!q.choices.empty()) {
        line = "choices: ";
        for (std::size_t i = 0; i < q.choices.size(); ++i) {
            if (i > 0)
                line += " / ";
            line += is_correct(q, i) ? "(x) " : "( ) ";
            line += excerpt(q.choices[i], choice_chars);
        }
    } else {
        line = "answer: " + excerpt(q.answer, answer_chars);
        if (!q.accepted.empty()) {
            line += "; also accepted: ";
            for (std::size_t i = 0; i < q.accepted.size() && i < accepted_shown; ++i)
                line += (i > 0 ? ", " : "") + excerpt(q.accepted[i], choice_chars);
            if (q.accepted.size() > accepted_shown)
                line += " and " + std::to_string(q.accepted.size() - accepted_shown) + " more";
        }
        if (!q.wrong_choices.empty()) {
            line += "; wrong choices: ";
            for (std::size_t i = 0; i < q.wrong_choices.size(); ++i)
                line += (i > 0 ? ", " : "") + excerpt(q.wrong_choices[i], choice_chars);
        }
    }
    if (q.seconds > 0)
        line += "; " + std::to_string(q.seconds) + " s";
    if (!q.feedback.empty())
        line += "; feedback: " + excerpt(q.feedback, feedback_chars);
    return line;
}

void describe(const content::Bank& bank, const std::filesystem::path& path, std::ostream& out) {
    const auto count = bank.questions.size();
    out << excerpt(bank.title, question_chars) << ": " << count << " question"
        << (count == 1 ? "" : "s") << " from " << path.string() << "\n";
    for (std::size_t i = 0; i < count; ++i) {
        const auto& q = bank.questions[i];
        const auto number = std::to_string(i + 1) + ". ";
        out << number << q.id;
        if (!q.topics.empty()) {
            out << " [";
            for (std::size_t t = 0; t < q.topics.size(); ++t)
                out << (t > 0 ? ", " : "") << q.topics[t];
            out << "]";
        }
        out << " " << excerpt(q.text, question_chars) << "\n";
        // The details line up under the id.
        out << std::string(number.size(), ' ') << details(q) << "\n";
    }
}

}  // namespace

int check_bank(const std::filesystem::path& path, std::ostream& out, std::ostream& err) {
    try {
        describe(content::load_bank(path), path, out);
        return 0;
    } catch (const content::LoadError& e) {
        err << e.what() << "\n";  // file:line:column: field: message, like a compiler
    } catch (const std::exception& e) {
        err << path.string() << ": " << e.what() << "\n";
    }
    return 1;
}

}  // namespace rapidfire::server
