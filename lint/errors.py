"""Errors the command reports as one clear line (never a traceback)."""
from __future__ import annotations


class HealthlintError(Exception):
    """Base class: the message is already a complete, user-facing line."""


class ClaimsError(HealthlintError):
    """One or more problems in a claims file; each message reads ``file:line: problem``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class UsageError(HealthlintError):
    """A bad command-line option or value."""


class DocumentError(HealthlintError):
    """A file that cannot be read as text (or a path that does not exist)."""

    def __init__(self, path: str, message: str, line: int | None = None, missing: bool = False) -> None:
        self.path = path
        self.message = message
        self.line = line
        self.missing = missing
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
