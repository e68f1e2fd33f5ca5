"""`python -m perf_target_editor` (installed) works as `python main.py` does."""

from .launcher import gui_main

gui_main()
