"""Where the editor's data files are, whether it runs from the repository, installed by pip, or frozen.

Files inside the package (model/framework.json) are package data everywhere. The top-level
`resources/` folder (the indicator library, the demo) is installed as the package's `resources`
subpackage, and lies beside the package in the repository and in a PyInstaller bundle.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE = Path(str(files(__package__)))


def package_file(relative: str) -> Path:
    """A data file of the package itself, e.g. 'model/framework.json'."""
    return _PACKAGE / relative


def resource_file(name: str) -> Path:
    """A file of resources/, e.g. 'indicator_library.json'."""
    installed = _PACKAGE / "resources" / name
    return installed if installed.is_file() else _PACKAGE.parent / "resources" / name


DEMO = "demo-tianhe-2023.json"
INDICATOR_LIBRARY = "indicator_library.json"
