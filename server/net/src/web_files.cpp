#include "web_files.hpp"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#ifndef RAPIDFIRE_WEB_DIR
#error "RAPIDFIRE_WEB_DIR must name the web client's folder (server/net/CMakeLists.txt sets it)"
#endif

namespace rapidfire::net {

namespace fs = std::filesystem;

namespace {

// Far above what the page needs; they stop a server pointed at a wrong folder from reading it.
constexpr std::size_t max_files = 2000;
constexpr std::uintmax_t max_file_bytes = 8 * 1024 * 1024;
constexpr std::uintmax_t max_total_bytes = 64 * 1024 * 1024;

// FNV-1a, 64 bits: stable across restarts, so a browser's copy stays valid after one.
std::string entity_tag(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return fmt::format("\"{:016x}-{:x}\"", hash, bytes.size());
}

// `path` (canonical) is `root` (canonical) or below it, compared by whole components.
bool is_inside(const fs::path& root, const fs::path& path) {
    auto r = root.begin();
    auto p = path.begin();
    for (; r != root.end(); ++r, ++p) {
        if (p == path.end() || *r != *p)
            return false;
    }
    return true;
}

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        return std::nullopt;
    return bytes;
}

}  // namespace

std::string content_type_of(std::string_view name) {
    const auto dot = name.rfind('.');
    const std::string_view ext = dot == std::string_view::npos ? "" : name.substr(dot + 1);
    if (ext == "html" || ext == "htm")
        return "text/html; charset=utf-8";
    if (ext == "css")
        return "text/css; charset=utf-8";
    if (ext == "js" || ext == "mjs")
        return "text/javascript; charset=utf-8";
    if (ext == "json" || ext == "map")
        return "application/json";
    if (ext == "webmanifest")
        return "application/manifest+json";
    if (ext == "svg")
        return "image/svg+xml";
    if (ext == "png")
        return "image/png";
    if (ext == "jpg" || ext == "jpeg")
        return "image/jpeg";
    if (ext == "webp")
        return "image/webp";
    if (ext == "ico")
        return "image/x-icon";
    if (ext == "woff2")
        return "font/woff2";
    if (ext == "txt" || ext == "md" || name.find('.') == std::string_view::npos)
        return "text/plain; charset=utf-8";  // also LICENSE and friends
    return "application/octet-stream";
}

std::shared_ptr<const WebFiles> WebFiles::load(const fs::path& folder) {
    auto files = std::make_shared<WebFiles>();
    std::error_code ec;
    const fs::path root = fs::canonical(folder, ec);
    if (ec || !fs::is_directory(root, ec)) {
        spdlog::warn("no web client at '{}': pages answer 404 (set RAPIDFIRE_WEB_DIR)",
                     folder.string());
        return files;
    }
    std::uintmax_t total = 0;
    // Symbolic links to folders are not followed; links to files are checked one by one.
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& path = it->path();
        const std::string name = path.filename().string();
        if (name.empty() || name.front() == '.') {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        const auto status = it->symlink_status(ec);
        if (ec)
            break;
        fs::path target = path;
        if (fs::is_symlink(status)) {
            std::error_code link_ec;
            target = fs::canonical(path, link_ec);
            if (link_ec || !is_inside(root, target) || !fs::is_regular_file(target, link_ec)) {
                spdlog::warn("web client: skipped '{}', a link that leads outside its folder",
                             path.lexically_relative(root).generic_string());
                continue;
            }
        } else if (!fs::is_regular_file(status)) {
            continue;
        }
        const auto size = fs::file_size(target, ec);
        if (ec)
            break;
        if (size > max_file_bytes || total + size > max_total_bytes ||
            files->files_.size() >= max_files) {
            spdlog::warn("web client: skipped '{}': over the size or file limits",
                         path.lexically_relative(root).generic_string());
            continue;
        }
        auto bytes = read_file(target);
        if (!bytes) {
            spdlog::warn("web client: cannot read '{}'", path.string());
            continue;
        }
        total += bytes->size();
        auto file = std::make_shared<WebFile>();
        file->content_type = content_type_of(name);
        file->etag = entity_tag(*bytes);
        file->bytes = std::move(*bytes);
        files->files_.emplace(path.lexically_relative(root).generic_string(), std::move(file));
    }
    if (ec)
        spdlog::warn("web client: stopped reading '{}': {}", root.string(), ec.message());
    spdlog::info("web client: {} file(s), {} bytes, from '{}'", files->files_.size(), total,
                 root.string());
    return files;
}

std::shared_ptr<const WebFile> WebFiles::find(const std::string& relative) const {
    const auto it = files_.find(relative);
    return it == files_.end() ? nullptr : it->second;
}

fs::path bundled_web_dir() {
    // The environment wins, as for the content, so a relocated server finds its pages.
    if (const char* dir = std::getenv("RAPIDFIRE_WEB_DIR"); dir != nullptr && *dir != '\0')
        return dir;
    std::error_code ec;
    const fs::path built = RAPIDFIRE_WEB_DIR;
    if (fs::is_directory(built, ec))
        return built;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "rapidfire" / "web";
        if (fs::is_directory(installed, ec))
            return installed;
    }
    return built;
}

}  // namespace rapidfire::net
