import os
import sys
from pathlib import Path

# Before any QApplication exists: no display on CI machines (PLATFORM.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
