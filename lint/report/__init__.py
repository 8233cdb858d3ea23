"""Output formats: one Reporter per format behind one interface."""
from __future__ import annotations

import enum

from .base import Reporter


class OutputFormat(str, enum.Enum):
    TEXT = "text"
    JSON = "json"

    def reporter(self, color: bool = False, width: int | None = None) -> Reporter:
        if self is OutputFormat.TEXT:
            from .text import TextReporter

            return TextReporter(color=color, width=width)
        from .json import JsonReporter

        return JsonReporter()


__all__ = ["OutputFormat", "Reporter"]
