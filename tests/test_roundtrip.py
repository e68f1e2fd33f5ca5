"""Every format reads back exactly what it wrote: the demo, the examples, generated declarations."""

import pytest
from hypothesis import HealthCheck, given, settings

from src.storage.infra import formats
from src.storage.infra.files import declaration_bytes, open_declaration, save_declaration
from tests.builders import clean_declaration
from tests.strategies import declarations

# Every format the editor can save to, as the registry has them: a format that writes must read back.
FORMATS = [extension.lstrip(".") for f in formats.writable() for extension in f.save_extensions]


def test_the_editor_saves_to_its_own_two_formats():
    assert sorted(FORMATS) == ["json", "xlsx"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_demo_round_trip(tmp_path, demo_path, suffix):
    original = open_declaration(demo_path).declaration
    path = tmp_path / f"演示 文件.{suffix}"
    save_declaration(original, path)
    assert open_declaration(path).declaration == original


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("example", ["haizhu-department", "panyu-2022-projects", "tianhe-2023-projects"])
def test_example_round_trip(tmp_path, examples_dir, suffix, example):
    original = open_declaration(examples_dir / f"{example}.xlsx").declaration
    path = tmp_path / f"{example}.{suffix}"
    save_declaration(original, path)
    assert open_declaration(path).declaration == original


@pytest.mark.parametrize("suffix", FORMATS)
def test_clean_declaration_round_trip(tmp_path, suffix):
    path = tmp_path / f"clean.{suffix}"
    save_declaration(clean_declaration(), path)
    assert open_declaration(path).declaration == clean_declaration()


@pytest.mark.parametrize("suffix", FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(declaration=declarations)
def test_generated_round_trip(tmp_path, suffix, declaration):
    path = tmp_path / f"generated.{suffix}"
    path.write_bytes(declaration_bytes(declaration, path))
    assert open_declaration(path).declaration == declaration
