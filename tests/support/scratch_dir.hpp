#pragma once
// A fresh directory under the system's temporary directory, removed with everything in it when
// the test is done.

#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace rapidfire::test {

class ScratchDir {
  public:
    explicit ScratchDir(const std::string& purpose = "test") {
        std::random_device random;
        path_ =
            std::filesystem::temp_directory_path() /
            ("rapidfire-" + purpose + "-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace rapidfire::test
