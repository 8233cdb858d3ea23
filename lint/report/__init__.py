"""Output formats: one Reporter per format behind one interface, each in a module of its own."""
from __future__ import annotations

import enum
import importlib

from .base import Reporter


class OutputFormat(str, enum.Enum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    RDJSONL = "rdjsonl"
    JUNIT = "junit"
    GITLAB = "gitlab"
    MARKDOWN = "markdown"
    HTML = "html"

    @property
    def machine(self) -> bool:
        """Formats read by programs: no progress bar, no colour."""
        return self not in (OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.HTML)

    def reporter(self, color: bool = False, width: int | None = None) -> Reporter:
        if self is OutputFormat.TEXT:
            from .text import TextReporter

            return TextReporter(color=color, width=width)
        module = importlib.import_module(f"{__name__}.{self.value}")
        return getattr(module, _CLASS_NAMES[self])()


_CLASS_NAMES = {
    OutputFormat.JSON: "JsonReporter",
    OutputFormat.SARIF: "SarifReporter",
    OutputFormat.GITHUB: "GithubReporter",
    OutputFormat.RDJSONL: "RdjsonlReporter",
    OutputFormat.JUNIT: "JunitReporter",
    OutputFormat.GITLAB: "GitlabReporter",
    OutputFormat.MARKDOWN: "MarkdownReporter",
    OutputFormat.HTML: "HtmlReporter",
}

__all__ = ["OutputFormat", "Reporter"]
