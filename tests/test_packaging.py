"""`pip install .` gives a working editor: the two commands, the data files, no repository on sys.path."""

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel built from a copy of the repository; the heavy dependencies (PySide6,
    pydantic…) are borrowed from the test venv by a .pth file instead of downloaded again."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    for name in ("pyproject.toml", "README.md", "main.py"):
        shutil.copy2(ROOT / name, source / name if source.exists() else _mkdir(source) / name)
    for folder in ("src", "resources"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "-w", str(work / "wheels"), str(source)],
                   check=True, capture_output=True, cwd=work)
    wheel = next((work / "wheels").glob("perf_target_editor-*.whl"))
    target = work / "venv"
    venv.create(target, with_pip=False)
    python = target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(str(_borrowed(work / "borrowed")) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--ignore-installed", "--disable-pip-version-check", str(wheel)],
                   check=True, capture_output=True, cwd=work)
    return target


def _borrowed(folder: Path) -> Path:
    """The test venv's libraries without this project: where the project itself is installed there (a
    developer's `pip install .[test,build]`), borrowing the whole site-packages would let pip see it as
    already installed, and the tests would run the developer's copy instead of the wheel."""
    folder.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.lower().startswith(("perf_target_editor", "perf-target-editor", "__editable__")):
            (folder / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return folder


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _bin(venv_dir: Path, name: str) -> str:
    return str(venv_dir / ("Scripts" if os.name == "nt" else "bin") / name)


def _run(venv_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([_bin(venv_dir, args[0]), *args[1:]], capture_output=True, text=True, timeout=120,
                          cwd=cwd, env=env)


def test_installs_a_package_not_loose_modules(installed):
    site = Path(subprocess.run([_bin(installed, "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    top_level = {p.name for p in site.iterdir() if not p.name.endswith((".dist-info", ".pth")) and p.name != "__pycache__"}
    assert top_level == {"perf_target_editor"}
    for data in ("model/framework.json", "resources/indicator_library.json", "resources/demo-tianhe-2023.json",
                 "resources/guide/index.html", "resources/guide/fields.html"):
        assert (site / "perf_target_editor" / data).is_file(), data


def test_console_command_checks_the_installed_demo(installed, tmp_path):
    where = _run(installed, "python", "-c",
                 "from perf_target_editor.bundled import resource_file, DEMO; print(resource_file(DEMO))", cwd=tmp_path)
    demo = Path(where.stdout.strip())
    assert "site-packages" in str(demo) and demo.is_file()
    checked = _run(installed, "perf-target", "check", str(demo), cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr  # the demo keeps three errors on purpose (README)
    assert "共 3 个错误" in checked.stdout
    converted = _run(installed, "perf-target", "convert", str(demo), str(tmp_path / "演示.xlsx"), cwd=tmp_path)
    assert converted.returncode == 0 and (tmp_path / "演示.xlsx").stat().st_size > 5000
    version = _run(installed, "perf-target", "--version", cwd=tmp_path)
    assert version.stdout.strip().endswith(subprocess.run(
        [_bin(installed, "python"), "-c", "import perf_target_editor; print(perf_target_editor.__version__)"],
        capture_output=True, text=True).stdout.strip())


def test_unknown_command_is_refused(installed, tmp_path):
    refused = _run(installed, "perf-target", "frobnicate", "a", "b", cwd=tmp_path)
    assert refused.returncode == 2 and "未知命令" in refused.stderr
    assert not list(tmp_path.iterdir())


def test_gui_command_opens_a_file(installed, tmp_path):
    """The window is up with the file open when the file's lock appears beside it."""
    demo = tmp_path / "演示.json"
    shutil.copy2(ROOT / "resources" / "demo-tianhe-2023.json", demo)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    editor = subprocess.Popen([_bin(installed, "perf-target-editor"), str(demo)], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / ".~lock.演示.json#").exists():
            assert editor.poll() is None, editor.communicate()[1]
            assert time.monotonic() < deadline, "the editor did not open the file within a minute"
            time.sleep(0.1)
    finally:
        editor.kill()
        editor.communicate()


def test_main_py_refuses_what_is_neither_command_nor_file(tmp_path):
    for args in (["frobnicate", "a", "b"], ["frobnicate"], ["--frobnicate"]):
        refused = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                                 timeout=60, cwd=tmp_path)
        assert refused.returncode == 2 and "未知命令" in refused.stderr, args
    assert not list(tmp_path.iterdir())
