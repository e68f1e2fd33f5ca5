"""The 问题清单 for the review meeting: rows from a real declaration's problems, the workbook read back with
openpyxl, the PDF read back with poppler."""

import datetime
import json
import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from src.model import paths
from src.model.checks import check_declaration
from src.model.problem_list import COLUMNS, NO_SUGGESTION, problem_list_header, problem_rows
from src.model.problems import Severity
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from tests.helpers.poppler import pdf_text, poppler

DAY = datetime.date(2024, 3, 5)
SOURCE_NAME = "panyu-2022-projects.xlsx"


@pytest.fixture(scope="module")
def panyu(examples_dir):
    declaration = open_declaration(examples_dir / SOURCE_NAME).declaration
    problems = check_declaration(declaration)
    assert len(problems) > 30, "the 番禺 table is the one with many problems; the tests below need pages of them"
    return declaration, problems


def expected_cells(declaration, problems, suggestion=lambda problem: None):
    """What each row must say, derived from the problems themselves (not from problem_rows)."""
    cells = []
    for number, problem in enumerate(problems, start=1):
        index = paths.project_index(problem.location)
        project = "部门整体" if index is None else declaration.projects[index].name
        cells.append((number, project, paths.describe(declaration, problem.location), problem.message,
                      problem.severity.label, suggestion(problem) or NO_SUGGESTION))
    return cells


def facts_of(declaration, problems):
    counts = Counter(problem.severity for problem in problems)
    return {"部门": declaration.department.name, "年度": f"{declaration.year}年", "文件": SOURCE_NAME,
            "日期": f"{DAY.year}年{DAY.month}月{DAY.day}日",
            "问题": f"共 {len(problems)} 个：错误 {counts[Severity.ERROR]} 个，警告 {counts[Severity.WARNING]} 个，"
                    f"提示 {counts[Severity.HINT]} 个"}


# ---- rows ---------------------------------------------------------------------------------------
def test_rows_follow_the_problems_in_order_with_project_location_in_words_and_suggestion(panyu):
    declaration, problems = panyu
    advised = problems[3].code  # one code gets advice, every other problem shows the dash

    def suggestion(problem):
        return "按建议修改" if problem.code == advised else None

    rows = problem_rows(declaration, problems, suggestion)
    assert [row.cells() for row in rows] == expected_cells(declaration, problems, suggestion)
    assert {row.suggestion for row in rows} == {"按建议修改", NO_SUGGESTION}
    # a location in words names the project and the field, never the raw path
    assert all("projects[" not in row.location for row in rows)
    assert any(row.location.endswith("› 二级指标") for row in rows)


def test_department_problems_are_under_department_wide_and_a_missing_year_is_said(examples_dir):
    declaration = open_declaration(examples_dir / "haizhu-department.xlsx").declaration
    problems = check_declaration(declaration)
    assert problems and all(paths.project_index(p.location) is None for p in problems)
    rows = problem_rows(declaration, problems)
    assert {row.project for row in rows} == {"部门整体"}
    header = problem_list_header(declaration, problems, None, DAY)
    facts = dict(header.facts())
    assert declaration.year is None and facts["年度"] == "（未填写）"
    assert facts["文件"] == "（未保存）"


# ---- workbook -----------------------------------------------------------------------------------
def read_back(path: Path):
    sheet = openpyxl.load_workbook(path).active
    values = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    top = next(number for number, row in enumerate(values, start=1) if row == COLUMNS)
    return sheet, values, top


def test_workbook_has_the_facts_one_row_per_problem_a_filter_and_print_titles(tmp_path, panyu):
    from src.storage.reports.problem_list_xlsx import write_problem_list_xlsx

    declaration, problems = panyu
    target = tmp_path / "问题清单.xlsx"
    write_problem_list_xlsx(problem_rows(declaration, problems), problem_list_header(declaration, problems, SOURCE_NAME, DAY),
                            target)
    sheet, values, top = read_back(target)
    facts = {row[0]: row[2] for row in values[1:top - 1]}
    assert facts == facts_of(declaration, problems)
    assert "问题清单" in values[0][0]
    table = values[top:]
    assert table == expected_cells(declaration, problems)
    last = top + len(problems)
    assert sheet.auto_filter.ref == f"A{top}:F{last}"
    assert sheet.print_title_rows == f"${top}:${top}"
    assert sheet.freeze_panes == f"A{top + 1}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    message = sheet.cell(top + 1, 4)
    assert message.alignment.wrap_text and sheet.column_dimensions["D"].width >= 40


def test_check_output_writes_the_list_with_each_fix_label_and_keeps_json_on_stdout(tmp_path, panyu, examples_dir,
                                                                                  capsys):
    from src.cli import run
    from src.model.fixes import fixes_for

    declaration, problems = panyu
    target = tmp_path / "问题清单.xlsx"
    assert run(["check", str(examples_dir / SOURCE_NAME), "--output", str(target), "--format", "json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert len(printed) == len(problems)
    fixes = fixes_for(declaration, problems)
    assert fixes, "the 番禺 table has problems with quick fixes (the missing 二级)"
    _, values, top = read_back(target)
    rows = [row for row in values[top:] if row[0] is not None]
    assert [row[3] for row in rows] == [p.message for p in problems]
    assert [row[5] for row in rows] == [fixes[p].label if p in fixes else NO_SUGGESTION for p in problems]


def test_workbook_without_problems_says_so_and_keeps_its_filter(tmp_path, demo_path):
    from src.storage.reports.problem_list_xlsx import write_problem_list_xlsx

    declaration = open_declaration(demo_path).declaration
    target = tmp_path / "empty.xlsx"
    write_problem_list_xlsx([], problem_list_header(declaration, [], "demo.json", DAY), target)
    sheet, values, top = read_back(target)
    assert values[top][0] == "未发现问题"
    assert sheet.auto_filter.ref == f"A{top}:F{top + 1}"
    assert dict((row[0], row[2]) for row in values[1:top - 1])["问题"] == "共 0 个：错误 0 个，警告 0 个，提示 0 个"


def test_failed_write_leaves_the_old_file_and_says_why(tmp_path, panyu, monkeypatch):
    import os

    from src.storage.reports.problem_list_xlsx import write_problem_list_xlsx

    declaration, problems = panyu
    target = tmp_path / "问题清单.xlsx"
    target.write_bytes(b"old list")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(FileProblem, match="磁盘空间不足"):
        write_problem_list_xlsx(problem_rows(declaration, problems), problem_list_header(declaration, problems, "x", DAY), target)
    assert target.read_bytes() == b"old list"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_other_extensions_are_refused_in_chinese(tmp_path, panyu):
    from src.render.problem_list_file import export_problem_list

    declaration, problems = panyu
    with pytest.raises(FileProblem, match="只能导出为"):
        export_problem_list(problem_rows(declaration, problems), problem_list_header(declaration, problems, "x", DAY),
                            tmp_path / "清单.docx")
    assert not list(tmp_path.iterdir())


# ---- PDF ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def panyu_pdf(tmp_path_factory, panyu):
    from src.render.problem_list_file import export_problem_list_pdf

    declaration, problems = panyu
    target = tmp_path_factory.mktemp("problem-list") / "问题 清单.pdf"
    pages = export_problem_list_pdf(problem_rows(declaration, problems),
                                    problem_list_header(declaration, problems, SOURCE_NAME, DAY), target)
    return target, pages


def test_pdf_repeats_the_headers_and_numbers_every_page(panyu_pdf, panyu):
    declaration, problems = panyu
    pdf, pages = panyu_pdf
    info = poppler("pdfinfo", str(pdf))
    total = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert total == pages > 1
    texts = pdf_text(pdf).split("\f")[:-1]
    assert len(texts) == total
    page_header = f"{declaration.department.name}　{declaration.year}年度"
    for number, text in enumerate(texts, start=1):
        lines = [line.strip() for line in text.splitlines()]
        assert " ".join(COLUMNS) in lines, f"page {number} lacks the column headers"
        assert f"第 {number} 页 共 {total} 页" in lines
        assert re.sub(r"\s", "", page_header) in re.sub(r"\s", "", lines[0])


def test_pdf_holds_the_facts_and_every_problem_in_order(panyu_pdf, panyu):
    declaration, problems = panyu
    pdf, _ = panyu_pdf
    texts = pdf_text(pdf).split("\f")[:-1]
    first = re.sub(r"\s", "", texts[0])
    for label, value in facts_of(declaration, problems).items():
        assert re.sub(r"\s", "", f"{label}{value}") in first, label
    body = re.sub(r"\s", "", "".join(texts))
    position = 0
    for problem in problems:  # each message found after the one before it: all there, in the list's order
        found = body.find(re.sub(r"\s", "", problem.message), position)
        assert found >= 0, problem.message
        position = found + 1


def test_pdf_is_landscape_a4_on_every_page(panyu_pdf):
    pdf, pages = panyu_pdf
    info = poppler("pdfinfo", "-f", "1", "-l", str(pages), str(pdf))
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert len(sizes) == pages
    for width, height in sizes:
        assert (round(float(width)), round(float(height))) == (842, 595)  # A4 is 595 × 842 pt; wide side across


# ---- the window's export ------------------------------------------------------------------------
def test_window_export_writes_the_documents_problems_to_the_chosen_file(tmp_path, examples_dir):
    from src.ui.controllers.app import application
    from src.ui.controllers.problem_list_print import ProblemListExporter
    from src.ui.editing.document import Document
    from src.ui.editing.session import Session

    application()
    session = Session()
    told = []
    session.status.connect(lambda text, _ms: told.append(text))
    source = examples_dir / SOURCE_NAME
    session.replace(Document(open_declaration(source).declaration, source))
    document = session.document
    exporter = ProblemListExporter(session, None)
    target = tmp_path / "会审.xlsx"
    exporter.ask_path = lambda: str(target)
    assert exporter.export()
    _, values, top = read_back(target)
    assert values[top:] == expected_cells(document.declaration, document.problems)
    assert {row[0]: row[2] for row in values[1:top - 1]}["文件"] == SOURCE_NAME
    assert told == [f"已导出问题清单 会审.xlsx，{len(document.problems)} 个问题"]


@pytest.mark.parametrize("command", [["check", "{f}", "--output", "{f}"], ["pdf", "{f}", "{f}"]])
def test_a_command_never_writes_its_list_or_pdf_over_the_input(tmp_path, examples_dir, command, capsys):
    from src.cli import run

    source = tmp_path / "申报.xlsx"
    source.write_bytes((examples_dir / SOURCE_NAME).read_bytes())
    before = source.read_bytes()
    assert run([part.format(f=source) for part in command]) == 2
    assert "输出文件就是输入文件" in capsys.readouterr().err
    assert source.read_bytes() == before and not list(tmp_path.glob("*.bak"))
