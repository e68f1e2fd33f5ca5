"""Schema version 2: the fields issue 15 adds, version 1 files migrated in memory, version 3 refused."""

import json
import subprocess
import sys

import openpyxl
import pytest

from src.model import paths
from src.model.declaration import Indicator, Project, Review, field_label
from src.storage.editor_files.json_file import _declaration_from_json_slowly, declaration_from_json, declaration_to_json
from src.storage.editor_files.workbook import DETAIL_SHEET, PROJECT_SHEET
from src.storage.editor_files.workbook_columns import EDITOR_SHEET
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration, save_declaration
from tests.builders import clean_declaration


def _with_new_fields():
    declaration = clean_declaration()
    project = declaration.projects[0]
    project.source_file = "区法律援助处.xlsx"
    project.review = [Review.PERIOD_ENDED, Review.FUNDS]
    project.indicators[0].previous_annual_value = "≥350件"
    return declaration


def _as_version_1(declaration) -> dict:
    """The document the version 1 program wrote: no schema 2 key anywhere."""
    document = json.loads(declaration_to_json(declaration))
    document["schema_version"] = 1
    for project in document["projects"]:
        del project["source_file"], project["review"]
    for owner in (document["department"], *document["projects"]):
        for indicator in owner["indicators"]:
            del indicator["previous_annual_value"]
    return document


def test_a_version_1_file_opens_with_a_note_and_saves_as_version_2(tmp_path, examples_dir):
    old = examples_dir / "schema" / "demo-tianhe-2023.v1.json"  # written by the version 1 program
    assert json.loads(old.read_bytes())["schema_version"] == 1
    opened = open_declaration(old)
    assert not opened.imported  # saved in place, as before
    assert any("格式版本 1" in note and "版本 2" in note for note in opened.notes)
    indicators = [i for p in opened.declaration.projects for i in p.indicators]
    assert indicators and all(i.previous_annual_value is None for i in indicators)
    assert all(p.source_file is None and p.review == [] for p in opened.declaration.projects)
    path = tmp_path / "demo.json"
    save_declaration(opened.declaration, path)
    assert json.loads(path.read_bytes())["schema_version"] == 2
    reopened = open_declaration(path)
    assert reopened.notes == [] and reopened.declaration == opened.declaration


def test_version_2_writes_the_new_fields_with_null_where_unknown():
    document = json.loads(declaration_to_json(_with_new_fields()))
    first, second = document["projects"]
    assert (first["source_file"], first["review"]) == ("区法律援助处.xlsx", ["period_ended", "funds"])
    assert first["indicators"][0]["previous_annual_value"] == "≥350件"
    assert first["indicators"][1]["previous_annual_value"] is None
    assert (second["source_file"], second["review"]) == (None, [])


@pytest.mark.parametrize("where, key, value", [
    (("projects", 0, "indicators", 0), "previous_annual_value", "≥350件"),
    (("projects", 0), "source_file", "a.json"),
    (("projects", 1), "review", []),
    (("department", "indicators", 0), "previous_annual_value", None),
])
def test_a_version_1_file_with_a_version_2_field_is_refused_at_its_place(where, key, value):
    declaration = clean_declaration()
    declaration.department.indicators.append(Indicator(level1="产出指标", name="讲座场次", annual_value="≥1场"))
    document = _as_version_1(declaration)
    node = document
    for step in where:
        node = node[step]
    node[key] = value
    raw = json.dumps(document, ensure_ascii=False).encode()
    location = paths.field(paths.from_steps(where), key)
    for read in (declaration_from_json, _declaration_from_json_slowly):  # the quick path and the careful one
        with pytest.raises(FileProblem) as caught:
            read(raw, "old.json")
        assert location in str(caught.value) and "格式版本 1" in str(caught.value)


def test_a_version_1_file_without_new_fields_reads_as_version_2_would():
    declaration = clean_declaration()
    declaration.department.indicators.append(Indicator(level1="产出指标", name="讲座场次", annual_value="≥1场"))
    old = json.dumps(_as_version_1(declaration), ensure_ascii=False).encode()
    assert declaration_from_json(old) == _declaration_from_json_slowly(old, "x.json") == declaration


def test_commands_say_the_migration_and_write_version_2(tmp_path, examples_dir, capsys):
    from src.cli import run as run_cli

    old = examples_dir / "schema" / "demo-tianhe-2023.v1.json"
    before = old.read_bytes()
    run_cli(["next-year", str(old), str(tmp_path / "next.json")])
    assert "格式版本 1" in capsys.readouterr().err
    assert json.loads((tmp_path / "next.json").read_bytes())["schema_version"] == 2 and old.read_bytes() == before


def test_version_3_is_refused_clearly_by_the_commands(tmp_path, child_env):
    document = json.loads(declaration_to_json(clean_declaration()))
    document["schema_version"] = 3
    path = tmp_path / "future.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = subprocess.run([sys.executable, "main.py", "check", str(path)], capture_output=True, text=True,
                            env=child_env, cwd=paths_root())
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "future.json" in result.stderr and "格式版本 3" in result.stderr and "支持到 2" in result.stderr


def paths_root():
    from tests.conftest import ROOT

    return ROOT


def test_an_unknown_review_mark_is_refused_at_its_place():
    document = json.loads(declaration_to_json(_with_new_fields()))
    document["projects"][0]["review"] = ["funds", "请领导过目"]
    with pytest.raises(FileProblem) as caught:
        declaration_from_json(json.dumps(document, ensure_ascii=False).encode(), "x.json")
    assert "projects[0].review[1]" in str(caught.value)


def test_each_review_mark_is_kept_once_in_its_order():
    assert Project(review=["period_ended", "funds", "period_ended"]).review == [Review.PERIOD_ENDED, Review.FUNDS]


def test_the_new_fields_have_labels_and_descriptions():
    declaration = _with_new_fields()
    assert field_label(declaration.projects[0].indicators[0], "previous_annual_value") == "上年指标值"
    assert field_label(declaration.projects[0], "source_file") == "来源文件"
    location = paths.field(paths.indicator(paths.project(0), 0), "previous_annual_value")
    assert paths.describe(declaration, location).endswith("上年指标值")


def test_the_workbook_carries_the_new_columns(tmp_path):
    declaration = _with_new_fields()
    path = tmp_path / "v2.xlsx"
    save_declaration(declaration, path)
    book = openpyxl.load_workbook(path)
    detail = book[DETAIL_SHEET]
    assert detail["H3"].value == "上年指标值"
    rows = [row for row in detail.iter_rows(min_row=4, values_only=True) if row[0] == 1]
    assert [row[7] for row in rows] == [i.previous_annual_value for i in declaration.projects[0].indicators]
    assert book[PROJECT_SHEET].max_column == 10  # the official table only; the bookkeeping has a sheet of its own
    sheet = book[EDITOR_SHEET]
    assert [c.value for c in sheet[3]] == ["序号", "项目名称", "来源文件", "待复核"]
    rows = {row[0]: row[2:] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows == {1: ("区法律援助处.xlsx", "实施周期已结束；资金沿用上年")}  # only the projects with marks
    assert open_declaration(path).declaration == declaration


def test_a_clerk_clearing_the_review_cell_in_excel_clears_the_marks(tmp_path):
    path = tmp_path / "v2.xlsx"
    save_declaration(_with_new_fields(), path)
    book = openpyxl.load_workbook(path)
    sheet = book[EDITOR_SHEET]
    row_of = {row[0].value: row for row in sheet.iter_rows(min_row=4)}
    row_of[1][3].value = "资金沿用上年、请科长看看"  # one mark dealt with, a word of the clerk's own
    sheet.append([2, None, None, "实施周期已结束"])  # a row the clerk added for the second project
    book.save(path)
    projects = open_declaration(path).declaration.projects
    assert [p.review for p in projects] == [[Review.FUNDS], [Review.PERIOD_ENDED]]


def test_a_workbook_saved_before_schema_2_still_opens_as_the_editors_own(tmp_path):
    """The editor's workbook of before: saved now, its schema 2 columns deleted with openpyxl."""
    declaration = clean_declaration()
    path = tmp_path / "v1.xlsx"
    save_declaration(declaration, path)
    book = openpyxl.load_workbook(path)
    book[DETAIL_SHEET].delete_cols(8)
    book[PROJECT_SHEET]["K5"].value = "表格外的备注"  # outside the old table: not a source file
    book.save(path)
    opened = open_declaration(path)
    assert not opened.imported and opened.declaration == declaration


@pytest.mark.parametrize("name", ["demo-tianhe-2023.ods", "demo-tianhe-2023.xls"])
def test_the_editors_old_workbook_resaved_by_libreoffice_still_opens_whole(examples_dir, name):
    """tests/data/containers: the version 1 editor's workbook of the demo, saved again by LibreOffice."""
    demo = open_declaration(examples_dir / "schema" / "demo-tianhe-2023.v1.json").declaration  # what they were made from
    assert open_declaration(examples_dir / "containers" / name).declaration == demo
