"""Every limit on what the editor opens, as one named constant each (docs/limits.md says them to users).

Reaching a limit is never a silent cut: the file is refused with a message that names the limit, or — where
the rest of the file is still a whole declaration — it opens with a 导入说明 saying what was left out.

    文件大小            MAX_FILE_BYTES          200 MB    any file, checked before a byte of it is read
    解压后大小          MAX_UNPACKED_BYTES      1 GB      an xlsx/ods/xlsb unpacked (and MAX_PACK_RATIO 200:1 above
                                                         50 MB: a zip bomb)
    网页大小            MAX_PAGE_BYTES          100 MB    a saved web page (lxml needs ~8× its size)
    表格行数            MAX_TABLE_ROWS          500,000   rows of one sheet, lines of a text file, rows of a web table
    表格列数            MAX_TABLE_COLUMNS       200       columns read; content further right is left out, with a note
    单元格数            MAX_SHEET_CELLS         10 M      rows × columns of one sheet (to its last filled cell)
    合并单元格          MAX_MERGED_CELLS        1 M       cells covered by one sheet's merged ranges
    项目数              MAX_PROJECTS            100,000   projects in one declaration (a city-wide file has 20,000)
    绩效指标数          MAX_INDICATORS          1 M       indicators in one declaration (a city-wide file has 200,000)
    PDF 页数            MAX_PDF_PAGES           2,500     pages (pdfminer: ~0.1 s and ~2 MB a page)
    PDF 每页字符        MAX_PDF_CHARS_PER_PAGE  200,000   characters on one page
    PDF 数据流解压后    MAX_PDF_STREAM_BYTES    256 MB    one stream of a PDF, inflated
    PDF 每页表格识别    MAX_PDF_TABLE_SECONDS   10 s      between two pages' progress reports of the reading worker
    读取时间            MAX_READ_SECONDS        600 s     one read in the worker process (a 2,500-page PDF: ~4 min)
    读取内存            MAX_READER_MEMORY       4 GB      the worker process's address space (Windows: its committed memory)
    读出的内容          MAX_CONTENTS_BYTES      384 MB    the grids the worker sends back, pickled: what the editor's own
                                                         process then holds and recognises
    金额整数位          MAX_AMOUNT_DIGITS       15        digits before the decimal point of an amount in 万元
    预算年度            YEAR_MIN … YEAR_MAX     1900–2100

The reading limits are kept by storage/readers/worker.py, which reads every container but the editor's own JSON in a
child process: a native abort, a runaway allocation or an endless loop there ends that process, not the editor.

What happens at an absurd value: in the editor's own files (JSON, its workbook) the file is refused naming the
field; in an imported table the field is left empty with a 导入说明.

This module imports nothing of the project: containers, recognisers and the editor's formats all take their
limits from here.
"""

from __future__ import annotations

MB = 1024 * 1024

MAX_FILE_BYTES = 200 * MB
MAX_UNPACKED_BYTES = 1024 * MB
MAX_PACK_RATIO = 200  # unpacked : packed, for archives over PACK_RATIO_FROM unpacked
PACK_RATIO_FROM = 50 * MB
MAX_PAGE_BYTES = 100 * MB  # a 41 MB page takes ~310 MB parsed; published pages are a few MB

MAX_TABLE_ROWS = 500_000  # the city-wide file (200,000 indicators) has 200,003 rows on its longest sheet
MAX_TABLE_COLUMNS = 200
MAX_SHEET_CELLS = 10_000_000  # the 200,000-indicator declaration's largest sheet has 1.4 million
MAX_MERGED_CELLS = 1_000_000  # openpyxl makes an object for every cell a merged range covers

MAX_PROJECTS = 100_000
MAX_INDICATORS = 1_000_000

MAX_PDF_PAGES = 2500
MAX_PDF_CHARS_PER_PAGE = 200_000
MAX_PDF_STREAM_BYTES = 256 * MB
MAX_PDF_TABLE_SECONDS = 10  # a page of this editor's print takes 0.1 s; the dense 14,400 pt page took 65 s
MAX_READ_SECONDS = 600  # the benchmark's 2,000-page PDF takes ~3 min here
MAX_READER_MEMORY = 4096 * MB  # address space: the worker starts at ~0.15 GB; the 200,000-indicator file peaks at
# 0.7 GB (xlsx), 0.8 GB (text), 0.9 GB (web page), a 2,000-page PDF at 0.2 GB; a 500,000-row text ~2 GB (extrapolated)
MAX_CONTENTS_BYTES = 384 * MB  # the 200,000-indicator workbook's grids pickle to 66 MB (~175 MB once unpickled); a
# declaration at MAX_PROJECTS with 10 indicators each, ~330 MB

# The model's own bounds (model/amounts.MAX_INTEGER_DIGITS, model/declaration.YEAR_MIN/MAX), repeated so that this
# module stays the one list of limits and the containers, which may not import the model, can read it;
# tests/test_hostile.py checks they agree. The model says why a value is beyond them (amounts.beyond_limit,
# declaration.year_beyond_limit).
MAX_AMOUNT_DIGITS = 15
YEAR_MIN, YEAR_MAX = 1900, 2100


def megabytes(size: int) -> str:
    """'312 MB' — a size for messages, rounded up so that a file just over a limit does not read as equal to it."""
    return f"{-(-size // MB):,} MB"

