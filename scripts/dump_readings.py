"""What every file in tests/data reads to: the declaration (as the editor's JSON), the 导入说明, or the refusal.

    .venv/bin/python -m scripts.dump_readings [OUT]     (default tests/data/readings.json)

Committed before a change to the readers or to the house's rooms, then compared after by
tests/test_readings_dump.py: what a clerk's file opens to does not change unnoticed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# Seed texts are not tables, the library's sources are no declarations, and the generated corpus has a
# measurement of its own (scripts/measure_corpus.py).
SKIPPED_FOLDERS = {"seeds", "library_holdout", "corpus"}


def data_files() -> list[Path]:
    from src.storage.infra import formats

    return sorted(p for p in DATA.rglob("*") if p.is_file() and not SKIPPED_FOLDERS & set(p.relative_to(DATA).parts)
                  and formats.is_known_name(p) and not p.name.endswith((".expected.json", ".declaration.json"))
                  and p.name != "readings.json")


def reading(path: Path) -> dict:
    from src.storage.infra.errors import FileProblem
    from src.storage.infra.files import open_declaration

    try:
        opened = open_declaration(path)
    except FileProblem as problem:
        return {"refused": str(problem).replace(str(path), path.name)}
    return {"declaration": json.loads(opened.declaration.model_dump_json()), "notes": list(opened.notes)}


def readings() -> dict[str, dict]:
    return {path.relative_to(DATA).as_posix(): reading(path) for path in data_files()}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DATA / "readings.json"
    found = readings()
    out.write_text(json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{out}: {len(found)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
