#include "logo.h"

#include "sales/printer.h"

#include <QPainter>

namespace huike::ui {

std::optional<RasterLogo> rasterLogo(const QImage &picture, int maxWidth)
{
    if (picture.isNull() || maxWidth <= 0)
        return std::nullopt;
    // On white, as paper is: a transparent PNG's background must not print black.
    QImage flat(picture.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    {
        QPainter p(&flat);
        p.drawImage(0, 0, picture);
    }
    QImage scaled = flat;
    if (flat.width() > maxWidth || flat.height() > PrinterSettings::kMaxLogoHeight)
        scaled = flat.scaled(maxWidth, PrinterSettings::kMaxLogoHeight, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // Floyd-Steinberg, so that greys and photos print as dots rather than black blotches.
    const QImage mono = scaled.convertToFormat(QImage::Format_Mono, Qt::MonoOnly | Qt::DiffuseDither);
    RasterLogo logo;
    logo.width = mono.width();
    logo.height = mono.height();
    const int rowBytes = (logo.width + 7) / 8;
    logo.bits.resize(static_cast<qsizetype>(rowBytes) * logo.height);
    // Which of the two colours is black depends on the conversion: a set bit must be a dot.
    const bool indexOneIsBlack = qGray(mono.color(1)) < qGray(mono.color(0));
    for (int y = 0; y < logo.height; ++y) {
        const uchar *line = mono.constScanLine(y);
        for (int x = 0; x < rowBytes; ++x) {
            uchar b = line[x];
            if (!indexOneIsBlack)
                b = static_cast<uchar>(~b);
            // The last byte's spare bits are no dots.
            if (x == rowBytes - 1 && logo.width % 8 != 0)
                b &= static_cast<uchar>(0xff << (8 - logo.width % 8));
            logo.bits[static_cast<qsizetype>(y) * rowBytes + x] = static_cast<char>(b);
        }
    }
    return logo;
}

QImage logoPreview(const RasterLogo &logo)
{
    QImage out(logo.width, logo.height, QImage::Format_RGB32);
    out.fill(Qt::white);
    const int rowBytes = (logo.width + 7) / 8;
    for (int y = 0; y < logo.height; ++y)
        for (int x = 0; x < logo.width; ++x)
            if (static_cast<uchar>(logo.bits.at(static_cast<qsizetype>(y) * rowBytes + x / 8)) & (0x80 >> (x % 8)))
                out.setPixel(x, y, qRgb(0, 0, 0));
    return out;
}

} // namespace huike::ui
