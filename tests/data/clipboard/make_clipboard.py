"""Write what LibreOffice Calc puts on the clipboard when a clerk selects a range and copies it.

Run with the system Python that has LibreOffice's `uno` module (Debian: python3-uno), from the repository root:

    /usr/bin/python3 tests/data/clipboard/make_clipboard.py

It starts soffice headless with a private profile, opens the example workbooks of tests/data, selects each
range below and asks the view for its transferable: the object Calc's Copy hands to the system clipboard. Its
text/html flavour is written as NAME.html (bytes as given), its text/plain;charset=utf-16 flavour as NAME.txt
(UTF-8). Nothing is edited by hand afterwards.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
PIPE = "perf_target_clipboard"

# name: (workbook, range, columns to delete first (0-based, deleted from the right), what a clerk copies)
# An edit before the copy, as a clerk types it in Calc: (cell, text to find in it, what it becomes).
EDITS = {
    # Alt+Enter inside a 三级 cell and a quoted word: Calc quotes such a cell in its text/plain.
    "haizhu-indicators-multiline": ("D14", "（小时）", '\n（"小时"）'),
}
COPIES = {
    "tianhe-projects": ("tianhe-2023-projects.xlsx", "A1:G28", (), "the whole published project table"),
    "tianhe-three-projects": ("tianhe-2023-projects.xlsx", "A4:G9", (),
                              "the header, the 合计 and department rows and the first three projects"),
    "haizhu-indicators": ("haizhu-department.xlsx", "B13:F23", (), "the 绩效指标 block: header and 10 rows, 一级/二级 merged"),
    "haizhu-indicators-3col": ("haizhu-department.xlsx", "B13:D23", (4, 2),
                               "the same block after deleting the 实施周期指标值 and 二级指标 columns in Calc"),
    "haizhu-indicators-multiline": ("haizhu-department.xlsx", "B13:F16", (),
                                    "header and three rows, one 三级 cell with a line break and quotes (EDITS)"),
    "tianhe-indicator-cell": ("tianhe-2023-projects.xlsx", "G7", (), "one 绩效指标 cell, 天河 style"),
    "panyu-indicator-cell": ("panyu-2022-projects.xlsx", "E4", (), "one 绩效指标 cell, 番禺 style"),
}


def connect():
    soffice = subprocess.Popen(["soffice", "-env:UserInstallation=file:///tmp/lo-profile-clipboard", "--headless",
                                "--invisible", "--nologo", "--norestore", f"--accept=pipe,name={PIPE};urp;"])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            context = resolver.resolve(f"uno:pipe,name={PIPE};urp;StarOffice.ComponentContext")
            return soffice, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:  # soffice is still starting
            time.sleep(0.5)
    soffice.kill()
    sys.exit("soffice did not start")


def copy(desktop, workbook: str, cells: str, deleted: tuple[int, ...], edit) -> tuple[bytes, str]:
    hidden = (PropertyValue("Hidden", 0, True, 0),)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(DATA / workbook)), "_blank", 0, hidden)
    try:
        sheet = document.Sheets.getByIndex(0)
        for column in deleted:
            sheet.Columns.removeByIndex(column, 1)
        if edit is not None:
            cell = sheet.getCellRangeByName(edit[0])
            cell.setString(cell.getString().replace(edit[1], edit[2]))
        view = document.getCurrentController()
        view.select(sheet.getCellRangeByName(cells))
        transferable = view.getTransferable()
        flavours = {f.MimeType: f for f in transferable.getTransferDataFlavors()}
        html = bytes(transferable.getTransferData(flavours["text/html"]).value)
        text = transferable.getTransferData(flavours["text/plain;charset=utf-16"])
        return html, text
    finally:
        document.close(True)


def main() -> None:
    soffice, desktop = connect()
    try:
        for name, (workbook, cells, deleted, _what) in COPIES.items():
            html, text = copy(desktop, workbook, cells, deleted, EDITS.get(name))
            (HERE / f"{name}.html").write_bytes(html)
            (HERE / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
            print(name, len(html), len(text))
    finally:
        try:
            desktop.terminate()
        except Exception:  # the bridge goes down with soffice
            pass
        soffice.wait(60)


if __name__ == "__main__":
    main()
