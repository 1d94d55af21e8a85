#include "csv_reader.hpp"

#include "rapidfire/content/loader.hpp"
#include "text.hpp"

namespace rapidfire::content::detail {
namespace {

// Walks the text once, keeping the line number for error messages.
class CsvReader {
  public:
    CsvReader(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    std::vector<CsvRecord> read() {
        std::vector<CsvRecord> records;
        while (!at_end()) {
            CsvRecord record{{}, line_};
            do {
                record.fields.push_back(read_field());
            } while (take(','));
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
    bool take(char c) {
        if (at_end() || peek() != c)
            return false;
        ++pos_;
        return true;
    }
    void skip_blanks() {
        while (peek() == ' ' || peek() == '\t')
            ++pos_;
    }

    void end_record() {
        take('\r');
        if (take('\n'))
            ++line_;
    }

    std::string read_field() {
        const std::size_t start = pos_;
        skip_blanks();
        if (peek() == '"')
            return read_quoted();
        pos_ = start;
        std::string field;
        while (!at_end() && peek() != ',' && !at_line_end()) {
            if (peek() == '"') {
                throw LoadError(file_, line_, "",
                                "a quote inside an unquoted field: put the whole field in "
                                "quotes and write the quote twice (\"\")");
            }
            field += text_[pos_++];
        }
        return field;
    }

    std::string read_quoted() {
        const int opened_on = line_;
        ++pos_;  // the opening quote
        std::string field;
        while (true) {
            if (at_end()) {
                throw LoadError(file_, opened_on, "",
                                "unterminated quoted field: the quote opened here is never "
                                "closed");
            }
            const char c = text_[pos_++];
            if (c == '"') {
                if (!take('"'))
                    break;  // a lone quote closes the field
                field += '"';
            } else if (c == '\r' && peek() == '\n') {
                continue;  // CRLF inside a field is kept as LF
            } else {
                if (c == '\n')
                    ++line_;
                field += c;
            }
        }
        skip_blanks();
        if (!at_end() && peek() != ',' && !at_line_end()) {
            throw LoadError(file_, line_, "",
                            "text after a closing quote: inside a quoted field, write a quote "
                            "twice (\"\")");
        }
        return field;
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t pos_ = 0;
    int line_ = 1;
};

}  // namespace

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file) {
    return CsvReader(text, file).read();
}

}  // namespace rapidfire::content::detail
