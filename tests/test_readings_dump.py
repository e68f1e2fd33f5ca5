"""Every file in tests/data reads to what tests/data/readings.json recorded (scripts/dump_readings.py).

The dump was committed before the house's rooms moved and before the readers change: a change in what a
clerk's file opens to must be made on purpose — regenerate the dump in the same commit and say why."""

import json

import pytest

from scripts.dump_readings import DATA, data_files, reading

pytestmark = pytest.mark.corpus
RECORDED = json.loads((DATA / "readings.json").read_text(encoding="utf-8"))


def test_the_dump_covers_every_data_file():
    assert sorted(RECORDED) == [p.relative_to(DATA).as_posix() for p in data_files()]


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_reads_as_recorded(name):
    assert reading(DATA / name) == RECORDED[name]
