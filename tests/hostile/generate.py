"""Hostile and broken files for tests/test_hostile.py, made at test time (issue 23: a tester's cases).

Each function writes one file at the path it is given and returns that path. None of them needs more than a
few MB or a second; the dangerous ones are dangerous only to a reader that trusts them (calamine, openpyxl,
pdfminer), never to the writer here.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_TIANHE_XLS = ROOT / "tests" / "data" / "containers" / "tianhe-2023-projects.xls"
_TIANHE_XLSX = ROOT / "tests" / "data" / "tianhe-2023-projects.xlsx"
# A published project table's header, as the importers find it by its labels.
TABLE_HEADER = ["序号", "项目名称", "预算单位", "总计", "财政拨款", "绩效目标", "绩效指标"]


def _published_workbook():
    """An openpyxl workbook holding a one-project published table."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "项目表"
    sheet.append(TABLE_HEADER)
    sheet.append([1, "人民调解经费", "区司法局本级", 100, 100, "化解矛盾纠纷", "1.产出指标-数量指标-调解案件数：≥100件"])
    return workbook


def far_cell_xlsx(path: Path) -> Path:
    """A small published table and one cell at XFD1048576: calamine asks for 549 GB and aborts the process."""
    workbook = _published_workbook()
    workbook.active["XFD1048576"] = "远"
    workbook.save(path)
    return path


def _patched_xlsx(path: Path, edit) -> Path:
    buffer = io.BytesIO()
    _published_workbook().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            target.writestr(item, data)
    return path


def far_merge_xlsx(path: Path) -> Path:
    """The same table with <mergeCell ref="A40:XFD1048576"/>: openpyxl makes an object per covered cell (10 GB)."""
    return _patched_xlsx(path, lambda xml: xml.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A40:XFD1048576"/></mergeCells>'))


def counted_cells_xlsx(path: Path) -> Path:
    """Cells written without a reference (legal), in a row numbered 1048576 with a tab before r on the row: their
    place is counted, so only a tag-by-tag look finds how far they reach."""
    return _patched_xlsx(path, lambda xml: xml.replace(
        b"</sheetData>", b'<row\tr = \'1048576\'><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))


def damaged_xlsx(path: Path) -> Path:
    """A workbook whose sheet XML breaks off in the middle of a cell: calamine's error is English."""
    return _patched_xlsx(path, lambda xml: xml[:xml.index(b"<sheetData>")] + b"<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7")


def looped_directory_xls(path: Path) -> Path:
    """tianhe-2023-projects.xls (32 KB, written by LibreOffice) with the FAT entry of its first directory sector
    pointing at itself: the directory chain loops, and calamine's memory grows without end."""
    data = bytearray(_TIANHE_XLS.read_bytes())
    size = 1 << struct.unpack_from("<H", data, 30)[0]
    directory = struct.unpack_from("<I", data, 48)[0]
    per_sector = size // 4
    fat_sector = struct.unpack_from("<109I", data, 76)[directory // per_sector]
    struct.pack_into("<I", data, (fat_sector + 1) * size + (directory % per_sector) * 4, directory)
    path.write_bytes(bytes(data))
    return path


def long_text_table(path: Path, rows: int = 600_000) -> Path:
    """A tab-separated project table of `rows` projects (about 30 MB at 600,000)."""
    lines = ["\t".join(TABLE_HEADER)]
    lines += [f"{n}\t项目{n}\t区司法局\t1.00\t1.00\t目标\t1.产出指标-数量指标-次数：1次" for n in range(1, rows + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def text_table_with_amount(path: Path, amount: str) -> Path:
    """A tab-separated table of two projects, the first with `amount` as its 总计."""
    lines = ["\t".join(TABLE_HEADER),
             f"1\t人民调解经费\t区司法局\t{amount}\t100.00\t化解矛盾纠纷\t1.产出指标-数量指标-调解案件数：≥100件",
             "2\t法律援助经费\t区司法局\t50.00\t50.00\t提供法律援助\t1.产出指标-数量指标-援助案件数：≥50件"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def editor_json(path: Path, *, year: str | None = None, amount: str | None = None) -> Path:
    """The editor's own JSON (a clean declaration), with the year's token and/or the first project's 总计
    replaced by the raw text given (a number of any length, unquoted, or a quoted string)."""
    from src.storage.editor_files.json_file import declaration_to_json
    from tests.builders import clean_declaration

    text = declaration_to_json(clean_declaration()).decode("utf-8")
    if year is not None:
        text = re.sub(r'"year": \d+', lambda _: f'"year": {year}', text, count=1)
    if amount is not None:
        text = re.sub(r'"total": "[^"]*"', lambda _: f'"total": {amount}', text, count=1)
    path.write_text(text, encoding="utf-8")
    return path


def json_with_wrong_type(path: Path) -> Path:
    """The editor's JSON with the department as a number: pydantic says 'Input should be a valid dictionary…'."""
    from src.storage.editor_files.json_file import declaration_to_json
    from tests.builders import clean_declaration

    document = json.loads(declaration_to_json(clean_declaration()))
    document["department"] = 5
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def encrypted_pdf(path: Path) -> Path:
    """A one-page PDF under the standard security handler (RC4, revision 2) whose user password is not empty:
    pdfminer raises PDFPasswordIncorrect, which pdfplumber wraps as PdfminerException."""
    owner, user, first_id = os.urandom(32), os.urandom(32), os.urandom(16)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <" + user.hex().encode() + b"> /P -44 >>",
    ]
    trailer = b" /Encrypt 4 0 R /ID [<" + first_id.hex().encode() + b"> <" + first_id.hex().encode() + b">]"
    return _pdf(path, objects, trailer)


def inflating_pdf(path: Path, megabytes: int = 300) -> Path:
    """A one-page PDF whose content stream (300 KB) inflates to `megabytes` MB of spaces."""
    import zlib

    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    stream = b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()
    return _pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ], b"")


def _pdf(path: Path, objects: list[bytes], trailer: bytes) -> Path:
    path.write_bytes(pdf_bytes(objects, trailer))
    return path


def pdf_bytes(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of the given objects (numbered from 1, the first the catalogue), its xref table computed; trailer
    holds extra trailer entries such as an /Encrypt."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def published_xlsx_copy(path: Path) -> Path:
    """A real published workbook (天河 2023), for `convert same.xlsx same.xlsx`."""
    path.write_bytes(_TIANHE_XLSX.read_bytes())
    return path


# ---- damaged web pages (issue 23 item 3) -------------------------------------------------------------------
_PAGE = ROOT / "tests" / "data" / "html" / "tianhe-2023-projects.html"


def cut_page(path: Path, where: str = "mid-row") -> Path:
    """The published page cut off as a stopped download leaves it: inside a row's cells, or just after a row."""
    data = _PAGE.read_bytes()
    end = data.lower().rfind(b"</table")
    row_end = data.lower().rfind(b"</tr>", 0, int(end * 0.8)) + len(b"</tr>")
    path.write_bytes(data[:int(end * 0.8)] if where == "mid-row" else data[:row_end])
    return path


def page_with_bad_bytes(path: Path) -> Path:
    """UTF-8 with two bytes no encoding has where 司法 was, once."""
    path.write_bytes(_PAGE.read_bytes().replace("司法".encode(), b"\xff\xfe", 1))
    return path


def half_base64_mht(path: Path, fraction: float = 0.5) -> Path:
    """An .mht whose base64 page stops part of the way (and with it the message's closing boundary)."""
    encoded = base64.encodebytes(_PAGE.read_bytes()).decode("ascii")
    cut = encoded[:int(len(encoded) * fraction)]
    path.write_text('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="B"\n\n--B\n'
                    'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n'
                    f"{cut}\n", encoding="ascii")
    return path
