"""Showing a comparison of two revisions: terminal text, Markdown, a standalone HTML page, JSON.

Every renderer is pure: a ``Comparison`` in, a string out. Source text is data: it is escaped
for the target format everywhere it appears.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from generator.core.markdown_text import md_escape, md_escape_keep_space
from generator.core.wordiff import Op
from generator.diff.compare import (
    Change,
    ChangeKind,
    Comparison,
    EffectKind,
    RenumberedRun,
    Span,
    grouped,
)
from generator.diff.render_html import (
    render_html,
)
from generator.diff.report_words import (
    CONTROL,
    MEANINGS,
    TITLES,
    _text,
    effect_heading,
    effect_lines,
    headline,
    run_headline,
    summary_line,
    where,
)


class Format(StrEnum):
    """Output formats of ``python -m generator diff``."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"


def render(comparison: Comparison, fmt: Format, color: bool = False) -> str:
    """The comparison in the given format; ``color`` adds ANSI colour to text output."""
    if fmt is Format.TEXT:
        return render_text(comparison, color)
    if fmt is Format.MARKDOWN:
        return render_markdown(comparison)
    if fmt is Format.HTML:
        return render_html(comparison)
    return render_json(comparison)


# --- text ---------------------------------------------------------------------------------

_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _safe(text: str) -> str:
    """Control characters shown as \\xNN: a document must not drive the terminal."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def render_text(comparison: Comparison, color: bool = False) -> str:
    """Plain text for a terminal: [-deleted-]{+inserted+}, colour only as an extra."""

    def paint(code: str, text: str) -> str:
        return f"{code}{_safe(text)}{_RESET}" if color else _safe(text)

    out = [
        _safe(f"Comparing {comparison.old_name} (old) with {comparison.new_name} (new)"),
        "Legend: [-deleted-] {+inserted+}; numbers as printed, old → new.",
        f"Summary: {summary_line(comparison)}",
    ]
    if comparison.obligations is not None:
        out += ["", effect_heading(comparison) + ":"]
        out += [f"  {_safe(line)}" for line in effect_lines(comparison)]
    if comparison.identical:
        out += ["", "No differences."]
        return "\n".join(out) + "\n"
    for entry in grouped(comparison.changes):
        out.append("")
        if isinstance(entry, RenumberedRun):
            out.append(paint(_DIM, run_headline(entry)))
            continue
        out.append(paint(_BOLD, headline(entry)))
        out.append("  " + _text_body(entry, paint))
    return "\n".join(out) + "\n"


def _text_body(change: Change, paint: Callable[[str, str], str]) -> str:
    if change.kind is ChangeKind.ADDED:
        return paint(_GREEN, "{+" + change.new_text + "+}")
    if change.kind is ChangeKind.REMOVED:
        return paint(_RED, "[-" + change.old_text + "-]")
    if not change.redline:
        return _safe(change.new_text)
    parts: list[str] = []
    for span in change.redline:
        if span.op is Op.DELETED:
            parts.append(paint(_RED, f"[-{span.text}-]"))
        elif span.op is Op.INSERTED:
            parts.append(paint(_GREEN, "{+" + span.text + "+}"))
        else:
            parts.append(_safe(span.text))
    return "".join(parts)


# --- Markdown -----------------------------------------------------------------------------


def markdown_redline(spans: Sequence[Span]) -> str:
    """A redline as Markdown with <del> and <ins>; every piece of text escaped."""
    out: list[str] = []
    for span in spans:
        text = md_escape_keep_space(span.text)
        if not text.strip():
            out.append(" " if span.text else "")
            continue
        if span.op is Op.DELETED:
            out.append(f"<del>{text}</del>")
        elif span.op is Op.INSERTED:
            out.append(f"<ins>{text}</ins>")
        else:
            out.append(text)
    return "".join(out).strip()


def markdown_body(change: Change) -> str:
    """The text of a change as Markdown: a redline, or the whole clause marked."""
    if change.kind is ChangeKind.ADDED:
        return f"<ins>{md_escape(change.new_text)}</ins>"
    if change.kind is ChangeKind.REMOVED:
        return f"<del>{md_escape(change.old_text)}</del>"
    if change.redline:
        return markdown_redline(change.redline)
    return md_escape(change.new_text)


def render_markdown(comparison: Comparison) -> str:
    """Markdown for a report or an issue: summary table, then each change."""
    counts = comparison.summary()
    out = [
        f"# Changes from {md_escape(comparison.old_name)} to {md_escape(comparison.new_name)}",
        "",
        "Legend: <del>struck-through text</del> was deleted; <ins>underlined text</ins> was "
        "inserted. Numbers are as printed, old → new.",
        "",
        "## Summary",
        "",
        "| Change | Clauses | Meaning |",
        "|---|---:|---|",
    ]
    out += [f"| {TITLES[k]} | {counts[k]} | {MEANINGS[k]} |" for k in ChangeKind]
    if comparison.obligations is not None:
        out += ["", f"## {md_escape(effect_heading(comparison))}", ""]
        out += [f"- {md_escape(line)}" for line in effect_lines(comparison)]
    out += ["", "## Changes", ""]
    if comparison.identical:
        out += ["No differences.", ""]
    for n, entry in enumerate(grouped(comparison.changes), start=1):
        if isinstance(entry, RenumberedRun):
            out += [f"### {n}\\. {md_escape(run_headline(entry))}", ""]
            continue
        out += [f"### {n}\\. {md_escape(headline(entry))}", ""]
        section = entry.new_section or entry.old_section
        if section:
            out += [f"Section: {md_escape(section)}", ""]
        out += [markdown_body(entry), ""]
    return "\n".join(out).rstrip("\n") + "\n"


# --- JSON ---------------------------------------------------------------------------------


def change_data(change: Change) -> dict[str, Any]:
    """One change as JSON-ready data (the documented shape, plus a few extra fields)."""
    data: dict[str, Any] = {
        "kind": change.kind.value,
        "old_number": change.old_number,
        "new_number": change.new_number,
    }
    if change.kind is ChangeKind.ADDED:
        assert change.new is not None
        data["new_text"] = _text(change.new)
    elif change.kind is ChangeKind.REMOVED:
        assert change.old is not None
        data["old_text"] = _text(change.old)
    elif change.kind is ChangeKind.RENUMBERED:
        data["text_changed"] = False
    else:
        assert change.old is not None and change.new is not None
        data["old_text"] = change.old_text
        data["new_text"] = change.new_text
        data["cosmetic"] = change.cosmetic
        data["text_changed"] = change.text_changed
        data["strength"] = (
            {
                "old": change.strength.old,
                "new": change.strength.new,
                "direction": change.strength.direction.value,
            }
            if change.strength
            else None
        )
        if change.redline:
            data["redline"] = [{"op": s.op.value, "text": s.text} for s in change.redline]
        data["similarity"] = change.similarity
    if change.old_parts:
        data["old_parts"] = [c.number or c.id for c in change.old_parts]
    if change.new_parts:
        data["new_parts"] = [c.number or c.id for c in change.new_parts]
    clause = change.clause
    data["clause_kind"] = clause.kind.value
    data["where"] = where(change)
    data["section"] = change.new_section if change.new else change.old_section
    if change.old:
        data["old_line"] = change.old.line
    if change.new:
        data["new_line"] = change.new.line
    return data


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    counts = comparison.summary()
    return {
        "old": comparison.old_name,
        "new": comparison.new_name,
        "summary": {k.value: counts[k] for k in ChangeKind},
        "changes": [change_data(c) for c in comparison.changes],
        "obligations": _effects_data(comparison),
    }


def _effects_data(comparison: Comparison) -> dict[str, Any] | None:
    summary = comparison.obligations
    if summary is None:
        return None
    data: dict[str, Any] = {"protocol": summary.protocol}
    for kind in EffectKind:
        data[kind.name.lower()] = [
            {"id": e.obligation, "title": e.title, "clauses": list(e.clauses)}
            for e in summary.effects
            if e.kind is kind
        ]
    return data


def render_json(comparison: Comparison) -> str:
    return json.dumps(comparison_data(comparison), ensure_ascii=False, indent=2) + "\n"
