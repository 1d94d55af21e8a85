#include "json_fields.hpp"

#include <algorithm>
#include <boost/json/parse_options.hpp>
#include <boost/json/stream_parser.hpp>
#include <cmath>
#include <sstream>

#include "rapidfire/content/loader.hpp"
#include "text.hpp"

namespace rapidfire::content::detail {
namespace {

std::string kind_of(const boost::json::value& value) {
    switch (value.kind()) {
        case boost::json::kind::null:
            return "null";
        case boost::json::kind::bool_:
            return "a boolean";
        case boost::json::kind::int64:
        case boost::json::kind::uint64:
        case boost::json::kind::double_:
            return "a number";
        case boost::json::kind::string:
            return "a string";
        case boost::json::kind::array:
            return "an array";
        case boost::json::kind::object:
            return "an object";
    }
    return "an unknown value";
}

[[noreturn]] void wrong_kind(const std::string& file, const std::string& path,
                             std::string_view expected, const boost::json::value& value) {
    throw LoadError(file, 0, path, "expected " + std::string(expected) + ", got " + kind_of(value));
}

// A number as the author wrote it, near enough: 1.5, 300.
std::string value_text(const boost::json::value& value) {
    if (const auto* i = value.if_int64())
        return std::to_string(*i);
    if (const auto* u = value.if_uint64())
        return std::to_string(*u);
    std::ostringstream text;
    text << value.to_number<double>();
    return std::move(text).str();
}

}  // namespace

boost::json::value parse_json(std::string_view text, const std::string& file) {
    text = checked_utf8(text, file);
    // A stream parser reports how far it got, which gives the line and column of a syntax error.
    boost::json::stream_parser parser;
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(text.data(), text.size(), ec);
    if (!ec)
        parser.finish(ec);
    if (ec) {
        const auto where = Locator(text).at(consumed);
        throw LoadError(file, where.line, where.column, "", "invalid JSON: " + ec.message());
    }
    return parser.release();
}

std::string item_path(std::string_view array_path, std::size_t index) {
    return std::string(array_path) + "[" + std::to_string(index) + "]";
}

JsonObject::JsonObject(const boost::json::value& value, std::string path, const std::string& file)
    : object_(value.if_object()), path_(std::move(path)), file_(file) {
    if (object_ == nullptr)
        wrong_kind(file_, path_, "an object", value);
}

std::string JsonObject::path(std::string_view key) const {
    if (path_.empty())
        return std::string(key);
    return path_ + "." + std::string(key);
}

std::string JsonObject::string_value(const boost::json::value& value,
                                     const std::string& path) const {
    const auto* string = value.if_string();
    if (string == nullptr)
        wrong_kind(file_, path, "a string", value);
    return std::string(trim(std::string_view(string->data(), string->size())));
}

std::string JsonObject::required_string(std::string_view key) const {
    const auto* value = object_->if_contains(key);
    if (value == nullptr)
        throw LoadError(file_, 0, path(key), "missing field");
    return string_value(*value, path(key));
}

std::string JsonObject::optional_string(std::string_view key) const {
    const auto* value = object_->if_contains(key);
    return value == nullptr ? std::string() : string_value(*value, path(key));
}

std::vector<std::string> JsonObject::optional_strings(std::string_view key) const {
    std::vector<std::string> strings;
    const auto* array = optional_array(key);
    if (array == nullptr)
        return strings;
    for (std::size_t i = 0; i < array->size(); ++i) {
        strings.push_back(string_value((*array)[i], item_path(path(key), i)));
    }
    return strings;
}

int JsonObject::int_value(const boost::json::value& value, const std::string& path) const {
    constexpr auto limit = 1'000'000'000.0;  // far past any count or index, and fits an int
    double number = 0;
    if (const auto* i = value.if_int64()) {
        number = static_cast<double>(*i);
    } else if (const auto* u = value.if_uint64()) {
        number = static_cast<double>(*u);
    } else if (const auto* d = value.if_double()) {
        number = *d;
    } else {
        wrong_kind(file_, path, "a whole number", value);
    }
    if (!(number >= -limit && number <= limit))
        throw LoadError(file_, 0, path, "the number " + value_text(value) + " is out of range");
    if (number != std::floor(number))
        throw LoadError(file_, 0, path, "expected a whole number, got " + value_text(value));
    return static_cast<int>(number);
}

int JsonObject::optional_int(std::string_view key, int absent) const {
    const auto* value = object_->if_contains(key);
    return value == nullptr ? absent : int_value(*value, path(key));
}

std::vector<int> JsonObject::optional_ints(std::string_view key) const {
    std::vector<int> numbers;
    const auto* array = optional_array(key);
    if (array == nullptr)
        return numbers;
    for (std::size_t i = 0; i < array->size(); ++i)
        numbers.push_back(int_value((*array)[i], item_path(path(key), i)));
    return numbers;
}

const boost::json::array& JsonObject::required_array(std::string_view key) const {
    const auto* array = optional_array(key);
    if (array == nullptr)
        throw LoadError(file_, 0, path(key), "missing field");
    return *array;
}

const boost::json::array* JsonObject::optional_array(std::string_view key) const {
    const auto* value = object_->if_contains(key);
    if (value == nullptr)
        return nullptr;
    const auto* array = value->if_array();
    if (array == nullptr)
        wrong_kind(file_, path(key), "an array", *value);
    return array;
}

void JsonObject::reject_unknown(std::initializer_list<std::string_view> known) const {
    for (const auto& entry : *object_) {
        const std::string_view key(entry.key().data(), entry.key().size());
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            throw LoadError(file_, 0, path(key), "unknown field");
        }
    }
}

}  // namespace rapidfire::content::detail
