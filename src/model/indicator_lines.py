"""The numbered indicator text the published project tables print in their 绩效指标 column, one line per
indicator, written in one place for the workbook (src/storage/editor_files/workbook.py) and the printed summary
(src/forms/html_forms.py). Reading it back is src/storage/recognisers/indicator_text.py.

The 天河 style, the one that carries both levels and both values:
  1、产出指标：数量指标：工程量完成率；实施周期指标值：100%；年度指标值：100%。
"""

from __future__ import annotations

from .declaration import INDICATOR_LABELS, Indicator

_PERIOD, _ANNUAL = INDICATOR_LABELS["period_value"], INDICATOR_LABELS["annual_value"]


def indicator_lines(indicators: list[Indicator], blank: str = "") -> list[str]:
    """One numbered line per indicator; an empty value is written as blank."""
    lines = []
    for number, indicator in enumerate(indicators, start=1):
        head = "：".join(part for part in (indicator.level1, indicator.level2, indicator.name) if part)
        lines.append(f"{number}、{head}；{_PERIOD}：{indicator.period_value or blank}；"
                     f"{_ANNUAL}：{indicator.annual_value or blank}。")
    return lines
