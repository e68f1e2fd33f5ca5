"""Reading PDFs back with poppler's command-line tools; a machine without them fails the test, never skips it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def poppler(tool: str, *arguments: str) -> str:
    """stdout of a poppler tool (pdftotext, pdfinfo, pdftoppm…) run on arguments."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: the PDF tests read PDFs back with poppler. "
                    "Install it: apt-get install poppler-utils (scripts/setup.sh does so)", pytrace=False)
    return subprocess.run([tool, *arguments], capture_output=True, text=True, check=True).stdout


def pdf_text(pdf: Path, *options: str) -> str:
    """The text of every page, pages separated by form feeds, in reading order (-raw)."""
    return poppler("pdftotext", "-raw", "-enc", "UTF-8", *options, str(pdf), "-")
