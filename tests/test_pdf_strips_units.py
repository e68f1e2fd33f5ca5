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
