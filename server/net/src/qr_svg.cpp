#include "qr_svg.hpp"

#include <memory>

#include <fmt/format.h>
#include <qrencode.h>

namespace rapidfire::net {

namespace {

constexpr int quiet_zone = 4;  // modules of light border the QR standard asks for

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<std::string> qr_svg(std::string_view text) {
    const std::string input(text);
    // 8-bit mode, case kept: a URL's path is case-sensitive.
    std::unique_ptr<QRcode, QrFree> code(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        return std::nullopt;
    const int width = code->width;
    const int size = width + 2 * quiet_zone;
    std::string svg =
        fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" width="{1}" )"
                    R"(height="{1}" shape-rendering="crispEdges">)"
                    R"(<rect width="{0}" height="{0}" fill="#fff"/><path fill="#000" d=")",
                    size, size * 8);
    // One horizontal run of dark modules per subpath.
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width;) {
            if ((code->data[y * width + x] & 1) == 0) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < width && (code->data[y * width + x + run] & 1) != 0)
                ++run;
            svg += fmt::format("M{} {}h{}v1h-{}z", x + quiet_zone, y + quiet_zone, run, run);
            x += run;
        }
    }
    svg += "\"/></svg>\n";
    return svg;
}

}  // namespace rapidfire::net
