"""Issue 23 item 7, the second run: 174 real files of every container damaged by rule (tests/hostile/mutate.py:
cut short, bits flipped, a sector zeroed, a half doubled, the header lost, another container's bytes under the
name), each through `main.py convert` in a child held to 2 GB and 60 s. None may crash, hang, print a traceback,
change its input, or be refused in anything but a Chinese first line naming the file; a file cut short that
still opens says it is incomplete, and a text cut inside a character is refused as incomplete."""

from __future__ import annotations

import pytest

from tests.hostile import generate, mutate
from tests.test_hostile import _CJK, _LIBRARY_WORDS, convert, digest

pytestmark = pytest.mark.slow

_INCOMPLETE = ("不完整", "截断", "结束标记")


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    return mutate.write_all(tmp_path_factory.mktemp("damaged"))


def test_there_are_at_least_150_damaged_files_of_every_container(damaged):
    assert len(damaged) >= 150
    assert {p.suffix for p in damaged} >= {".xlsx", ".xls", ".ods", ".xlsb", ".html", ".mht", ".pdf", ".txt", ".json"}


def test_no_damaged_file_takes_convert_down_or_is_refused_in_a_libraries_words(damaged, tmp_path):
    failures = []
    for source in damaged:
        target = tmp_path / f"{source.name}.json"
        before = digest(source)
        result = convert(source, target)
        first = (result.stderr.strip().splitlines() or [""])[0]
        if "Traceback" in result.stderr + result.stdout or result.returncode not in (0, 2):
            failures.append(f"{source.name}: exit {result.returncode} {result.stderr[-300:]}")
        elif digest(source) != before:
            failures.append(f"{source.name}: the input changed")
        elif result.returncode == 2 and (not first.startswith(f"无法处理 {source.name}：") or not _CJK.search(first)
                                         or _LIBRARY_WORDS.search(first) or target.exists()):
            failures.append(f"{source.name}: refused as {first[:160]}")
        elif result.returncode == 0 and ".cut-" in source.name and source.suffix in (".html", ".txt") \
                and ".cut-0.999" not in source.name and not any(word in result.stderr for word in _INCOMPLETE):
            failures.append(f"{source.name}: cut short, opened without saying so")
    assert not failures, "\n".join(failures)


def test_a_text_cut_inside_a_character_is_refused_as_incomplete_not_as_another_encoding(tmp_path):
    from src.storage.infra.errors import FileProblem
    from src.storage.infra.files import open_declaration

    path = generate.text_table_with_amount(tmp_path / "截断.tsv", "100.00")
    text = path.read_bytes().rstrip()
    last = text.decode("utf-8")[-1].encode("utf-8")
    assert len(last) == 3, "the table ends in a Chinese character"
    path.write_bytes(text[:-2])  # inside its last character
    with pytest.raises(FileProblem, match="截断.tsv：文本文件不完整：在一个字符中间结束"):
        open_declaration(path)


def test_a_json_cut_inside_a_character_says_incomplete_not_another_encoding(tmp_path):
    from src.storage.editor_files.json_file import read_json
    from src.storage.infra.errors import FileProblem

    raw = (mutate.DATA / "schema" / "demo-tianhe-2023.v1.json").read_bytes()
    path = tmp_path / "截断.json"
    path.write_bytes(raw[:raw.rindex("项".encode()) + 1])
    with pytest.raises(FileProblem, match="不完整（在一个字符中间结束）"):
        read_json(path)
