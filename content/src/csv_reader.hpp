#pragma once
// An RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double
// quotes may hold commas, newlines and doubled quotes ("" for one ").

#include <string>
#include <string_view>
#include <vector>

namespace rapidfire::content::detail {

struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0;  // where the record starts
};

// Blank lines are skipped. Newlines inside quoted fields come back as LF. Leniencies for
// hand-written files: spaces around a quoted field are ignored. Throws LoadError on an
// unterminated quote, text after a closing quote, or a quote inside an unquoted field.
std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file);

}  // namespace rapidfire::content::detail
