"""The inverse of the parser: clauses back to a source-format Markdown body.

``parse_body(unparse(clauses))`` gives the same clauses (ids, numbers, texts, parents), which
the round-trip property tests check. Emphasis is not kept: clause text is plain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.core.types import Clause, Kind

_ESCAPE = re.compile(r"([\\`*_\[\]<>&#|!~])")
_BARE_INT = re.compile(r"^(\d+)\.")


def escape(text: str) -> str:
    """Backslash-escape what CommonMark could read as markup in running text."""
    out = _ESCAPE.sub(r"\\\1", text)
    if out[:1] in ("-", "+", "=") or _BARE_INT.match(out):
        out = "\\" + out if out[:1] in ("-", "+", "=") else _BARE_INT.sub(r"\1\\.", out)
    return out


def unparse(clauses: Sequence[Clause]) -> str:
    """A Markdown body that parses back to ``clauses``."""
    blocks: list[str] = []
    table: list[str] = []
    prev: Clause | None = None

    def flush_table() -> None:
        if table:
            blocks.append("\n".join(table))
            table.clear()

    for c in clauses:
        if c.kind is not Kind.ROW:
            flush_table()
        if c.kind is Kind.HEADING:
            label = f"{c.label} " if c.label else ""
            blocks.append(f"{'#' * c.level} {label}{escape(c.text)}".rstrip())
        elif c.kind is Kind.PARAGRAPH:
            if c.label:
                label = (
                    _BARE_INT.sub(r"\1\\.", c.label) if _BARE_INT.fullmatch(c.label) else c.label
                )
                blocks.append(f"{label} {escape(c.text)}".rstrip())
            else:
                blocks.append(escape(c.text))
        elif c.kind is Kind.QUOTE:
            blocks.append(f"> {escape(c.text)}")
        elif c.kind is Kind.ITEM:
            line = f"{'  ' * (c.level - 1)}- {escape(c.text)}"
            if prev is not None and prev.kind is Kind.ITEM:
                blocks[-1] += "\n" + line
            else:
                blocks.append(line)
        elif c.kind is Kind.ROW:
            cells = " | ".join(escape(x) for x in c.cells)
            table.append(f"| {cells} |")
            if c.header:
                table.append("|" + "---|" * len(c.cells))
        prev = c
    flush_table()
    return "\n\n".join(blocks) + "\n"
