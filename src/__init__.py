"""绩效目标申报编辑器: the package behind `main.py`, the installed commands and the frozen app."""

__version__ = "0.2.0"
