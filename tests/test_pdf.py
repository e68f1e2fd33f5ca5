"""PDFs of the three forms, read back with poppler: every name, every amount, every page number."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from src.model.amounts import display_amount
from src.storage.infra.files import open_declaration, save_declaration
from tests.helpers.poppler import pdf_text, poppler

ROOT = Path(__file__).resolve().parent.parent


def make_pdf(source: Path, target: Path, *options: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "pdf", str(source), str(target), *options],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result


def pages_of(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", str(pdf))).group(1))


def page_texts(pdf: Path) -> list[str]:
    return pdf_text(pdf).split("\f")[:-1]


def compact(texts: list[str], header: str) -> str:
    """Body text of all pages without headers and footers, whitespace removed, so a name broken
    across lines or across a page break is found whole again."""
    kept = []
    for text in texts:
        for line in text.splitlines():
            if line.startswith(header) or re.fullmatch(r"第 \d+ 页 共 \d+ 页", line.strip()) or line.strip() == "草稿":
                continue
            kept.append(line)
    return re.sub(r"\s+", "", "".join(kept))


def squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


def check_pdf(pdf: Path, declaration, printed: str) -> list[str]:
    total = pages_of(pdf)
    assert f"共 {total} 页" in printed
    texts = page_texts(pdf)
    assert len(texts) == total
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {total} 页" in text
    body = compact(texts, declaration.department.name)
    for project in declaration.projects:
        assert squash(project.name) in body, project.name
        assert squash(project.goal) in body, project.name
        assert display_amount(project.funds.total) in body
        for indicator in project.indicators:
            assert squash(indicator.name) in body, indicator.name
    return texts


def test_demo_pdf_has_every_name_amount_and_page_number(tmp_path, demo_path):
    pdf = tmp_path / "演示 表格.pdf"
    result = make_pdf(demo_path, pdf)
    declaration = open_declaration(demo_path).declaration
    texts = check_pdf(pdf, declaration, result.stdout)
    assert "部门整体预算绩效目标申报表" in texts[0]
    assert "项目支出绩效目标表（含转移支付项目）" in texts[1]
    assert "1,485.34" in "".join(texts)
    assert sum("项目支出绩效目标申报表" in text for text in texts) >= len(declaration.projects)


@pytest.mark.slow
def test_large_generated_file_keeps_all_text_across_page_breaks(tmp_path):
    from bench.generate import generate

    declaration = generate(300, 8, seed=7)
    source = tmp_path / "large.json"
    save_declaration(declaration, source)
    pdf = tmp_path / "large.pdf"
    texts = check_pdf(pdf, declaration, make_pdf(source, pdf, "--form", "summary").stdout)
    assert pages_of(pdf) > 20
    pages = [squash(text) for text in texts]
    for project in declaration.projects:  # a row that would cross a page break starts the next page instead
        assert any(squash(project.name) in page and squash(project.goal) in page for page in pages), project.name


def test_a_project_form_over_three_pages_names_its_levels_on_each_and_draws_each_value_once(tmp_path, demo_path):
    """A 一级/二级 span crossing a page break restarts on the new page; no value is drawn half on each page."""
    from src.model.declaration import Indicator

    declaration = open_declaration(demo_path).declaration
    project = declaration.projects[1]
    project.indicators = [Indicator(level1="产出指标", level2="数量指标", name=f"第{n}项：每月到社区提供法律服务（含非现场服务折抵时间）",
                                    period_value=f"不少于{n}0次", annual_value=f"≥{n}次") for n in range(1, 71)]
    project.indicators.append(Indicator(level1="效益指标", level2="社会效益指标", name="群众法治意识提升", annual_value="有所提升"))
    declaration.projects = [project]
    source = tmp_path / "long.json"
    save_declaration(declaration, source)
    pdf = tmp_path / "long.pdf"
    make_pdf(source, pdf, "--form", "project")
    texts = page_texts(pdf)
    assert len(texts) >= 3
    for page, text in enumerate(texts, start=1):
        if re.search(r"第\d+项", text):
            assert "产出指标" in text and "数量指标" in text, f"page {page} does not say which levels its rows are under"
    for indicator in project.indicators[:-1]:
        for value in (indicator.period_value, indicator.annual_value):
            pages = [page for page, text in enumerate(texts, start=1) if re.search(re.escape(value) + r"(?!\d)", text)]
            assert len(pages) == 1, f"{value} drawn on pages {pages}"


def test_long_key_tasks_each_print_whole_on_one_page(tmp_path, demo_path):
    from decimal import Decimal

    from src.model.declaration import Task

    declaration = open_declaration(demo_path).declaration
    content = "组织开展公共法律服务进村居活动，完善一村（社区）一法律顾问工作机制，" * 6
    declaration.department.tasks = [Task(name=f"第{n}项重点工作", content=f"{content}（第{n}项内容完）", funds=Decimal("12.50"),
                                         expected=f"第{n}项任务的目标：群众满意度不低于90%") for n in range(1, 13)]
    source = tmp_path / "tasks.json"
    save_declaration(declaration, source)
    pdf = tmp_path / "tasks.pdf"
    make_pdf(source, pdf, "--form", "department")
    pages = [squash(text) for text in page_texts(pdf)]
    assert len(pages) >= 2
    for n in range(1, 13):
        assert any(f"第{n}项重点工作" in page and f"第{n}项内容完" in page for page in pages), n


def test_single_forms_and_draft_mark(tmp_path, examples_dir):
    source = examples_dir / "haizhu-department.xlsx"
    pdf = tmp_path / "department.pdf"
    make_pdf(source, pdf, "--form", "department", "--draft")
    texts = page_texts(pdf)
    assert all("草稿" in text for text in texts)
    body = squash("".join(texts))
    for fragment in ("广州市海珠区司法局", "2,293.28", "3,576.28", "534.00", "社区法律顾问覆盖率", "一村（社区）一法律顾问公益法律服务工作经费"):
        assert squash(fragment) in body


def test_pdf_of_unreadable_input_exits_2_and_writes_nothing(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text("nope", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "pdf", str(source), str(tmp_path / "out.pdf")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_no_chinese_font_is_said_not_printed_as_boxes(tmp_path, monkeypatch, demo_path):
    from src.render import printing
    from src.storage.infra.errors import FileProblem
    from src.ui.controllers.app import application

    application()  # the session's one QApplication; a QGuiApplication made here would abort the GUI tests after it
    monkeypatch.setattr(printing.QFontDatabase, "families", staticmethod(lambda *a: ["DejaVu Sans"]))
    monkeypatch.setattr(printing.QFontDatabase, "writingSystems", staticmethod(lambda *a: []))
    with pytest.raises(FileProblem) as caught:
        printing.export_pdf(open_declaration(demo_path).declaration, tmp_path / "x.pdf")
    assert "中文字体" in str(caught.value)
    assert not (tmp_path / "x.pdf").exists()
