"""Build the installable editor: the PyInstaller bundle, then the .deb (Linux) or the installer (Windows).

    python packaging/build_app.py [--install-requirements] [--dist DIR] [--work DIR] [--no-package]
                                  [--deb-compression xz|gzip|zstd|none] [--installer]
                                  [--system-library PACKAGE=LIB[,LIB…]]… [--glibc-max 2.28]
                                  [--glibcxx-max 3.4.25] [--deb-version-suffix +SUFFIX]

Run it with a Python that has the project's dependencies and its `build` extra, or give
--install-requirements to pip-install them first (into a build venv: scripts/build-app.sh makes one on
Linux; on Windows see packaging/windows/README.md). It writes

    DIST/perf-target-editor/                 the bundle: perf-target-editor, perf-target, _internal/
    DIST/perf-target-editor_V_ARCH.deb       Linux: installs to /opt/perf-target-editor, /usr/bin launchers
    DIST/perf-target-editor-V-setup.exe      Windows, when Inno Setup 6 (ISCC.exe) is found

and checks the bundle against packaging/bundle_rules.py (the files it needs, the parts it must not carry).
The options after --installer are for builds aimed at older systems (packaging/oldbase/build.sh): leave
named system libraries out of _internal/ and depend on their Debian packages instead, and fail when an
ELF file of the bundle needs a newer glibc or libstdc++ symbol version than the ceiling.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bundle_rules as rules  # noqa: E402

WINDOWS = sys.platform == "win32"
SPEC = HERE / "perf-target-editor.spec"
INSTALL_DIR = f"/opt/{rules.APP_NAME}"

# What the bundle cannot carry and Debian must provide: glibc (libc6, version from the bundle itself),
# the GL/EGL dispatch libraries (libglvnd: they must match the system's drivers), libxcb (ABI tied to
# the X libraries), fontconfig's configuration, and a Chinese font (PLATFORM.md: wqy-microhei first, it
# is the one whose PDF text extracts right). `ldd` on the bundle's xcb, GL-integration, CUPS and ibus
# plugins, with the bundle first on the library path, finds only these outside the bundle.
DEB_DEPENDS = ["libgl1", "libegl1", "libxcb1", "fontconfig", "fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei"]
DEB_SUGGESTS = ["cups"]  # printing to a printer (PDF export needs nothing)


def version() -> str:
    text = (ROOT / "src" / "__init__.py").read_text("utf-8")
    return re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)[1]


def log(message: str) -> None:
    print(f"[build-app] {message}", flush=True)


def requirements() -> list[str]:
    """The editor's dependencies and the `build` extra, from pyproject.toml (nothing else goes in a build venv)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return project["dependencies"] + project["optional-dependencies"]["build"]


def install_requirements() -> None:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", *requirements()],
                   check=True)
    importlib.invalidate_caches()
    log(f"build requirements installed in {sys.prefix}: {time.monotonic() - started:.1f} s")


def run_pyinstaller(dist: Path, work: Path) -> Path:
    try:
        import PyInstaller
    except ImportError:
        sys.exit("PyInstaller is not installed in this Python: give --install-requirements (in a build venv)"
                 " or run scripts/build-app.sh")
    pins = [r.split("==", 1)[1].split(";")[0].strip() for r in requirements() if r.startswith("pyinstaller==")]
    if pins and PyInstaller.__version__ != pins[0]:
        log(f"warning: PyInstaller {PyInstaller.__version__}; pyproject's build extra pins {pins[0]}")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    environment = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    environment.pop("PYTHONPATH", None)  # the spec sets the paths; nothing from the caller's shell
    started = time.monotonic()
    subprocess.run(command, check=True, env=environment, cwd=ROOT)
    log(f"PyInstaller: {time.monotonic() - started:.1f} s")
    return dist / rules.APP_NAME


def bundle_files(bundle: Path) -> list[str]:
    internal = bundle / "_internal"
    return sorted(path.relative_to(internal).as_posix() for path in internal.rglob("*"))


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def check_bundle(bundle: Path) -> None:
    """Fail the build when the bundle lacks what the editor needs or carries what it must not."""
    executables = [rules.APP_NAME, rules.CONSOLE_NAME]
    if WINDOWS:
        executables = [name + ".exe" for name in executables]
    problems = [f"missing executable {name}" for name in executables if not (bundle / name).is_file()]
    files = set(bundle_files(bundle))
    required = rules.REQUIRED_WINDOWS if WINDOWS else rules.REQUIRED_LINUX
    problems += [f"missing {name}" for name in required if name not in files]
    problems += [f"must not be bundled: {name}" for name in rules.forbidden_parts(files)]
    translations = sorted(name.rsplit("/", 1)[1] for name in files
                          if name.startswith(rules.QT_TRANSLATIONS) and name.endswith(".qm"))
    if translations != sorted(rules.KEPT_TRANSLATIONS):
        problems.append(f"Qt translations {translations}, expected {rules.KEPT_TRANSLATIONS}")
    if problems:
        sys.exit("bundle check failed:\n  " + "\n  ".join(problems))
    log(f"bundle {bundle}: {tree_size(bundle) / 1e6:.1f} MB, {len(files)} entries in _internal/")


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _version_text(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


_REFERENCE = re.compile(r"^\s+0x[0-9a-f]+ 0x[0-9a-f]+ \d+ (GLIBC|GLIBCXX)_(\d+(?:\.\d+)+)\s*$")


def symbol_version_needs(bundle: Path) -> dict[str, dict[str, tuple[int, ...]]]:
    """For every ELF file of the bundle (relative path), the highest GLIBC_ and GLIBCXX_ symbol versions it
    needs: the version references (`objdump -p`) its loader must find, not the versions it defines."""
    needs: dict[str, dict[str, tuple[int, ...]]] = {}
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with open(path, "rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        highest: dict[str, tuple[int, ...]] = {}
        for line in out.splitlines():
            match = _REFERENCE.match(line)
            if match:
                name, version = match[1], _version_tuple(match[2])
                highest[name] = max(highest.get(name, version), version)
        needs[path.relative_to(bundle).as_posix()] = highest
    return needs


def required_glibc(bundle: Path, needs: dict[str, dict[str, tuple[int, ...]]] | None = None) -> str | None:
    """The highest GLIBC_x.y symbol version any file of the bundle needs, or None."""
    if needs is None:
        if not shutil.which("objdump"):
            return None
        needs = symbol_version_needs(bundle)
    versions = [need["GLIBC"] for need in needs.values() if "GLIBC" in need]
    return _version_text(max(versions)) if versions else None


def check_symbol_ceiling(bundle: Path, ceilings: dict[str, str]) -> dict[str, dict[str, tuple[int, ...]]]:
    """Fail the build when an ELF file of the bundle needs a newer GLIBC/GLIBCXX symbol version than its
    ceiling (an older system's loader would refuse it); log the highest of each and who needs it."""
    if not shutil.which("objdump"):
        sys.exit("objdump is missing (Debian: binutils): the glibc ceiling cannot be checked")
    needs = symbol_version_needs(bundle)
    problems, summary = [], []
    for name, ceiling in ceilings.items():
        limit = _version_tuple(ceiling)
        holders = {path: need[name] for path, need in needs.items() if name in need}
        if holders:
            top = max(holders.values())
            summary.append(f"{name}_{_version_text(top)} (e.g. {min(p for p, v in holders.items() if v == top)})")
        else:
            summary.append(f"no {name}")
        problems += [f"{path} needs {name}_{_version_text(version)} > {ceiling}"
                     for path, version in sorted(holders.items()) if version > limit]
    if problems:
        sys.exit(f"symbol version ceiling {ceilings} exceeded:\n  " + "\n  ".join(problems))
    log(f"symbol scan of {len(needs)} ELF files: highest {', '.join(summary)};"
        f" ceiling {', '.join(f'{n} {c}' for n, c in ceilings.items())}: ok")
    return needs


def leave_out_system_libraries(bundle: Path, libraries: dict[str, list[str]]) -> None:
    """Delete the named libraries from the bundle: the system's own copies are loaded instead, and the .deb
    depends on the packages that hold them (a library copied from the build system can need a newer glibc
    than the oldest target, and the target's own copy is built for it)."""
    links = [path for path in bundle.rglob("*") if path.is_symlink()]
    for package, names in libraries.items():
        for name in names:
            found = [path for path in bundle.rglob(name) if path.is_file() or path.is_symlink()]
            if not found:
                log(f"warning: {name} is not in the bundle (nothing to leave out for {package})")
            targets = {path.resolve() for path in found}
            found += [link for link in links if link not in found and link.resolve() in targets]
            for path in found:
                if path.is_symlink() or path.exists():
                    path.unlink()
                    log(f"left out {path.relative_to(bundle)}: the system's copy, from {package}")


# ----------------------------------------------------------------------------------------------- Linux

LAUNCHER = """#!/bin/sh
# {what} — installed by the perf-target-editor package; the program lives in {install_dir}.
# Found from this script's own place (usr/bin/../../opt/…), so the package unpacked elsewhere (dpkg-deb -x,
# a test, a portable copy) runs its own program; {install_dir} when that is not there.
app="$(dirname "$(readlink -f "$0")")/../..{install_dir}"
[ -x "$app/{name}" ] || app={install_dir}
{extra}exec "$app/{name}" "$@"
"""

# The bundled Qt has input-method plugins for ibus and compose only (the wheel has no fcitx plugin);
# fcitx5 also serves the ibus protocol, so a desktop configured for fcitx still gets Chinese input.
IM_FIX = """case "${QT_IM_MODULE:-}" in
  fcitx*) export QT_IM_MODULE=ibus ;;
  "") case "${XMODIFIERS:-}" in *fcitx*) export QT_IM_MODULE=ibus ;; esac ;;
esac
unset QT_IM_MODULES  # Qt >= 6.7 reads this list first; it may name fcitx only
"""

DESKTOP = f"""[Desktop Entry]
Type=Application
Version=1.0
Name={rules.DISPLAY_NAME}
GenericName=预算绩效目标申报
Comment=离线编辑、检查、保存和打印预算绩效目标申报表
Exec={rules.APP_NAME} %f
Icon={rules.APP_NAME}
Terminal=false
Categories=Office;
Keywords=绩效目标;预算;申报;财政;
MimeType=application/json;application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;
StartupNotify=true
"""


def deb_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def make_icons(out: Path) -> Path:
    """The hicolor PNGs, drawn by packaging/make_icon.py in a Qt process of its own."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(HERE / "make_icon.py"), str(out)], check=True, env=environment,
                   stdout=subprocess.DEVNULL)
    return out / "hicolor"


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def make_deb(bundle: Path, dist: Path, work: Path, compression: str, extra_depends: list[str] = (),
             version_suffix: str = "", needs: dict | None = None) -> Path:
    started = time.monotonic()
    app_version = version() + version_suffix
    arch = deb_architecture()
    stage = work / "deb"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / INSTALL_DIR.lstrip("/"), symlinks=True)
    _write(stage / "usr/bin" / rules.APP_NAME,
           LAUNCHER.format(what=rules.DISPLAY_NAME, install_dir=INSTALL_DIR, name=rules.APP_NAME, extra=IM_FIX), 0o755)
    _write(stage / "usr/bin" / rules.CONSOLE_NAME,
           LAUNCHER.format(what=f"{rules.DISPLAY_NAME}的命令行（check、convert、pdf）", install_dir=INSTALL_DIR,
                           name=rules.CONSOLE_NAME, extra=""), 0o755)
    _write(stage / "usr/share/applications" / f"{rules.APP_NAME}.desktop", DESKTOP)
    shutil.copytree(make_icons(work / "icons"), stage / "usr/share/icons/hicolor")
    _write(stage / "usr/share/doc" / rules.APP_NAME / "README",
           f"{rules.DISPLAY_NAME} {app_version}\n\n"
           f"{INSTALL_DIR}/ holds the program (a PyInstaller bundle with its own Python and Qt).\n"
           f"{rules.APP_NAME} [FILE] opens the editor; {rules.CONSOLE_NAME} check|convert|pdf runs headless.\n")
    for path in [stage, *stage.rglob("*")]:  # files as dpkg expects them, whatever the umask was
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & stat.S_IXUSR
        path.chmod(0o755 if executable else 0o644)

    depends = list(DEB_DEPENDS) + [package for package in extra_depends if package not in DEB_DEPENDS]
    glibc = required_glibc(bundle, needs)
    if glibc:  # dpkg then refuses an older system instead of installing a program that cannot start
        depends.insert(0, f"libc6 (>= {glibc})")
    installed_kib = (tree_size(stage) + 1023) // 1024
    control = "\n".join([
        f"Package: {rules.APP_NAME}",
        f"Version: {app_version}",
        f"Architecture: {arch}",
        f"Maintainer: {os.environ.get('DEB_MAINTAINER', 'perf-target-editor <perf-target-editor@localhost>')}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(depends)}",
        f"Suggests: {', '.join(DEB_SUGGESTS)}",
        "Section: editors",
        "Priority: optional",
        f"Description: {rules.DISPLAY_NAME} - budget performance target declarations",
        " 预算绩效目标申报表的离线编辑器：部门整体与项目支出的三级绩效指标，",
        " 按财政部门的口径检查，保存为 JSON 或 Excel 工作簿，打印或导出 PDF。",
        " .",
        f" Self-contained: Python and Qt are bundled under {INSTALL_DIR}.",
        "",
    ])
    _write(stage / "DEBIAN/control", control)
    validator = shutil.which("desktop-file-validate")
    if validator:  # errors fail the build; it prints hints and warnings too
        subprocess.run([validator, str(stage / "usr/share/applications" / f"{rules.APP_NAME}.desktop")], check=True)
    else:
        log("desktop-file-validate not found (Debian: desktop-file-utils); the .desktop file was not validated")
    deb = dist / f"{rules.APP_NAME}_{app_version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(stage), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    log(f"{deb.name}: {deb.stat().st_size / 1e6:.1f} MB ({compression}), installs {installed_kib / 1024:.1f} MiB,"
        f" needs glibc >= {glibc}; {time.monotonic() - started:.1f} s")
    return deb


# --------------------------------------------------------------------------------------------- Windows

def find_iscc() -> str | None:
    candidates = [os.environ.get("ISCC"), shutil.which("iscc")]
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        folder = os.environ.get(base)
        if folder:
            candidates += [str(Path(folder) / "Inno Setup 6" / "ISCC.exe"),
                           str(Path(folder) / "Programs" / "Inno Setup 6" / "ISCC.exe")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def make_installer(bundle: Path, dist: Path, required: bool) -> Path | None:
    iscc = find_iscc()
    if not iscc:
        message = "Inno Setup 6 (ISCC.exe) not found: the bundle is built, the installer is not"
        if required:
            sys.exit(message)
        log(message)
        return None
    app_version = version()
    subprocess.run([iscc, "/Q", f"/DAppVersion={app_version}", f"/DBundleDir={bundle}", f"/DOutputDir={dist}",
                    f"/DIconFile={ROOT / 'resources' / (rules.APP_NAME + '.ico')}",
                    str(HERE / "windows" / f"{rules.APP_NAME}.iss")], check=True)
    setup = dist / f"{rules.APP_NAME}-{app_version}-setup.exe"
    log(f"{setup.name}: {setup.stat().st_size / 1e6:.1f} MB")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle and package go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "app", help="PyInstaller's work folder")
    parser.add_argument("--install-requirements", action="store_true",
                        help="first pip-install the dependencies and the build extra into this Python (a build venv)")
    parser.add_argument("--no-package", action="store_true", help="the bundle only: no .deb, no installer")
    parser.add_argument("--installer", action="store_true", help="Windows: fail if Inno Setup is missing")
    parser.add_argument("--deb-compression", default="xz", choices=["xz", "gzip", "zstd", "none"],
                        help="xz (default) is what every dpkg reads; zstd needs dpkg >= 1.21.18")
    parser.add_argument("--system-library", action="append", default=[], metavar="PACKAGE=LIB[,LIB…]",
                        help="leave these libraries (file names, globs) out of _internal/ and add PACKAGE to the"
                             " .deb's Depends; repeatable")
    parser.add_argument("--glibc-max", metavar="X.Y",
                        help="fail if an ELF file of the bundle needs a newer GLIBC_ symbol version")
    parser.add_argument("--glibcxx-max", metavar="X.Y.Z",
                        help="fail if an ELF file of the bundle needs a newer GLIBCXX_ symbol version")
    parser.add_argument("--deb-version-suffix", default="", metavar="+SUFFIX",
                        help="appended to the .deb's Version and file name (tells builds for other systems apart)")
    args = parser.parse_args(argv)
    libraries: dict[str, list[str]] = {}
    for spec in args.system_library:
        package, _, names = spec.partition("=")
        if not package or not names:
            parser.error(f"--system-library {spec!r}: expected PACKAGE=LIB[,LIB…]")
        libraries.setdefault(package.strip(), []).extend(n.strip() for n in names.split(",") if n.strip())
    if args.deb_version_suffix and not re.fullmatch(r"[+~][A-Za-z0-9.+~]+", args.deb_version_suffix):
        parser.error("--deb-version-suffix: '+' or '~' then letters, digits, '.', '+' or '~'")
    dist, work = args.dist.resolve(), args.work.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)

    if args.install_requirements:
        install_requirements()
    bundle = run_pyinstaller(dist, work)
    if libraries:
        leave_out_system_libraries(bundle, libraries)
    check_bundle(bundle)
    ceilings = {name: limit for name, limit in (("GLIBC", args.glibc_max), ("GLIBCXX", args.glibcxx_max)) if limit}
    needs = check_symbol_ceiling(bundle, ceilings) if ceilings else None
    dropped = work / rules.APP_NAME / "dropped.txt"
    if dropped.is_file():
        log(f"dropped {len(dropped.read_text('utf-8').split())} plugins and libraries only they needed"
            f" (list: {dropped})")
    if args.no_package:
        return 0
    if WINDOWS:
        make_installer(bundle, dist, args.installer)
    elif shutil.which("dpkg-deb"):
        make_deb(bundle, dist, work, args.deb_compression, list(libraries), args.deb_version_suffix, needs)
    else:
        log("dpkg-deb not found: no .deb made")
    return 0


if __name__ == "__main__":
    sys.exit(main())
