"""The 项目支出绩效目标表 read from a grid: its header's columns (table.py), what each row is (rows.py), the lines
above the header (title.py), and indicators in a column per 一级 or one a row (indicator_columns.py)."""

from .table import column_role, find_project_header, import_project_table

__all__ = ["column_role", "find_project_header", "import_project_table"]
