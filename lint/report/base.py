"""The interface every output format implements."""
from __future__ import annotations

from abc import ABC, abstractmethod

from ..result import RunResult


class Reporter(ABC):
    @abstractmethod
    def render(self, result: RunResult) -> str:
        """The whole report as a string (written to stdout or --output)."""
