"""Every file in tests/data reads to what tests/data/readings.json recorded (scripts/dump_readings.py).

The dump was committed before the house's rooms moved and before the readers change: a change in what a
clerk's file opens to must be made on purpose — regenerate the dump in the same commit and say why."""

import json

import pytest

from scripts.dump_readings import DATA, data_files, reading

pytestmark = pytest.mark.corpus
RECORDED = json.loads((DATA / "readings.json").read_text(encoding="utf-8"))


def test_the_dump_covers_every_data_file():
    # both sorted as strings: Path order (pdf/ before pdf-form2019/) is not the strings' order
    assert sorted(RECORDED) == sorted(p.relative_to(DATA).as_posix() for p in data_files())


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_reads_as_recorded(name):
    assert reading(DATA / name) == RECORDED[name]


def test_no_import_note_speaks_the_programs_internal_names():
    """导入说明 name places with the form's labels and the source as it is (工作表“…”, 第 N 页, 网页中的表格1,
    文本, 剪贴板中的表格): never a schema path such as department.budget.basic, nor a file name posing as a sheet."""
    import re

    schema_path = re.compile(r"(?<![\w-])(?:department|projects)(?:\[\d+\])?\.[a-z_]|projects\[\d+\]|\b[a-z_]+\[\d+\]\.")
    for name, recorded in RECORDED.items():
        for note in recorded.get("notes", []):
            assert not schema_path.search(note), (name, note)
            assert f"工作表“{name.rsplit('/', 1)[-1]}”" not in note, (name, note)
