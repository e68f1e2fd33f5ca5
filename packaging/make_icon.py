"""The editor's icon, drawn with Qt (no font needed, so it renders the same on any build machine).

    python packaging/make_icon.py OUTDIR

writes OUTDIR/perf-target-editor.png (256 px), OUTDIR/perf-target-editor.ico (16–256 px, PNG-compressed
entries as Windows Vista+ reads them) and OUTDIR/hicolor/NxN/apps/perf-target-editor.png for the Linux
icon theme. The copies in resources/ were made with this script.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

NAME = "perf-target-editor"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def render(size: int):
    """One size of the icon: a red tile, a white form sheet with lines and rising gold bars."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 64.0, size / 64.0)  # drawn on a 64-unit grid

    tile = QLinearGradient(QPointF(0, 0), QPointF(0, 64))
    tile.setColorAt(0, QColor("#d8342b"))
    tile.setColorAt(1, QColor("#a81c1c"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(tile)
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12)

    sheet = QPainterPath()  # a page with its top-right corner folded
    sheet.moveTo(14, 9)
    sheet.lineTo(40, 9)
    sheet.lineTo(50, 19)
    sheet.lineTo(50, 55)
    sheet.lineTo(14, 55)
    sheet.closeSubpath()
    p.setBrush(QColor("#ffffff"))
    p.drawPath(sheet)
    fold = QPainterPath()
    fold.moveTo(40, 9)
    fold.lineTo(40, 19)
    fold.lineTo(50, 19)
    fold.closeSubpath()
    p.setBrush(QColor("#f1c9c4"))
    p.drawPath(fold)

    if size >= 24:  # text lines only where they stay lines
        p.setPen(QPen(QColor("#9e9e9e"), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for y, right in ((16, 34), (22, 44)):
            p.drawLine(QPointF(19, y), QPointF(right, y))
        p.setPen(Qt.PenStyle.NoPen)

    p.setBrush(QColor("#f2a900"))
    for x, top in ((19, 41), (28, 35), (37, 28)):
        p.drawRoundedRect(QRectF(x, top, 7, 50 - top), 1.2, 1.2)
    p.setPen(QPen(QColor("#a81c1c"), 2.0))
    p.drawLine(QPointF(17, 50.5), QPointF(47, 50.5))
    p.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNG streams (read by Windows Vista and later, and by Inno Setup)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = [], []
    for size, blob in sorted(pngs.items()):
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


_APP = []  # the QGuiApplication that drawing needs, kept alive


def write_all(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _APP.append(QGuiApplication.instance() or QGuiApplication([sys.argv[0]]))
    pngs = {size: png_bytes(render(size)) for size in sorted(set(HICOLOR_SIZES) | set(ICO_SIZES))}
    out.mkdir(parents=True, exist_ok=True)
    written = [out / f"{NAME}.png", out / f"{NAME}.ico"]
    written[0].write_bytes(pngs[256])
    written[1].write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
        written.append(target)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} OUTDIR")
    for path in write_all(Path(sys.argv[1])):
        print(path)
