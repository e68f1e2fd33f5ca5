"""Outside tools a test needs (dpkg-deb, PyInstaller, Xvfb…): skipped on a developer's machine that lacks
them, a failure when CI=true — CI installs everything (scripts/setup.sh), so a missing tool there is a
broken set-up, never a reason to pass with less tested."""

from __future__ import annotations

import importlib.util
import os
import shutil

import pytest


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def missing(what: str, remedy: str) -> None:
    """Fail on CI, skip elsewhere, saying what is missing and how to get it."""
    message = f"{what} is missing: {remedy}"
    if on_ci():
        pytest.fail(f"{message} (CI=true: a missing tool fails the run)", pytrace=False)
    pytest.skip(message)


def require_command(name: str, remedy: str) -> str:
    """The path of a command on PATH."""
    path = shutil.which(name)
    if path is None:
        missing(name, remedy)
    return path


def require_module(name: str, remedy: str) -> None:
    if importlib.util.find_spec(name) is None:
        missing(f"the Python module {name}", remedy)
