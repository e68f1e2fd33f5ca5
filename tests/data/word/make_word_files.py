"""Make the Word documents of this folder: tables generated from real declarations (the demo's projects, the 海珠
department form) as web pages by the same helpers the xlsx/web page tests use, converted to .docx by LibreOffice
Writer (a real producer: its tables carry w:gridSpan and w:vMerge as Word's do).

    .venv/bin/python tests/data/word/make_word_files.py      # needs soffice (libreoffice-writer-nogui or -calc-nogui)

tests/test_word_documents.py rebuilds the same sources and compares what each file reads to with them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import department_forms, indicator_rows, project_forms  # noqa: E402
from tests.helpers.word_sources import department, projects  # noqa: E402


def pages() -> dict[str, str]:
    made = {f"forms-{layout}": project_forms.page_html(projects(), layout)
            for layout in ("beside", "split", "two_tables", "evaluation")}
    made["indicator-rows"] = indicator_rows.page_html(projects())
    made["department-template"] = department_forms.page_html(department(), "two")
    return made


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        sources = []
        for name, html in pages().items():
            path = Path(folder) / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            sources.append(str(path))
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", str(HERE), *sources], check=True, capture_output=True,
                       timeout=300)
        # A Word 97-2003 .doc of one of them: not read, said (it shares the .xls's OLE2 box).
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                        "doc", "--outdir", str(HERE), str(HERE / "forms-beside.docx")], check=True, capture_output=True,
                       timeout=300)
    print("\n".join(sorted(path.name for path in HERE.glob("*.doc*"))))


if __name__ == "__main__":
    main()
