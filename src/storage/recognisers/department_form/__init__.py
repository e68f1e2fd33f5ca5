"""The 部门整体预算绩效目标申报表 read from a grid by its labels (form.py), its tasks (tasks.py) and indicators
(indicators.py) tables under their headers, by the words in words.py."""

from .form import (
    import_department_form,
    is_current_department_form,
    is_department_form,
    labels_run_together,
)

__all__ = ["import_department_form", "is_current_department_form", "is_department_form", "labels_run_together"]
