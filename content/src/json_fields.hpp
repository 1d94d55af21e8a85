#pragma once
// Reading JSON documents with errors that name the file and the field's path, e.g.
// "bank.json: questions[3].answer: expected a string, got a number".

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace rapidfire::content::detail {

// Parses a whole JSON text; a syntax error names its line and column.
boost::json::value parse_json(std::string_view text, const std::string& file);

// "questions" + 3 -> "questions[3]".
std::string item_path(std::string_view array_path, std::size_t index);

// The fields of one JSON object. Strings come back trimmed.
class JsonObject {
  public:
    // Throws LoadError unless `value` is an object. `path` is "" for the document itself.
    JsonObject(const boost::json::value& value, std::string path, const std::string& file);

    std::string required_string(std::string_view key) const;
    std::string optional_string(std::string_view key) const;  // "" when absent
    std::vector<std::string> optional_strings(std::string_view key) const;
    // Whole numbers (1 or 1.0, not 1.5), within int's range; absent: `absent`, [].
    int optional_int(std::string_view key, int absent) const;
    std::vector<int> optional_ints(std::string_view key) const;
    const boost::json::array& required_array(std::string_view key) const;
    const boost::json::array* optional_array(std::string_view key) const;  // null when absent

    // A misspelt field would otherwise be dropped without a word.
    void reject_unknown(std::initializer_list<std::string_view> known) const;

    std::string path(std::string_view key) const;
    const std::string& file() const { return file_; }

  private:
    std::string string_value(const boost::json::value& value, const std::string& path) const;
    int int_value(const boost::json::value& value, const std::string& path) const;

    const boost::json::object* object_;
    std::string path_;
    const std::string& file_;
};

}  // namespace rapidfire::content::detail
