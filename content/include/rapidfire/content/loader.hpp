#pragma once
// Loading banks and study guides from files. Errors throw LoadError, which names the file and
// the line, column or field at fault.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rapidfire/content/bank.hpp"

namespace rapidfire::content {

class LoadError : public std::runtime_error {
  public:
    // `line` is 1-based, 0 when the error is not tied to a line; `field` may be empty.
    LoadError(std::string file, int line, std::string field, const std::string& message);
    // `column` is 1-based and counts characters (code points), 0 when the error is not tied to
    // a column. what() reads "file:line:column: field: message", leaving out what is unknown.
    LoadError(std::string file, int line, int column, std::string field,
              const std::string& message);

    const std::string& file() const { return file_; }
    int line() const { return line_; }
    int column() const { return column_; }
    const std::string& field() const { return field_; }

  private:
    std::string file_;
    int line_;
    int column_;
    std::string field_;
};

// Parsers over text already in memory; `file` is used only in error messages.
Bank parse_bank_json(std::string_view text, const std::string& file);
// Markdown: the first table with the header | # | Question | Answer | (a Topics column is
// optional); the first '# ' heading, if any, is the title.
// Markdown and CSV also read a Key terms column, and a question without an id takes its row's
// number ("1", "2", ...). content/README.md describes every format and its limits.
Bank parse_bank_markdown(std::string_view text, const std::string& file);
// CSV (RFC 4180): question,answer[,topics] with topics separated by ';'. A header row naming
// these columns is recognised and skipped; it may also name id and key_terms, in any order.
Bank parse_bank_csv(std::string_view text, const std::string& file);
// Kahoot's quiz spreadsheet template saved as CSV: rows above the header row (Question,
// Answer 1 to 4, Time limit, Correct answer(s)) are skipped; each row is a question with its own
// 2 to 4 choices. Ids are "kahoot-1", "kahoot-2", ...
Bank parse_bank_kahoot(std::string_view text, const std::string& file);
// Moodle's GIFT: multiple choice, true/false and short answer questions; other forms are
// refused. A ::title:: becomes the id ("gift-1", ... without one), $CATEGORY: the topic.
Bank parse_bank_gift(std::string_view text, const std::string& file);
// Flash cards as text, question and answer a line (Anki's plain text notes, Quizlet's export),
// separated by a tab, ';' or ',', or what an Anki #separator: header says.
Bank parse_bank_two_column(std::string_view text, const std::string& file);
StudyGuide parse_study_guide_json(std::string_view text, const std::string& file);

// Loads a bank, choosing the parser by extension: .json, .md, .csv (Kahoot's template when
// its header row is there, else plain CSV), .gift, .txt or .tsv. An .xlsx is refused with
// advice to save it as CSV.
Bank load_bank(const std::filesystem::path& path);
// Loads several banks as one; ids must stay unique (clashing ids are prefixed by file stem).
Bank load_banks(const std::vector<std::filesystem::path>& paths);
StudyGuide load_study_guide(const std::filesystem::path& path);

// Where the bundled content lives: $RAPIDFIRE_CONTENT_DIR when set, else the directory the
// build configured (the source tree's content/).
std::filesystem::path bundled_content_dir();
std::filesystem::path bundled_bank_path();   // <content>/banks/ml-rapid-fire.json
std::filesystem::path bundled_guide_path();  // <content>/guides/ml-interview-guide.json

}  // namespace rapidfire::content
