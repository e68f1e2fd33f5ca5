"""Export a workbook to PDF with LibreOffice after giving every row its optimal height (Format → Rows →
Optimal Height), as a clerk does before printing a table whose wrapped text the row heights hide.

Run with the system Python that has LibreOffice's UNO bridge (Debian: python3-uno), not the venv:

    /usr/bin/python3 tests/data/pdf/lo_fitted_pdf.py IN.xlsx OUT.pdf [--no-borders]

--no-borders also takes every cell border away first: a table printed without ruling lines.

It starts its own headless soffice on a private profile (others may run soffice at the same time).
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def main(source: str, target: str, no_borders: bool = False) -> None:
    pipe = f"lo-fitted-{os.getpid()}"
    profile = Path(tempfile.gettempdir()) / "lo-profile-fitted"
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                               "--norestore", f"--accept=pipe,name={pipe};urp;"])
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
        for _ in range(100):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.2)
        else:
            raise SystemExit("soffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(Path(source).resolve())), "_blank", 0,
                                                (prop("Hidden", True),))
        for index in range(document.Sheets.Count):
            sheet = document.Sheets.getByIndex(index)
            if no_borders:
                cursor = sheet.createCursor()
                cursor.gotoEndOfUsedArea(False)
                used = sheet.getCellRangeByPosition(0, 0, cursor.RangeAddress.EndColumn, cursor.RangeAddress.EndRow)
                none = uno.createUnoStruct("com.sun.star.table.BorderLine2")
                for side in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder"):
                    used.setPropertyValue(side, none)
                    for r in range(cursor.RangeAddress.EndRow + 1):  # per cell too: merged cells keep their own
                        for c in range(cursor.RangeAddress.EndColumn + 1):
                            sheet.getCellByPosition(c, r).setPropertyValue(side, none)
            sheet.Rows.OptimalHeight = True
        document.storeToURL(uno.systemPathToFileUrl(str(Path(target).resolve())), (prop("FilterName", "calc_pdf_Export"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away as soffice quits
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--no-borders" in sys.argv[3:])
