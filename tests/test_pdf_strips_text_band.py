"""A 2019 form without ruling lines, not fitted to the page's width, printed in strips (tests/data/pdf/strips/
form2019-merged-cells-band.pdf: f004 of the corpus of seed 30, `scripts/make_corpus.py --seed 30`, as Calc printed
it; a tuning file).

Its 年度主要支出计划 band is all merged cells on its first strip's page: LibreOffice clips the text of a merged cell
to the cell, and four such clips tiling the page look like a producer that clips every cell, so that page alone
had a table (clips.clip_edges) while its strip partner, plain text, had none and no strip's columns to borrow: the
file was refused whole. Such a band is joined by its text, as the bands of a table without ruling lines are.

On its first page the 部门职能概述 cell holds a blank line; read by layout it is two rows, the second with no label.
The functions go on there."""

from __future__ import annotations

from pathlib import Path

from src.storage.infra.files import open_declaration

PDF = Path(__file__).resolve().parent / "data" / "pdf" / "strips" / "form2019-merged-cells-band.pdf"


def test_a_band_whose_only_table_is_a_page_of_clipped_merged_cells_is_joined_by_its_text():
    opened = open_declaration(PDF)
    department = opened.declaration.department
    assert len(department.indicators) == 11
    assert len(department.tasks) == 8
    assert any("推动司法社工项目体系建设" in (task.name or "") for task in department.tasks)
    assert any("按列分页打印" in note for note in opened.notes)


def test_a_label_value_read_as_two_rows_goes_on_into_the_row_without_a_label():
    functions = open_declaration(PDF).declaration.department.functions
    assert functions.startswith("天河区司法局是区人民政府工作部门。主要职责包括：")
    assert "1.贯彻执行国家法律" in functions and functions.endswith("交办的其他事项。")
