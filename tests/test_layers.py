"""The floors of the codebase (STYLE.md): model ← storage/forms ← ui/cli ← launcher ← main, no Qt below
the UI, and no import cycles between modules."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

# A module may import its own floor and the floors below it. bundled.py only locates data files.
FLOORS = {"bundled": 0, "model": 1, "storage": 2, "forms": 2, "render": 3, "ui": 4, "commands": 4, "cli": 4,
          "launcher": 5, "__main__": 6}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["src", *parts])


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
    return names


def own_imports(path: Path) -> set[str]:
    """The src modules a file imports, relative imports resolved (`from . import x` counts as the package)."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    modules = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            modules |= {f"{target}.{a.name}" if _is_module(f"{target}.{a.name}") else target for a in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("src"):
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules |= {a.name for a in node.names if a.name.startswith("src")}
    return {m for m in modules if _is_module(m)}


def _is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (SRC / relative).with_suffix(".py").is_file() or (SRC / relative / "__init__.py").is_file()


def floor_of(name: str) -> int:
    parts = name.split(".")
    return FLOORS[parts[1]] if len(parts) > 1 else 0


def graph() -> dict[str, set[str]]:
    return {module_name(path): own_imports(path) for path in SRC.rglob("*.py")}


@pytest.mark.parametrize("floor", ["model", "storage", "forms"])
def test_no_qt_below_the_ui(floor):
    files = sorted((SRC / floor).rglob("*.py"))
    assert files
    for path in files:
        for name in imported_modules(path):
            assert "PySide6" not in name and "Qt" not in name.split(".")[0], f"{path.name} imports {name}"
            assert ".ui" not in name and not name.startswith("src.ui"), f"{path.name} imports the UI: {name}"


def test_every_arrow_points_down():
    modules = graph()
    assert {"src.model.checks", "src.storage.infra.files", "src.ui.controllers.main_window", "src.launcher"} <= set(modules)
    for module, imports in modules.items():
        for imported in imports:
            if imported == "src" or module.count(".") == 0:
                continue  # the package itself (its __version__)
            assert floor_of(imported) <= floor_of(module), f"{module} imports {imported}, a floor above it"


def test_storage_and_forms_do_not_import_each_other():
    for module, imports in graph().items():
        floor = module.split(".")[1] if module.count(".") else ""
        if floor in ("storage", "forms"):
            other = "forms" if floor == "storage" else "storage"
            assert not any(i.startswith(f"src.{other}") for i in imports), module


def test_no_import_cycles():
    modules = graph()
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(modules.get(module, ())):
            if imported not in modules or imported == "src":
                continue
            if state.get(imported) == "open":
                cycle = trail[trail.index(imported):] + [imported] if imported in trail else [module, imported]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if imported not in state:
                visit(imported, trail + [imported])
        state[module] = "done"

    for module in sorted(modules):
        if module not in state:
            visit(module, [module])


def test_pyproject_installs_every_package_under_src():
    """A folder added under src/ and forgotten in pyproject.toml would be missing from the wheel."""
    import tomllib

    listed = set(tomllib.loads((SRC.parent / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(["perf_target_editor", *init.parent.relative_to(SRC).parts])
               for init in SRC.rglob("__init__.py")}
    assert listed - {"perf_target_editor.resources"} == folders


def test_the_import_contracts_hold():
    """[tool.importlinter] in pyproject.toml: the floors, the model without Qt or storage, containers that
    know nothing of declarations, headless commands without the ui, the ui's own rooms."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(SRC.parent)}
    result = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
                             "sys.exit(lint_imports_command())"], capture_output=True, text=True, cwd=SRC.parent,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout and result.stdout.count("KEPT") >= 5


LOCATION_LITERAL = __import__("re").compile(r"^(department|projects)[.\[]|\.indicators\[|\.funds\.|\.budget\.|^year$")
# Strings that read like a location but are something else (a form key, a dict key, a label's key).
NOT_LOCATIONS = {"year"}


def _string_literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_locations_are_spelled_only_in_model_paths():
    """model/paths.py is the one module that knows how a location is spelled; everything else builds them
    with its functions and constants (paths.field(paths.BUDGET, 'project'), paths.YEAR…)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "model" / "paths.py":
            continue
        for line, text in _string_literals(path):
            if LOCATION_LITERAL.search(text) and text not in NOT_LOCATIONS:
                found.append(f"{path.relative_to(SRC)}:{line}: {text!r}")
    assert not found, "\n".join(found)


def test_no_room_holds_more_than_twelve_modules():
    """Rooms by job (issue 21): a folder of src/storage or src/ui past 12 modules is doing more than one job."""
    for folder in [SRC / "storage", SRC / "ui", *(SRC / "storage").iterdir(), *(SRC / "ui").iterdir()]:
        if folder.is_dir() and folder.name != "__pycache__":
            modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
            assert len(modules) <= 12, (folder.relative_to(SRC), len(modules))
