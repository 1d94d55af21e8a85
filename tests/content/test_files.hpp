#pragma once
// Helpers for tests that need files on disk or expect a LoadError.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "rapidfire/content/loader.hpp"

namespace rapidfire::content::testing {

std::string read_text(const std::filesystem::path& path);

// A fresh directory under the system's temporary directory, removed with its files.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::filesystem::path write(const std::string& name, std::string_view contents) const;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// The LoadError that `action` throws; fails the calling test when it throws none.
LoadError load_error(const std::function<void()>& action);

}  // namespace rapidfire::content::testing
