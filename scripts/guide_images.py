"""The guide's pictures (resources/guide/images), from the program's own screenshots in docs/screenshots (made by
scripts/screenshots.py; main-window.png by an offscreen grab of the window with the demo), scaled to 900 px wide:
QTextBrowser shows an image at its own size and does not shrink it to the page.

    .venv/bin/python -m scripts.guide_images
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
IMAGES = ROOT / "resources" / "guide" / "images"
# guide picture ← screenshot
PICTURES = {"main-window.png": "main-window.png", "problems.png": "fix-offered.png", "next-year.png": "next-year.png",
            "compare.png": "compare.png", "print-preview.png": "print-summary.png"}
WIDTH = 900


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    IMAGES.mkdir(parents=True, exist_ok=True)
    for picture, shot in PICTURES.items():
        image = QImage(str(SHOTS / shot))
        if image.isNull():
            print(f"缺少截图 {shot}（先运行 scripts/screenshots.py）", file=sys.stderr)
            return 1
        if image.width() > WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        image.save(str(IMAGES / picture), "PNG")
        print(f"{picture} ← {shot} ({image.width()}×{image.height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
