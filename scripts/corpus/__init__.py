"""The test-data corpus of published tables (issue 22, items 6 and 7): scripts/make_corpus.py renders source
declarations as published tables in many variants, each with the facts it truly holds; scripts/measure_corpus.py
opens every variant with the editor's readers and counts facts right, missing and read wrong. docs/corpus.md
says what the knobs are and records the numbers.

Modules: sheet (a published sheet as cells, before it is any container), sources (the declarations the tables
are made from), indicator_text (the numbered 番禺/天河 text), project_table / department_form / form2019 (the
three layouts), facts (what a variant holds), knobs (the seeded choice of variants), containers (xlsx, the
LibreOffice conversions, the clipboard's TSV, what a PDF printed), compare (a reading against the facts),
report (the tables).
"""
