"""The console script (``healthlint`` and ``python -m lint``): a short-lived command.

Start-up (imports, the cached database, the engine) creates many long-lived objects and no garbage, so the cyclic
garbage collector only costs time there: it is off until the engine is built (see ``check.resume_collection``),
which makes a one-file run, the pre-commit case, about 30 ms faster.
"""
from __future__ import annotations

import gc
import sys


def entry() -> None:
    gc.disable()
    from .cli import main

    sys.exit(main())
