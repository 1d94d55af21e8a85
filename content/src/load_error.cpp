#include <utility>

#include "rapidfire/content/loader.hpp"

namespace rapidfire::content {
namespace {

// "file:line:column: field: message", leaving out whatever is unknown, like a compiler does.
std::string describe(const std::string& file, int line, int column, const std::string& field,
                     const std::string& message) {
    std::string text;
    if (!file.empty()) {
        text += file;
        if (line > 0) {
            text += ":" + std::to_string(line);
            if (column > 0)
                text += ":" + std::to_string(column);
        }
        text += ": ";
    }
    if (!field.empty())
        text += field + ": ";
    return text + message;
}

}  // namespace

LoadError::LoadError(std::string file, int line, std::string field, const std::string& message)
    : LoadError(std::move(file), line, 0, std::move(field), message) {}

LoadError::LoadError(std::string file, int line, int column, std::string field,
                     const std::string& message)
    : std::runtime_error(describe(file, line, column, field, message)),
      file_(std::move(file)),
      line_(line),
      column_(line > 0 ? column : 0),
      field_(std::move(field)) {}

}  // namespace rapidfire::content
