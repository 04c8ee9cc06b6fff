#pragma once

#include <QByteArray>
#include <QImage>
#include <optional>

namespace huike::ui {

// The shop's logo as a receipt printer prints it: a 1-bit raster (rows of (width + 7) / 8 bytes,
// a set bit a black dot), for GS v 0.
struct RasterLogo {
    int width = 0;
    int height = 0;
    QByteArray bits;
};

// A picture made printable: transparent parts white, scaled down to at most `maxWidth` dots wide
// (384 on 58 mm paper, 576 on 80 mm) and PrinterSettings::kMaxLogoHeight tall, then dithered to
// black and white. None when it is no picture.
std::optional<RasterLogo> rasterLogo(const QImage &picture, int maxWidth);
// The raster as it will look on paper, for the settings page.
QImage logoPreview(const RasterLogo &logo);

} // namespace huike::ui
