"""Hypothesis strategies for whole declarations, for round-trip tests over every format."""

from decimal import Decimal

from hypothesis import strategies as st

from src.model import framework
from src.model.declaration import Budget, Declaration, Department, Funds, Indicator, Project, Review, Task

# Text a clerk could type: CJK, ASCII, punctuation, a line break, leading '=' or '+'.
_alphabet = st.sampled_from(list("产出效益满意度指标率次人%≥≤＞＜＝=+-@ 　abcXY0123456789，。；：()（）\n\"'<>&") + ["\t"])
text = st.one_of(st.none(), st.text(_alphabet, min_size=1, max_size=30), st.sampled_from(["=100%", "+1", "-", "@a", "=SUM(A1:A2)"]))
name_text = st.text(_alphabet, min_size=1, max_size=20).filter(lambda s: s.strip() and not s.strip().startswith("其他需完成的任务"))
amount = st.one_of(st.none(), st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False, allow_infinity=False),
                   st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=3, allow_nan=False, allow_infinity=False))
level1 = st.one_of(st.none(), st.sampled_from(framework.level1_names()), st.just("投入指标"))
level2 = st.one_of(st.none(), st.sampled_from(sorted({l2 for l1 in framework.level1_names() for l2 in framework.level2_choices(l1)})))

indicators = st.lists(st.builds(Indicator, level1=level1, level2=level2, name=text, period_value=text, annual_value=text,
                                previous_annual_value=text), max_size=5)
# Schema 2's project fields; marks may repeat (the model keeps each once).
review = st.lists(st.sampled_from(list(Review)), max_size=3)
projects = st.lists(st.builds(
    Project, name=text, unit=text, period=text,
    funds=st.builds(Funds, total=amount, fiscal=amount, special_account=amount, other=amount),
    goal=text, indicators=indicators, source_file=text, review=review), max_size=4)
department = st.builds(
    Department, name=text, functions=text,
    budget=st.builds(Budget, **{key: amount for key in Budget.model_fields}),
    overall_goal=text,
    tasks=st.lists(st.builds(Task, name=name_text, content=text, funds=amount, expected=text), max_size=3),
    indicators=indicators)
declarations = st.builds(Declaration, year=st.one_of(st.none(), st.integers(1900, 2100)), department=department, projects=projects)
