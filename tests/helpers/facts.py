"""The facts of the example tables (tests/data/*.expected.json) compared with what was read, with the equivalent
readings tests/data/README.md allows."""

from __future__ import annotations

ONLY_LEVEL2 = {"满意度指标": "服务对象满意度指标"}


def assert_indicator(got, expected: dict) -> None:
    facts = got.model_dump()
    for key, value in expected.items():
        if key == "level2" and value is None and facts["level1"] in ONLY_LEVEL2:
            assert facts[key] in (None, ONLY_LEVEL2[facts["level1"]])  # README: an equivalent reading
        else:
            assert facts[key] == value, (key, facts, expected)
