"""The installable editor: `scripts/build-app.sh` builds the PyInstaller bundle and the .deb once per
session (~25 s here), then the frozen executables run with an empty environment — no venv, no PYTHONPATH,
a fresh HOME — as on a clerk's PC. The .deb is checked with dpkg-deb (-I, -c, -x); it is not installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_rules as rules  # noqa: E402

from tests.helpers.poppler import poppler  # noqa: E402
from tests.helpers.tools import require_command, require_module  # noqa: E402

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="builds the Linux bundle and .deb; Windows builds on Windows (packaging/windows/)"),
]

DEMO = ROOT / "resources" / "demo-tianhe-2023.json"


def version() -> str:
    return re.search(r'__version__\s*=\s*"([^"]+)"', (ROOT / "src" / "__init__.py").read_text("utf-8"))[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """dist/ of one build: the bundle folder and the .deb (uncompressed: xz would add ~1 min, not coverage)."""
    require_module("PyInstaller", "install the `build` extra of pyproject.toml into this venv "
                                  "(pyinstaller==6.22.3 and its pinned helpers; scripts/setup.sh does so)")
    require_command("dpkg-deb", "Debian's dpkg")
    base = tmp_path_factory.mktemp("frozen")
    dist, work = base / "dist", base / "work"
    started = time.monotonic()
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build-app.sh"), "--dist", str(dist), "--work", str(work),
         "--deb-compression", "none"],
        env=dict(os.environ, BUILD_PYTHON=sys.executable), cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    debs = sorted(dist.glob("*.deb"))
    assert len(debs) == 1, list(dist.iterdir())
    print(f"\nbuild-app.sh: {time.monotonic() - started:.1f} s")
    return {"bundle": dist / rules.APP_NAME, "deb": debs[0], "log": result.stdout, "base": base}


@pytest.fixture
def clerk(tmp_path):
    """A folder with a copy of the demo, and a run(exe, *args) that starts a frozen program with nothing
    of this environment (env -i PATH=/usr/bin:/bin HOME=<fresh>)."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(DEMO, tmp_path / "demo.json")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}

    def run(exe: Path, *args, extra_env=None, timeout=60):
        return subprocess.run([str(exe), *map(str, args)], cwd=tmp_path, env={**env, **(extra_env or {})},
                              capture_output=True, text=True, timeout=timeout)

    run.folder, run.env = tmp_path, env
    return run


def console(built) -> Path:
    return built["bundle"] / rules.CONSOLE_NAME


def test_the_bundle_has_two_executables_sharing_internal_and_only_what_it_needs(built):
    bundle = built["bundle"]
    assert sorted(p.name for p in bundle.iterdir()) == ["_internal", rules.CONSOLE_NAME, rules.APP_NAME]
    internal = bundle / "_internal"
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    assert not [name for name in rules.REQUIRED_LINUX if name not in files]
    assert rules.forbidden_parts(files) == []
    translations = sorted(n.rsplit("/", 1)[1] for n in files if n.startswith(rules.QT_TRANSLATIONS))
    assert translations == sorted(rules.KEPT_TRANSLATIONS)
    assert not [n for n in files if rules.is_dropped_plugin(n)]
    dangling = [n for n in files if (internal / n).is_symlink() and not (internal / n).exists()]
    assert dangling == []
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    # 185 MB on 2026-12-01: 134 MB of Python, Qt and the spreadsheet readers, 51 MB of the web-page and
    # PDF import's lxml, pdfplumber (pdfminer's CMaps, Pillow, pypdfium2) and cryptography
    assert size < 200e6, f"the bundle grew to {size / 1e6:.0f} MB"


def test_check_reports_the_demos_errors_with_exit_1(built, clerk):
    result = clerk(console(built), "check", "demo.json")
    assert result.returncode == 1, result.stderr
    assert "共 3 个错误" in result.stdout
    assert "错误\t" in result.stdout


def test_check_json_format(built, clerk):
    result = clerk(console(built), "check", "demo.json", "--format", "json")
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)
    assert sum(p["severity"] == "error" for p in problems) == 3


def test_convert_to_xlsx_and_back_gives_the_same_json(built, clerk):
    result = clerk(console(built), "convert", "demo.json", "demo.xlsx")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(clerk.folder / "demo.xlsx") as book:
        assert "xl/workbook.xml" in book.namelist()
    result = clerk(console(built), "convert", "demo.xlsx", "again.json")
    assert result.returncode == 0, result.stderr
    # against the demo as this version writes it (an older file is saved in the current schema version)
    assert clerk(console(built), "convert", "demo.json", "same.json").returncode == 0
    again = json.loads((clerk.folder / "again.json").read_text("utf-8"))
    assert again == json.loads((clerk.folder / "same.json").read_text("utf-8"))
    assert [p["name"] for p in again["projects"]] == [p["name"] for p in json.loads(DEMO.read_text("utf-8"))["projects"]]


def test_pdf_has_chinese_text(built, clerk):
    result = clerk(console(built), "pdf", "demo.json", "demo.pdf")
    assert result.returncode == 0, result.stderr
    text = poppler("pdftotext", "-layout", str(clerk.folder / "demo.pdf"), "-")
    assert "部门整体预算绩效目标申报表" in text
    assert "广州市天河区司法局" in text
    assert "项目支出绩效目标" in text


# One file per reader (published workbooks, xls/ods, web pages, PDF): the frozen program must read each
# exactly as the venv does — what a frozen build loses is data files and lazily imported modules.
IMPORTED = ["tests/data/tianhe-2023-projects.xlsx", "tests/data/containers/tianhe-2023-projects.xls",
            "tests/data/containers/tianhe-2023-projects.ods", "tests/data/html/tianhe-2023-projects.html",
            "tests/data/html/tianhe-2023-projects.mht", "tests/data/pdf/tianhe-2023-projects.pdf"]


@pytest.mark.parametrize("name", IMPORTED, ids=lambda name: Path(name).name)
def test_imports_read_as_in_the_venv(built, clerk, name):
    source = ROOT / name
    if not source.is_file():
        pytest.skip(f"{name} is not in this checkout")
    venv = subprocess.run([sys.executable, str(ROOT / "main.py"), "convert", str(source), "venv.json"],
                          cwd=clerk.folder, capture_output=True, text=True, timeout=120)
    frozen = clerk(console(built), "convert", source, "frozen.json", timeout=120)
    assert frozen.returncode == venv.returncode, frozen.stderr
    if venv.returncode == 0:
        assert (clerk.folder / "frozen.json").read_bytes() == (clerk.folder / "venv.json").read_bytes()


def test_unknown_command_is_refused(built, clerk):
    result = clerk(console(built), "frobnicate", "a", "b")
    assert result.returncode == 2
    assert "未知命令" in result.stderr


def test_console_executable_names_itself_and_its_version(built, clerk):
    usage = clerk(console(built))
    assert usage.returncode == 0, usage.stderr
    assert usage.stdout.startswith(f"usage: {rules.CONSOLE_NAME}")
    helped = clerk(console(built), "--help")
    assert helped.returncode == 0 and helped.stdout.startswith(f"usage: {rules.CONSOLE_NAME} "), helped.stdout
    assert "selftest" in helped.stdout and "main.py" not in helped.stdout
    assert clerk(console(built), "--version").stdout.strip() == f"{rules.CONSOLE_NAME} {version()}"


def selftest_fields(stdout: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in stdout.splitlines() if "\t" in line)


def test_selftest_passes_with_an_empty_environment_and_finds_everything_in_the_bundle(built, clerk):
    result = clerk(console(built), "selftest")
    assert result.returncode == 0, result.stdout + result.stderr
    fields = selftest_fields(result.stdout)
    internal = str(built["bundle"] / "_internal")
    assert fields["版本"] == version()
    for name in ("指标框架", "指标库", "示例申报", "图标"):
        assert fields[name].startswith(internal + "/"), (name, fields[name])
    library = json.loads((ROOT / "resources" / "indicator_library.json").read_text("utf-8"))
    assert fields["指标库条目"].startswith(f"{sum(map(len, library.values()))}（")
    assert fields["Qt 中文翻译"] == f"已加载（{internal}/{rules.QT_TRANSLATIONS.rstrip('/')}）"
    assert fields["Qt 插件"] == f"{internal}/{rules.QT_PLUGINS.rstrip('/')}"
    assert not fields["打印字体"].startswith("无")
    assert "locale" not in result.stderr, result.stderr  # no LANG: the launcher chose C.UTF-8 before Qt


def loaded_libraries(result) -> set[str]:
    """The shared libraries a run loaded, from glibc's LD_DEBUG=files trace on stderr."""
    return set(re.findall(r"file=(\S+?\.so[.\d]*)\s+\[0\];\s+needed by", result.stderr)) | \
        set(re.findall(r"file=(\S+?\.so[.\d]*)\s+\[0\];\s+dynamically loaded", result.stderr))


def test_headless_commands_start_without_qt_and_selftest_with_it(built, clerk):
    """PyInstaller's PySide6 run-time hook is left out (bundle_rules.DROPPED_RUNTIME_HOOKS): check must not
    pay for loading Qt, and Qt must still find its plugins and translations when a command does load it."""
    checked = clerk(console(built), "check", "demo.json", extra_env={"LD_DEBUG": "files"})
    assert checked.returncode == 1
    assert "libpython3" in " ".join(loaded_libraries(checked))  # the trace works
    assert not [name for name in loaded_libraries(checked) if "Qt6" in name or "shiboken6" in name]
    tested = clerk(console(built), "selftest", extra_env={"LD_DEBUG": "files"})
    assert tested.returncode == 0
    assert any("libQt6Core" in name for name in loaded_libraries(tested))


def test_the_gui_executable_runs_commands_too(built, clerk):
    """On Linux both executables have a console; Windows' windowed one points to perf-target.exe instead."""
    result = clerk(built["bundle"] / rules.APP_NAME, "check", "demo.json")
    assert result.returncode == 1 and "共 3 个错误" in result.stdout, result.stderr


def test_gui_executable_opens_a_chinese_named_file_and_sigterm_closes_it(built, clerk):
    """env -i has no LANG: the file name must still reach Qt as UTF-8; SIGTERM (a logout, `kill`) must
    close the window as closing it does, releasing the lock."""
    path = clerk.folder / "天河 2023.json"
    shutil.copy(clerk.folder / "demo.json", path)
    lock = clerk.folder / f".~lock.{path.name}#"
    process = subprocess.Popen([str(built["bundle"] / rules.APP_NAME), path.name],
                               cwd=clerk.folder, env={**clerk.env, "QT_QPA_PLATFORM": "offscreen"},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not lock.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lock.exists(), f"no lock file; exit {process.poll()}"
        time.sleep(1)  # the window up and idle for a moment
        assert process.poll() is None, "the window closed by itself"
        process.terminate()
        output = process.communicate(timeout=15)[0].decode("utf-8", "replace")
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
    assert process.returncode == 0, output
    assert not lock.exists()
    assert "Traceback" not in output, output
    assert "locale" not in output.lower(), output


# ------------------------------------------------------------------------------------------------- .deb

def dpkg_deb(*args) -> str:
    return subprocess.run(["dpkg-deb", *map(str, args)], capture_output=True, text=True, check=True).stdout


def test_deb_control_fields(built):
    info = dpkg_deb("-I", built["deb"])
    fields = dict(re.findall(r"^ ([A-Z][A-Za-z-]+): (.*)$", info, re.M))
    architecture = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    assert fields["Package"] == rules.APP_NAME
    assert fields["Version"] == version()
    assert fields["Architecture"] == architecture
    assert built["deb"].name == f"{rules.APP_NAME}_{version()}_{architecture}.deb"
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\)", depends[0]), depends
    for needed in ("libgl1", "libegl1", "libxcb1", "fontconfig",
                   "fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei"):
        assert needed in depends
    assert int(fields["Installed-Size"]) > 100_000  # KiB
    assert fields["Maintainer"] and fields["Description"].startswith(rules.DISPLAY_NAME)


def test_deb_file_list(built):
    listing = dpkg_deb("-c", built["deb"]).splitlines()
    entries = {line.split()[-1] if " -> " not in line else line.split(" -> ")[0].split()[-1]: line
               for line in listing}
    install = f"./opt/{rules.APP_NAME}/"
    for path in (install + rules.APP_NAME, install + rules.CONSOLE_NAME, f"./usr/bin/{rules.APP_NAME}",
                 f"./usr/bin/{rules.CONSOLE_NAME}", install + "_internal/src/model/framework.json",
                 install + "_internal/resources/indicator_library.json",
                 f"./usr/share/applications/{rules.APP_NAME}.desktop",
                 f"./usr/share/icons/hicolor/48x48/apps/{rules.APP_NAME}.png",
                 f"./usr/share/icons/hicolor/256x256/apps/{rules.APP_NAME}.png"):
        assert path in entries, path
    for path in (install + rules.APP_NAME, f"./usr/bin/{rules.APP_NAME}", f"./usr/bin/{rules.CONSOLE_NAME}"):
        assert entries[path].startswith("-rwxr-xr-x root/root"), entries[path]
    outside = [p for p in entries if not p.startswith((install, "./usr/bin/", "./usr/share/")) and
               p not in ("./", "./opt/", "./usr/")]
    assert outside == []
    assert all(" root/root " in line for line in listing)


def test_deb_unpacked_runs_and_its_desktop_file_is_valid(built, clerk):
    root = built["base"] / "unpacked"
    if not root.exists():
        dpkg_deb("-x", built["deb"], root)
    result = clerk(root / "opt" / rules.APP_NAME / rules.CONSOLE_NAME, "check", "demo.json")
    assert result.returncode == 1 and "共 3 个错误" in result.stdout, result.stderr
    desktop = root / "usr/share/applications" / f"{rules.APP_NAME}.desktop"
    text = desktop.read_text("utf-8")
    assert f"Name={rules.DISPLAY_NAME}" in text and f"Exec={rules.APP_NAME} %f" in text
    assert "application/json;" in text and "spreadsheetml.sheet;" in text
    for name in (rules.APP_NAME, rules.CONSOLE_NAME):
        launcher = root / "usr/bin" / name
        assert f"app=/opt/{rules.APP_NAME}" in launcher.read_text("utf-8")  # where dpkg installs it
        subprocess.run(["sh", "-n", str(launcher)], check=True)
    assert "QT_IM_MODULE=ibus" in (root / "usr/bin" / rules.APP_NAME).read_text("utf-8")
    # The /usr/bin launchers run the unpacked program (found from their own place), as installed ones do.
    launcher = root / "usr/bin" / rules.CONSOLE_NAME
    result = clerk(launcher, "check", "demo.json")
    assert result.returncode == 1 and "共 3 个错误" in result.stdout, result.stderr
    tested = clerk(launcher, "selftest")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert selftest_fields(tested.stdout)["指标库"] == str(
        root / "opt" / rules.APP_NAME / "_internal" / "resources" / "indicator_library.json")
    assert clerk(launcher, "--help").stdout.startswith(f"usage: {rules.CONSOLE_NAME} ")
    gui = clerk(root / "usr/bin" / rules.APP_NAME, "--version")
    assert gui.returncode == 0 and gui.stdout.strip() == f"{rules.APP_NAME} {version()}", gui.stdout + gui.stderr
    validator = require_command("desktop-file-validate", "Debian's desktop-file-utils, installed by scripts/setup.sh")
    validated = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
    assert validated.returncode == 0 and "error" not in validated.stdout.lower(), validated.stdout
    assert "warning" not in validated.stdout.lower(), validated.stdout
