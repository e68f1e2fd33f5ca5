"""A ruled table printed in strips whose band begins with rows merged across the strip border
(tests/data/pdf/strips/make_merged_across.py): the strip's page draws no table there, only the lines between the
rows, and those lines are the band's row borders."""

from __future__ import annotations

from pathlib import Path

from src.storage.containers.pdf.table import read_pdf_sections

DATA = Path(__file__).resolve().parent / "data" / "pdf" / "strips"


def test_a_row_border_drawn_outside_the_strips_table_cuts_the_bands_rows():
    """Two rows merged across, beside cells merged down over both: read as one cell, the second row's text joined to
    the first's (seed 32's f003, not fitted: the 2019 form's 其中：部门年度整体预算完成率 lost into the key indicator
    above it, unsaid)."""
    rows = [list(map(str, row)) for section in read_pdf_sections(DATA / "merged-across.pdf").sections
            for row in section.rows]
    merged = [row for row in rows if row[:2] == ["合并", "合并说明"]]
    assert [row[2] for row in merged] == ["第一行合并文字：工程量完成率", "第二行合并文字：预算完成率100%"], merged
    assert [row[0] for row in rows if row[0].isdigit()] == ["1", "2", "3", "4", "5"]


def test_text_beside_the_table_equal_to_another_cells_of_its_row_is_still_placed():
    """Text beside a strip's table is skipped when a cell of its row holds it already (drawn whole on another page,
    in a cell there), but only a cell where it lies: the merged row's 0.00, beside a 0.00 merged down in the first
    strip, was dropped (seed 29's d014, not fitted: 拟用于对下转移支付资金 0.00 beside 其他事业发展性支出 0.00, unsaid)."""
    rows = [list(map(str, row)) for section in read_pdf_sections(DATA / "merged-across-same-text.pdf").sections
            for row in section.rows]
    merged = [row for row in rows if row[:2] == ["合并", "0.00"]]
    assert [row[2] for row in merged] == ["第一行合并文字：工程量完成率", "0.00"], merged
