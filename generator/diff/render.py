"""Showing a comparison of two revisions: terminal text, Markdown, a standalone HTML page, JSON.

Every renderer is pure: a ``Comparison`` in, a string out. Source text is data: it is escaped
for the target format everywhere it appears.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from generator.core.markdown_text import md_escape, md_escape_keep_space
from generator.core.types import Clause, Kind
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


# --- words shared by every format ---------------------------------------------------------

TITLES = {
    ChangeKind.ADDED: "Added",
    ChangeKind.REMOVED: "Removed",
    ChangeKind.MODIFIED: "Modified",
    ChangeKind.MOVED: "Moved",
    ChangeKind.RENUMBERED: "Renumbered",
}
MEANINGS = {
    ChangeKind.ADDED: "only in the new revision",
    ChangeKind.REMOVED: "only in the old revision",
    ChangeKind.MODIFIED: "same place, wording changed",
    ChangeKind.MOVED: "now in a different section or order",
    ChangeKind.RENUMBERED: "same wording, new number only",
}
_NOUNS = {
    Kind.HEADING: "heading",
    Kind.PARAGRAPH: "paragraph",
    Kind.ITEM: "bullet",
    Kind.QUOTE: "quoted paragraph",
    Kind.ROW: "table row",
}


def describe(clause: Clause, section: str | None) -> str:
    """How a reader finds a clause: its number, or what it is and which section it is in."""
    if clause.kind is Kind.HEADING:
        if clause.level == 1 and not clause.number:
            return "title"
        label = f"{clause.label} " if clause.label else ""
        return f"heading “{_short(label + clause.text)}”"
    if clause.number:
        return clause.number
    noun = _NOUNS[clause.kind]
    if section:
        return f"{noun} in “{_short(section)}”"
    return f"{noun} before the first heading"


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(clause: Clause) -> str:
    return " | ".join(clause.cells) if clause.cells else clause.text


def where(change: Change) -> str:
    """'1.6', '2.3 → 2.4', or 'paragraph in “Background”'."""
    old = describe(change.old, change.old_section) if change.old else None
    new = describe(change.new, change.new_section) if change.new else None
    if old and new and old != new:
        return f"{old} → {new}"
    return new or old or ""


def headline(change: Change) -> str:
    """One line naming a change: kind, where, and what is notable about it."""
    parts = [f"{TITLES[change.kind]} {where(change)}"]
    notes = notes_of(change)
    if notes:
        parts.append(f"({'; '.join(notes)})")
    return " ".join(parts)


def notes_of(change: Change, sections: bool = True) -> list[str]:
    """Short notes on a change: its strength, cosmetic, where a moved clause went."""
    notes: list[str] = []
    if change.strength:
        s = change.strength
        notes.append(f"{s.direction.value}: “{s.old}” → “{s.new}”")
    if change.cosmetic:
        notes.append("cosmetic: case, punctuation or spacing only")
    if change.kind is ChangeKind.MOVED:
        if sections and change.old_section != change.new_section and change.new_section:
            notes.append(f"now in “{_short(change.new_section)}”")
        if not change.text_changed:
            notes.append("wording unchanged")
    return notes


def run_headline(run: RenumberedRun) -> str:
    first, last = run.first, run.last
    old = f"{first.old_number}–{last.old_number}"
    new = f"{first.new_number}–{last.new_number}"
    return f"Renumbered {old} → {new} ({len(run.changes)} clauses, wording unchanged)"


def effect_lines(comparison: Comparison) -> list[str]:
    """The effect on the obligation map, one plain line per obligation touched."""
    summary = comparison.obligations
    if summary is None:
        return []
    if not summary.effects:
        return [f"No obligation the map cites {summary.protocol} for is affected."]
    return [
        f"{e.kind.value.capitalize()}: {e.title} ({e.obligation}; "
        f"{', '.join(e.clauses) or 'no clause'})"
        for e in summary.effects
    ]


def effect_heading(comparison: Comparison) -> str:
    protocol = comparison.obligations.protocol if comparison.obligations else ""
    return f"Effect on obligations (the map's entries for {protocol})"


def summary_line(comparison: Comparison) -> str:
    counts = comparison.summary()
    return ", ".join(f"{counts[k]} {k.value}" for k in ChangeKind)


# --- text ---------------------------------------------------------------------------------

_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _safe(text: str) -> str:
    """Control characters shown as \\xNN: a document must not drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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
        return paint(_GREEN, "{+" + _text(change.clause) + "+}")
    if change.kind is ChangeKind.REMOVED:
        return paint(_RED, "[-" + _text(change.clause) + "-]")
    if not change.redline:
        return _safe(_text(change.clause))
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
        return f"<ins>{md_escape(_text(change.clause))}</ins>"
    if change.kind is ChangeKind.REMOVED:
        return f"<del>{md_escape(_text(change.clause))}</del>"
    if change.redline:
        return markdown_redline(change.redline)
    return md_escape(_text(change.clause))


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


# --- HTML ---------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; --del: #fde2e1; --ins: #dcf5e3; --ink: #1b1b1b; --muted: #505a5f; }
* { box-sizing: border-box; }
body { font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
a { color: #1d4f91; } a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem;
  background: #fff; padding: .5rem; z-index: 1; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
del { background: var(--del); text-decoration: line-through; text-decoration-thickness: 2px; }
ins { background: var(--ins); text-decoration: underline; text-decoration-thickness: 2px; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #b1b4b6;
  padding: .4rem .6rem; text-align: left; vertical-align: top; }
td.count { text-align: right; }
.kind { display: inline-block; font-size: .8rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; border: 2px solid currentColor; padding: 0 .35rem; margin-right: .4rem; }
.meta { color: var(--muted); margin: .2rem 0; }
.clause { border-left: 4px solid #b1b4b6; padding-left: .8rem; margin: .4rem 0 1.4rem; }
article { margin-bottom: 1.5rem; }
nav ol { padding-left: 2rem; } nav li { margin: .15rem 0; }
@media print { .skip, .views { display: none; } a { color: inherit; } }
"""


def _h(text: str) -> str:
    return html.escape(_CONTROL.sub("\ufffd", text), quote=True)


def html_redline(spans: Sequence[Span]) -> str:
    """A redline as HTML: <del> and <ins>, each announced to screen readers."""
    out: list[str] = []
    for span in spans:
        if span.op is Op.DELETED:
            out.append(_del(span.text))
        elif span.op is Op.INSERTED:
            out.append(_ins(span.text))
        else:
            out.append(_h(span.text))
    return "".join(out)


def _del(text: str) -> str:
    hidden = '<span class="visually-hidden">[deleted: </span>'
    return f'<del>{hidden}{_h(text)}<span class="visually-hidden">]</span></del>'


def _ins(text: str) -> str:
    hidden = '<span class="visually-hidden">[inserted: </span>'
    return f'<ins>{hidden}{_h(text)}<span class="visually-hidden">]</span></ins>'


def _old_side(change: Change) -> str:
    if change.old is None:
        return '<span class="meta">(not in the old revision)</span>'
    if change.kind is ChangeKind.REMOVED:
        return _del(_text(change.old))
    spans = [s for s in change.redline if s.op is not Op.INSERTED]
    return html_redline(spans) if spans else _h(_text(change.old))


def _new_side(change: Change) -> str:
    if change.new is None:
        return '<span class="meta">(not in the new revision)</span>'
    if change.kind is ChangeKind.ADDED:
        return _ins(_text(change.new))
    spans = [s for s in change.redline if s.op is not Op.DELETED]
    return html_redline(spans) if spans else _h(_text(change.new))


def _inline(change: Change) -> str:
    if change.kind is ChangeKind.ADDED:
        return _ins(_text(change.clause))
    if change.kind is ChangeKind.REMOVED:
        return _del(_text(change.clause))
    return html_redline(change.redline) if change.redline else _h(_text(change.clause))


def render_html(comparison: Comparison) -> str:
    """A standalone, accessible page: summary, legend, change list, inline and side-by-side."""
    old, new = _h(comparison.old_name), _h(comparison.new_name)
    counts = comparison.summary()
    entries = grouped(comparison.changes)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Changes from {old} to {new}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#change-list">Skip to the list of changes</a>',
        "<header>",
        f"<h1>Changes from <cite>{old}</cite> to <cite>{new}</cite></h1>",
        f'<p class="meta">{_h(summary_line(comparison))}.</p>',
        "</header>",
        "<main>",
        '<section aria-labelledby="summary-heading">',
        '<h2 id="summary-heading">Summary</h2>',
        "<table>",
        '<caption class="visually-hidden">Number of changes of each kind</caption>',
        '<thead><tr><th scope="col">Change</th><th scope="col">Clauses</th>'
        '<th scope="col">Meaning</th></tr></thead>',
        "<tbody>",
    ]
    for kind in ChangeKind:
        out.append(
            f'<tr><th scope="row">{TITLES[kind]}</th><td class="count">{counts[kind]}</td>'
            f"<td>{_h(MEANINGS[kind])}</td></tr>"
        )
    out += [
        "</tbody>",
        "</table>",
        "</section>",
        *_html_effects(comparison),
        '<section aria-labelledby="legend-heading">',
        '<h2 id="legend-heading">How to read the changes</h2>',
        "<ul>",
        f"<li>{_del('Struck-through text')} was deleted: it is in the old revision only.</li>",
        f"<li>{_ins('Underlined text')} was inserted: it is in the new revision only.</li>",
        "<li>Numbers are as printed; “2.3 → 2.4” means old number, then new number.</li>",
        "<li>A <strong>strengthened</strong> or <strong>weakened</strong> note means the "
        "normative verb changed (for example “should” became “must”).</li>",
        "<li><strong>Cosmetic</strong> changes alter only case, punctuation or spacing.</li>",
        "</ul>",
        '<p class="views">Views: <a href="#inline">inline</a> · '
        '<a href="#side-by-side">side by side</a></p>',
        "</section>",
        '<nav id="change-list" aria-labelledby="change-list-heading">',
        '<h2 id="change-list-heading">List of changes</h2>',
    ]
    if not entries:
        out.append("<p>No differences.</p>")
    else:
        out.append("<ol>")
        for n, entry in enumerate(entries, start=1):
            label = run_headline(entry) if isinstance(entry, RenumberedRun) else headline(entry)
            out.append(f'<li><a href="#change-{n}">{_h(label)}</a></li>')
        out.append("</ol>")
    out += [
        "</nav>",
        '<section id="inline" aria-labelledby="inline-heading">',
        '<h2 id="inline-heading">Inline view</h2>',
    ]
    for n, entry in enumerate(entries, start=1):
        out += _html_entry(n, entry)
    out += [
        "</section>",
        '<section id="side-by-side" aria-labelledby="side-heading">',
        '<h2 id="side-heading">Side-by-side view</h2>',
    ]
    if entries:
        out += [
            "<table>",
            f"<caption>Each change, with <cite>{old}</cite> on the left and "
            f"<cite>{new}</cite> on the right</caption>",
            '<thead><tr><th scope="col">Change</th>'
            f'<th scope="col">Old: {old}</th><th scope="col">New: {new}</th></tr></thead>',
            "<tbody>",
        ]
        for n, entry in enumerate(entries, start=1):
            out += _html_side_rows(n, entry)
        out += ["</tbody>", "</table>"]
    else:
        out.append("<p>No differences.</p>")
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_effects(comparison: Comparison) -> list[str]:
    if comparison.obligations is None:
        return []
    items = "".join(f"<li>{_h(line)}</li>" for line in effect_lines(comparison))
    return [
        '<section aria-labelledby="effects-heading">',
        f'<h2 id="effects-heading">{_h(effect_heading(comparison))}</h2>',
        f"<ul>{items}</ul>",
        "</section>",
    ]


def _badge(kind: ChangeKind) -> str:
    return f'<span class="kind">{TITLES[kind]}</span>'


def _html_entry(n: int, entry: Change | RenumberedRun) -> list[str]:
    if isinstance(entry, RenumberedRun):
        items = "".join(
            f"<li>{_h(str(c.old_number))} → {_h(str(c.new_number))}: "
            f"{_h(_short(_text(c.clause), 90))}</li>"
            for c in entry.changes
        )
        return [
            f'<article id="change-{n}" aria-labelledby="change-{n}-heading">',
            f'<h3 id="change-{n}-heading">{n}. {_badge(ChangeKind.RENUMBERED)} '
            f"{_h(run_headline(entry).removeprefix('Renumbered '))}</h3>",
            f"<details><summary>Show the {len(entry.changes)} clauses</summary>"
            f"<ul>{items}</ul></details>",
            "</article>",
        ]
    notes = notes_of(entry, sections=False)
    meta = []
    if entry.old_section and entry.new_section and entry.old_section != entry.new_section:
        meta.append(f"Section: {_h(entry.old_section)} → {_h(entry.new_section)}")
    elif entry.new_section or entry.old_section:
        meta.append(f"Section: {_h(entry.new_section or entry.old_section or '')}")
    meta += [_h(note) for note in notes]
    out = [
        f'<article id="change-{n}" aria-labelledby="change-{n}-heading">',
        f'<h3 id="change-{n}-heading">{n}. {_badge(entry.kind)} {_h(where(entry))}</h3>',
    ]
    if meta:
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    out += [f'<p class="clause">{_inline(entry)}</p>', "</article>"]
    return out


def _html_side_rows(n: int, entry: Change | RenumberedRun) -> list[str]:
    if isinstance(entry, RenumberedRun):
        label = _h(run_headline(entry))
        return [
            f'<tr><th scope="row"><a href="#change-{n}">{n}.</a> {label}</th>'
            '<td colspan="2">Wording unchanged.</td></tr>'
        ]
    label = f'<a href="#change-{n}">{n}.</a> {_h(headline(entry))}'
    return [
        f'<tr><th scope="row">{label}</th><td>{_old_side(entry)}</td>'
        f"<td>{_new_side(entry)}</td></tr>"
    ]


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
        data["old_text"] = _text(change.old)
        data["new_text"] = _text(change.new)
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
