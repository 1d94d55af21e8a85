#pragma once
// An RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double
// quotes may hold commas, newlines and doubled quotes ("" for one "). Options cover the
// dialects other importers read: another separator, lenient quotes, '#' comment lines.

#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace rapidfire::content::detail {

struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0;  // where the record starts
    // Where each field starts (its opening quote, if quoted), parallel to `fields`, so that
    // errors can name a cell's line and column.
    std::vector<Position> positions = {};

    Position position(std::size_t field) const {
        return field < positions.size() ? positions[field] : Position{line, 0};
    }
};

struct CsvOptions {
    char separator = ',';
    // Flash-card exports quote only some fields and leave quotes in others as they are: a
    // quote that does not open a well-formed quoted field is then read as text, not an error.
    bool lenient_quotes = false;
    // A record that starts with '#' at the start of a line is a comment (Anki's headers).
    bool hash_comments = false;
};

// Blank lines are skipped. Newlines inside quoted fields come back as LF. Leniencies for
// hand-written files: spaces around a quoted field are ignored. Unless `lenient_quotes`, throws
// LoadError (with line and column) on an unterminated quote, text after a closing quote, or a
// quote inside an unquoted field.
std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file,
                                const CsvOptions& options = {});

}  // namespace rapidfire::content::detail
