#include <utility>

#include "rapidfire/content/loader.hpp"

namespace rapidfire::content {
namespace {

// "file:line: field: message", leaving out whatever is unknown, like a compiler does.
std::string describe(const std::string& file, int line, const std::string& field,
                     const std::string& message) {
    std::string text;
    if (!file.empty()) {
        text += file;
        if (line > 0)
            text += ":" + std::to_string(line);
        text += ": ";
    }
    if (!field.empty())
        text += field + ": ";
    return text + message;
}

}  // namespace

LoadError::LoadError(std::string file, int line, std::string field, const std::string& message)
    : std::runtime_error(describe(file, line, field, message)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)) {}

}  // namespace rapidfire::content
