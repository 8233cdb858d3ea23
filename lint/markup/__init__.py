"""Turn an article's source into a Document: one parser per format, all masking (never extracting) markup."""
from __future__ import annotations

import importlib
from pathlib import PurePath

from ..document import Document, Format

# One module per format, imported when a document of that format is first parsed.
_PARSERS = {Format.MARKDOWN: "markdown", Format.TEXT: "text", Format.HTML: "html"}

EXTENSIONS = {
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".mdown": Format.MARKDOWN,
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
}


def format_for(path: str, default: Format = Format.TEXT) -> Format:
    """The format a file's extension implies (plain text when the extension is unknown)."""
    return EXTENSIONS.get(PurePath(path).suffix.lower(), default)


def parse(source: str, fmt: Format | str = Format.MARKDOWN, path: str = "<string>") -> Document:
    """Parse ``source`` in the given format into a Document."""
    module = importlib.import_module(f"{__name__}.{_PARSERS[Format(fmt)]}")
    return module.parse(source, path)
