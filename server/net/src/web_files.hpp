#pragma once
// The browser client's files (client/web/): found like the bundled content, read once when the
// server starts and served from memory, so a request never waits on the disk and nothing here
// can stall a room's strand. The folder is read-only while the server runs: a changed file is
// served after a restart. Only files inside the folder are ever read: a symbolic link counts
// when its target is a file inside the folder too, dot-files and dot-folders are left out.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rapidfire::net {

struct WebFile {
    std::string bytes;
    std::string content_type;  // with "; charset=utf-8" for text
    std::string etag;          // a strong entity tag, quotes included, from the content
};

class WebFiles {
  public:
    // Reads the files under `root` (none when it is missing: every page is then a 404). Logs
    // what it skips and stops at generous limits, in case it is pointed at a wrong folder.
    static std::shared_ptr<const WebFiles> load(const std::filesystem::path& root);

    // The file at `relative` ("index.html", "js/app.js"), or null.
    std::shared_ptr<const WebFile> find(const std::string& relative) const;
    std::size_t count() const { return files_.size(); }

  private:
    std::unordered_map<std::string, std::shared_ptr<const WebFile>> files_;
};

// $RAPIDFIRE_WEB_DIR, else the source tree's client/web when it exists (a build tree), else
// share/rapidfire/web next to the executable's bin/ (an installed server).
std::filesystem::path bundled_web_dir();

// The Content-Type for a file name, by its extension.
std::string content_type_of(std::string_view name);

}  // namespace rapidfire::net
