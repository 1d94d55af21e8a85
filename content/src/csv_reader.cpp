#include "csv_reader.hpp"

#include <optional>

#include "rapidfire/content/loader.hpp"

namespace rapidfire::content::detail {
namespace {

// Walks the text once; positions become lines and columns only where they are kept.
class CsvReader {
  public:
    CsvReader(std::string_view text, const std::string& file, const CsvOptions& options)
        : text_(text), file_(file), options_(options), locator_(text) {}

    std::vector<CsvRecord> read() {
        std::vector<CsvRecord> records;
        while (!at_end()) {
            if (options_.hash_comments && peek() == '#') {
                skip_line();
                continue;
            }
            CsvRecord record{{}, locator_.at(pos_).line};
            do {
                record.fields.push_back(read_field(record.positions));
            } while (take(options_.separator));
            end_record();
            const bool blank = record.fields.size() == 1 && trim(record.fields[0]).empty();
            if (!blank)
                records.push_back(std::move(record));
        }
        return records;
    }

  private:
    bool at_end() const { return pos_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    bool at_line_end() const { return peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
    bool at_field_end() const { return at_end() || peek() == options_.separator || at_line_end(); }
    bool take(char c) {
        if (at_end() || peek() != c)
            return false;
        ++pos_;
        return true;
    }
    // Blanks around fields are not part of them, unless they separate the fields.
    void skip_blanks() {
        while ((peek() == ' ' || peek() == '\t') && peek() != options_.separator)
            ++pos_;
    }
    void skip_line() {
        while (!at_end() && !at_line_end())
            ++pos_;
        end_record();
    }
    void end_record() {
        take('\r');
        take('\n');
    }

    [[noreturn]] void fail(std::size_t at, const std::string& message) const {
        const auto where = locator_.at(at);
        throw LoadError(file_, where.line, where.column, "", message);
    }

    // Adds where the field is to `positions`: its first character other than a blank, or
    // where it starts when it is blank.
    std::string read_field(std::vector<Position>& positions) {
        const std::size_t start = pos_;
        skip_blanks();
        positions.push_back(locator_.at(at_field_end() ? start : pos_));
        if (peek() == '"') {
            if (auto quoted = read_quoted())
                return std::move(*quoted);
        }
        pos_ = start;  // an unquoted field keeps its blanks; a lenient one is read as text
        std::string field;
        while (!at_field_end()) {
            if (peek() == '"' && !options_.lenient_quotes) {
                fail(pos_,
                     "a quote inside an unquoted field: put the whole field in quotes and write "
                     "the quote twice (\"\")");
            }
            field += text_[pos_++];
        }
        return field;
    }

    // The field, or nothing when `lenient_quotes` and the quotes are not well formed.
    std::optional<std::string> read_quoted() {
        const std::size_t opened_at = pos_;
        if (opened_at >= never_closed_from_)
            return std::nullopt;
        ++pos_;  // the opening quote
        std::string field;
        while (true) {
            if (at_end()) {
                if (options_.lenient_quotes) {
                    // No lone quote follows: a later quote would scan to the end for nothing.
                    never_closed_from_ = opened_at;
                    return std::nullopt;
                }
                fail(opened_at, "unterminated quoted field: the quote opened here is never closed");
            }
            const char c = text_[pos_++];
            if (c == '"') {
                if (!take('"'))
                    break;  // a lone quote closes the field
                field += '"';
            } else if (c == '\r' && peek() == '\n') {
                continue;  // CRLF inside a field is kept as LF
            } else {
                field += c;
            }
        }
        skip_blanks();
        if (!at_field_end()) {
            if (options_.lenient_quotes)
                return std::nullopt;
            fail(pos_,
                 "text after a closing quote: inside a quoted field, write a quote twice (\"\")");
        }
        return field;
    }

    std::string_view text_;
    const std::string& file_;
    const CsvOptions& options_;
    Locator locator_;
    std::size_t pos_ = 0;
    std::size_t never_closed_from_ = std::string_view::npos;
};

}  // namespace

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file,
                                const CsvOptions& options) {
    return CsvReader(text, file, options).read();
}

}  // namespace rapidfire::content::detail
