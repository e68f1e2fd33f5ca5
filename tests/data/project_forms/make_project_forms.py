"""Remake the per-project forms LibreOffice saves as .xls, .ods and .pdf (committed beside this script): the first four
projects of the 天河 2023 demo in the "beside" layout (tests/helpers/project_forms.py), written as .xlsx by openpyxl
and converted by LibreOffice headless, as a clerk's 另存为 does.

    PYTHONPATH=. .venv/bin/python tests/data/project_forms/make_project_forms.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import libreoffice_copy  # noqa: E402
from src.storage.infra.files import open_declaration  # noqa: E402
from tests.helpers.project_forms import workbook_bytes  # noqa: E402

SOURCE = ROOT / "resources" / "demo-tianhe-2023.json"
COUNT = 4


def main() -> int:
    projects = open_declaration(SOURCE).declaration.projects[:COUNT]
    with tempfile.TemporaryDirectory() as folder:
        xlsx = Path(folder) / "tianhe-forms.xlsx"
        xlsx.write_bytes(workbook_bytes(projects, "beside"))
        for extension in (".xls", ".ods", ".pdf"):
            made = libreoffice_copy(xlsx, extension, Path(folder))
            if made is None:
                print("LibreOffice is not installed", file=sys.stderr)
                return 1
            (HERE / made.name).write_bytes(made.read_bytes())
            print(HERE / made.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
