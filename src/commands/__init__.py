"""The headless commands, one module each: NAME, HELP, add_arguments(parser), run(arguments) -> exit code.

Imported statically (not discovered) so that PyInstaller sees every one; each module keeps its heavy
imports inside run(), so listing them costs nothing at start-up.
"""

from __future__ import annotations

from . import check, convert, diff, fix, merge, next_year, pdf, selftest

MODULES = (check, convert, pdf, selftest, diff, next_year, merge, fix)
