"""Load YAML keeping the line of every mapping, key and list item, so errors can say ``file:line``."""
from __future__ import annotations

import yaml


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class DuplicateKeyError(yaml.YAMLError):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key
        self.line = line


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when available: ~10x faster


class _Loader(_Base):  # type: ignore[valid-type,misc]
    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        self.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in mapping:
                raise DuplicateKeyError(str(key), key_node.start_mark.line + 1)
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node, deep=False):  # type: ignore[override]
        seq = LineList(self.construct_object(child, deep=True) for child in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [child.start_mark.line + 1 for child in node.value]
        return seq


def _construct_map(loader, node):
    return loader.construct_mapping(node, deep=True)


def _construct_seq(loader, node):
    return loader.construct_sequence(node, deep=True)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def load(text: str):
    """Parse one YAML document; raises yaml.YAMLError (with ``problem_mark``) or DuplicateKeyError."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
