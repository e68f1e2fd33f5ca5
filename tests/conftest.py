import os
import sys
from pathlib import Path

import tempfile

# Before any QApplication exists: no display on CI machines (PLATFORM.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and recovery files of test runs stay out of the user's own folders.
_SANDBOX = tempfile.mkdtemp(prefix="perf-editor-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

EXAMPLES = ROOT.parent / "shared" / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "resources" / "demo-tianhe-2023.json"


@pytest.fixture
def examples_dir() -> Path:
    if not EXAMPLES.is_dir():
        pytest.skip("../shared/examples is not beside this checkout")
    return EXAMPLES


@pytest.fixture
def demo_path() -> Path:
    return DEMO
