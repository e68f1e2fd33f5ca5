"""Where the editor's data files are, whether it runs from the repository, installed by pip, or frozen.

Files inside the package (model/framework.json) are package data everywhere. The top-level
`resources/` folder (the indicator library, the demo) is installed as the package's `resources`
subpackage, and lies beside the package in the repository and in a PyInstaller bundle.
"""

from __future__ import annotations

from pathlib import Path

# The package's own folder. Not importlib.resources.files(): it gives the same folder in all three cases
# (a plain directory on disk, PyInstaller's _internal/src too) but importing it costs ~15 ms of start-up.
_PACKAGE = Path(__file__).resolve().parent


def package_file(relative: str) -> Path:
    """A data file of the package itself, e.g. 'model/framework.json'."""
    return _PACKAGE / relative


def resource_file(name: str) -> Path:
    """A file of resources/, e.g. 'indicator_library.json'."""
    installed = _PACKAGE / "resources" / name
    return installed if installed.is_file() else _PACKAGE.parent / "resources" / name


DEMO = "demo-tianhe-2023.json"
INDICATOR_LIBRARY = "indicator_library.json"  # v1: 三级 names by 二级, from the example tables
INDICATOR_LIBRARY_V2 = "indicator_library_v2.json"  # published indicators of every sector, with sources
