"""Fast YAML reading that remembers where every key and item is.

clauses.yaml grows with every protocol added (one source entry per protocol per
obligation), so it is *read* with libyaml's C parser, which is tens of times faster than a
pure-Python round-trip load, while each mapping and list remembers its line numbers through
the same ``.lc`` interface ruamel.yaml offers (``lc.line``, ``lc.key(k)``, ``lc.item(i)``).
Tools that *rewrite* the map use ruamel.yaml's round trip (``obligations.yaml_for_editing``)
so comments and order survive.
"""

from __future__ import annotations

from typing import Any

import yaml

# libyaml is bundled with PyYAML's wheels; fall back to pure Python if it is absent.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Lines:
    """Line numbers (0-based, as ruamel.yaml's ``.lc``) of a mapping or list and its parts."""

    def __init__(self, line: int, col: int, parts: dict[Any, tuple[int, int]]) -> None:
        self.line = line
        self.col = col
        self._parts = parts

    def key(self, key: Any) -> tuple[int, int]:
        return self._parts[key]

    def item(self, index: int) -> tuple[int, int]:
        return self._parts[index]


class LineDict(dict[Any, Any]):
    """A mapping that knows its lines."""

    lc: Lines


class LineList(list[Any]):
    """A list that knows its lines."""

    lc: Lines


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping repeats a key (YAML forbids it; libyaml would silently keep the last)."""


class _Loader(_Base):  # type: ignore[misc]
    pass


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    out = LineDict()
    parts: dict[Any, tuple[int, int]] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            # "? [a, b]": a list or mapping as a key; no file of this project has one.
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                "found a list or mapping used as a key (only plain words are keys)",
                key_node.start_mark,
            )
        key = loader.construct_object(key_node, deep=True)
        if key in parts:
            raise DuplicateKeyError(
                "while reading a mapping",
                node.start_mark,
                f"found duplicate key {key!r}",
                key_node.start_mark,
            )
        parts[key] = (key_node.start_mark.line, key_node.start_mark.column)
        out[key] = loader.construct_object(value_node, deep=True)
    out.lc = Lines(node.start_mark.line, node.start_mark.column, parts)
    return out


def _sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    parts: dict[Any, tuple[int, int]] = {
        i: (child.start_mark.line, child.start_mark.column) for i, child in enumerate(node.value)
    }
    out.lc = Lines(node.start_mark.line, node.start_mark.column, parts)
    return out


def _string(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _sequence)
# Dates stay text ("2023-03"); the validators check their form.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _string)


class _AsWritten(_Loader):
    """Numbers kept as written: in an answers file every value is text, and a minute
    reference "045" or "12.30" must not become 37 (octal) or 12.3."""


_AsWritten.add_constructor("tag:yaml.org,2002:int", _string)
_AsWritten.add_constructor("tag:yaml.org,2002:float", _string)


def load(text: str, *, numbers_as_written: bool = False) -> Any:
    """Parse YAML text; raises ``yaml.MarkedYAMLError`` with a problem mark on bad input.

    >>> load("ref: 045")["ref"], load("ref: 045", numbers_as_written=True)["ref"]
    (37, '045')
    """
    return yaml.load(text, Loader=_AsWritten if numbers_as_written else _Loader)


def line_of(node: Any, key: Any = None, index: int | None = None) -> int:
    """1-based line of a mapping (or of one of its keys, or a list's item); 0 if unknown."""
    try:
        if key is not None:
            return int(node.lc.key(key)[0]) + 1
        if index is not None:
            return int(node.lc.item(index)[0]) + 1
        return int(node.lc.line) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return 0
