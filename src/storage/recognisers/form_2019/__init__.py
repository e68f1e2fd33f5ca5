"""The 2019 部门整体绩效目标表 (seed 004) → the current department form, by its labels wherever they stand.

Its modules by job: labels (what a cell of the form says it is, and whether a grid is one), reader (the form →
ImportedDepartment: its top fields, its income, and the 年度目标 through the rest), goals (the 年度目标's blocks and
their parts, found by their labels and headers), parts (a part read: the 关键指标, the 主要支出计划), alignment (the rows a PDF's grid does not align under the headers,
read by the form's shape), blocks (what a reading of the 年度目标 gathers), current_form (a block → the current
form's indicators and tasks, with the notes), text (the form from the text of its PDF → a grid the reader reads).

Nothing is imported here, so that department_form can ask labels whether a grid is the 2019 form without loading
the reader: a caller imports the module it needs.
"""
