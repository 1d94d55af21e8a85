#include "test_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rapidfire::content::testing {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

TempDir::TempDir() {
    auto pattern = (std::filesystem::temp_directory_path() / "rapidfire-content-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::write(const std::string& name, std::string_view contents) const {
    const auto file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out << contents;
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
    return file;
}

LoadError load_error(const std::function<void()>& action) {
    try {
        action();
    } catch (const LoadError& error) {
        return error;
    }
    ADD_FAILURE() << "expected a LoadError";
    return LoadError("", 0, "", "no error");
}

}  // namespace rapidfire::content::testing
