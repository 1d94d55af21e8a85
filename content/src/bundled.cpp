#include <cstdlib>

#include "rapidfire/content/loader.hpp"

#ifndef RAPIDFIRE_CONTENT_DIR
#error "RAPIDFIRE_CONTENT_DIR must name the content directory (content/CMakeLists.txt sets it)"
#endif

namespace rapidfire::content {

std::filesystem::path bundled_content_dir() {
    // The environment wins so that an installed or relocated server finds its content.
    if (const char* dir = std::getenv("RAPIDFIRE_CONTENT_DIR"); dir != nullptr && *dir != '\0') {
        return dir;
    }
    return RAPIDFIRE_CONTENT_DIR;
}

std::filesystem::path bundled_bank_path() {
    return bundled_content_dir() / "banks" / "ml-rapid-fire.json";
}

std::filesystem::path bundled_guide_path() {
    return bundled_content_dir() / "guides" / "ml-interview-guide.json";
}

}  // namespace rapidfire::content
