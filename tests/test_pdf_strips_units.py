"""A table without ruling lines printed in strips whose units are subtotal rows (tests/data/pdf/strips/
unit-row-at-band-foot.pdf: seed 24's p040.pdf of the corpus, 16 pages in 4 strips of 4 bands, as Calc printed it).

Each band holds a project or two, so the layout cuts the columns of a band's page around one project's row (the
template), and the unit's name lined up with one other unit's only: 区公证处, short, left-aligned in the wide
项目名称 column, has its middle on the 序号 side of the line cut midway between the labels. It was read as a 序号 and
the next project took the unit above, unsaid. The template's own name begins at that edge too: it counts."""

from __future__ import annotations

from pathlib import Path

from src.storage.infra.files import open_declaration

PDF = Path(__file__).resolve().parent / "data" / "pdf" / "strips" / "unit-row-at-band-foot.pdf"
UNITS = [  # the corpus's facts (build/corpus-seed24/manifest.json)
    ("社区矫正服务项目经费（00001）", "区社区矫正中心"), ("人民调解补贴资金（00002）", "区公证处"),
    ("公共法律服务工作经费（00003）", "区公职律师事务所"), ("普法宣传工作经费（00004）", "区司法局本级"),
    ("律师管理补贴资金（00005）", "区司法局本级"), ("安置帮教工作经费（00006）", "区司法局本级"),
    ("公共法律服务服务项目经费（00007）", "区法律援助处"),
]


def test_a_short_unit_name_at_a_bands_foot_is_read_as_the_unit():
    declaration = open_declaration(PDF).declaration
    assert [(project.name, project.unit) for project in declaration.projects] == UNITS


def test_a_short_name_the_columns_were_cut_around_under_the_serials_side_is_the_projects_name():
    """Seed 55's p048 as Calc printed it (not fitted, portrait, no borders, rows generous; the fifteenth session's
    last fresh check, its one silent file read afterwards: a tuning file now): four strips of two bands, the first
    band's page holding 合计 and two projects. The columns are cut around 调解经费's row (no 序号 in it: the number is
    centred lower in the tall row, a row of its own), and the line between 序号 and 项目名称, midway between their
    labels, runs through the short name: read under 序号, the row was skipped as having no name, the project lost
    with only the 合计's mismatch said. A row with a project's cells and no name whose 序号 holds a text that is no
    number is that project's, its name said as taken from there. Facts from the corpus's manifest."""
    opened = open_declaration(PDF.parent / "short-name-of-the-template-row-under-serial.pdf")
    projects = opened.declaration.projects
    assert [(project.name, project.unit, str(project.funds.total)) for project in projects] == [
        ("调解经费", "区司法局本级", "5377.54"), ("司法社会工作项目", "区司法局本级", "5101.20"),
        ("法规咨询业务工作经费", "广州市番禺区法规咨询办公室", "271.78")]
    assert len(projects[0].indicators) == 4
    said = [note for note in opened.notes if "序号一格中的“调解经费”不是序号" in note]
    assert [note.location for note in said] == ["projects[0]"]
    assert not any(note.startswith("需核对") for note in opened.notes)
