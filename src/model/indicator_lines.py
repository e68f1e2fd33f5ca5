"""The numbered indicator text the published project tables print in their 绩效指标 column, one line per
indicator, written in one place for the workbook (src/storage/editor_files/workbook.py) and the printed summary
(src/forms/html_forms.py). Reading it back is src/storage/recognisers/indicator_text.py.

The 天河 style, the one that carries both levels and both values:
  1、产出指标：数量指标：工程量完成率；实施周期指标值：100%；年度指标值：100%。
"""

from __future__ import annotations

from .declaration import INDICATOR_LABELS, Indicator

_PERIOD, _ANNUAL = INDICATOR_LABELS["period_value"], INDICATOR_LABELS["annual_value"]


def indicator_lines(indicators: list[Indicator]) -> list[str]:
    """One numbered line per indicator. A value not filled in is left out with its label: a form handed in
    shows no 实施周期指标值： with nothing after it (the checks tell the clerk what is missing)."""
    lines = []
    for number, indicator in enumerate(indicators, start=1):
        head = "：".join(part for part in (indicator.level1, indicator.level2, indicator.name) if part)
        values = [f"{label}：{value}" for label, value in ((_PERIOD, indicator.period_value),
                                                          (_ANNUAL, indicator.annual_value)) if value]
        lines.append(f"{number}、{'；'.join([head, *values]) if values else head}。")
    return lines
