#pragma once
// The QR code of a text (a join link) as an SVG picture. libqrencode does the encoding; this
// only draws its module matrix.

#include <optional>
#include <string>
#include <string_view>

namespace rapidfire::net {

// An SVG of `text`'s QR code (error correction M, the smallest version that holds it), with a
// quiet zone of 4 modules, one module per user unit; nothing when the text does not fit.
std::optional<std::string> qr_svg(std::string_view text);

}  // namespace rapidfire::net
