"""Make the Word documents of this folder: tables generated from real declarations (the demo's projects, the 海珠
department form) as web pages by the same helpers the xlsx/web page tests use, converted to .docx by LibreOffice
Writer (a real producer: its tables carry w:gridSpan and w:vMerge as Word's do).

    .venv/bin/python tests/data/word/make_word_files.py      # needs soffice (libreoffice-writer-nogui or -calc-nogui)

tests/test_word_documents.py rebuilds the same sources and compares what each file reads to with them.
"""

from __future__ import annotations

import html
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
    for header_again in (True, False):
        made[f"table-split-{'header' if header_again else 'bare'}"] = split_table_html(projects(), header_again)
    return made


def split_table_html(chosen: list, header_again: bool) -> str:
    """The projects' table as a clerk types it into Word: its title and 部门名称：…　　单位：元 as paragraphs above
    it, amounts in 元, and the table broken in two after the second project by an empty paragraph (pasted in two
    goes), its header typed again above the second part or not."""
    from src.model.declaration import FUNDS_LABELS, PROJECT_LABELS
    from src.model.indicator_lines import indicator_lines

    def cell(text) -> str:
        return "<td>" + "<br>".join(html.escape(line) for line in str(text or "").split("\n")) + "</td>"

    header = "<tr>" + "".join(cell(label) for label in (
        PROJECT_LABELS["name"], PROJECT_LABELS["unit"], PROJECT_LABELS["period"], FUNDS_LABELS["total"],
        FUNDS_LABELS["fiscal"], FUNDS_LABELS["other"], PROJECT_LABELS["goal"], PROJECT_LABELS["indicators"])) + "</tr>"

    def row(project) -> str:
        funds = [f"{amount * 10000:.2f}" if amount is not None else "" for amount in
                 (project.funds.total, project.funds.fiscal, project.funds.other)]
        return "<tr>" + "".join(cell(text) for text in (
            project.name, project.unit, project.period, *funds, project.goal,
            "\n".join(indicator_lines(project.indicators)))) + "</tr>"

    first, second = chosen[:2], chosen[2:]
    return ("<html><body><p>2023年项目支出绩效目标表</p><p>部门名称：广州市天河区司法局\u3000\u3000单位：元</p>"
            f"<table border=\"1\">{header}{''.join(row(p) for p in first)}</table><p></p>"
            f"<table border=\"1\">{header if header_again else ''}{''.join(row(p) for p in second)}</table>"
            "</body></html>")


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
        # The split tables' documents saved again as web pages by Writer: a page made from a Word document.
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                        "html", "--outdir", str(HERE), *(str(HERE / f"table-split-{kind}.docx") for kind in ("header", "bare"))],
                       check=True, capture_output=True, timeout=300)
        # A Word 97-2003 .doc of one of them: not read, said (it shares the .xls's OLE2 box).
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                        "doc", "--outdir", str(HERE), str(HERE / "forms-beside.docx")], check=True, capture_output=True,
                       timeout=300)
    print("\n".join(sorted(path.name for path in HERE.glob("*.doc*")) + sorted(path.name for path in HERE.glob("*.html"))))


if __name__ == "__main__":
    main()
