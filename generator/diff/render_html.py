"""The standalone HTML report: summary, legend, each change inline and side by side, the
effect on obligations; accessible, no external resources, readable on a phone.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from generator.core.wordiff import Op
from generator.diff.compare import (
    Change,
    ChangeKind,
    Comparison,
    RenumberedRun,
    Span,
    grouped,
)
from generator.diff.report_words import (
    CONTROL,
    MEANINGS,
    TITLES,
    _short,
    _text,
    effect_heading,
    effect_lines,
    headline,
    notes_of,
    run_headline,
    summary_line,
    where,
)

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
body, td, th { overflow-wrap: break-word; }
@media (max-width: 40rem) {
  body { padding: .75rem .75rem 2rem; }
  nav ol { padding-left: 1.4rem; }
  th, td { padding: .3rem .35rem; } table { font-size: .95rem; }
  /* A phone stacks each table row: no sideways scrolling. */
  table.sides, .sides caption, .sides tbody, .sides tr, .sides th, .sides td {
    display: block; width: 100%; }
  .sides thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); }
  .sides tr { margin-bottom: .8rem; border: 1px solid #b1b4b6; } .sides th, .sides td { border: 0; }
  .sides td[data-label]::before { content: attr(data-label); display: block; font-size: .85rem;
    font-weight: 700; color: var(--muted); }
}
@media print { .skip, .views { display: none; } a { color: inherit; } }
"""


def _h(text: str) -> str:
    return html.escape(CONTROL.sub("\ufffd", text), quote=True)


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


def _side(change: Change, old: bool) -> str:
    """One revision's side of a change: its words, with what the other side lacks marked."""
    clause, text = (change.old, change.old_text) if old else (change.new, change.new_text)
    if clause is None:
        return f'<span class="meta">(not in the {"old" if old else "new"} revision)</span>'
    if change.kind is (ChangeKind.REMOVED if old else ChangeKind.ADDED):
        return _del(text) if old else _ins(text)
    other = Op.INSERTED if old else Op.DELETED
    spans = [s for s in change.redline if s.op is not other]
    return html_redline(spans) if spans else _h(text)


def _inline(change: Change) -> str:
    if change.kind is ChangeKind.ADDED:
        return _ins(change.new_text)
    if change.kind is ChangeKind.REMOVED:
        return _del(change.old_text)
    return html_redline(change.redline) if change.redline else _h(change.new_text)


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
            f'<tr><th scope="row">{TITLES[kind]}</th>'
            f'<td class="count">{counts[kind]}</td><td>{_h(MEANINGS[kind])}</td></tr>'
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
            '<table class="sides">',
            f"<caption>Each change, with <cite>{old}</cite> on the left and "
            f"<cite>{new}</cite> on the right</caption>",
            '<thead><tr><th scope="col">Change</th>'
            f'<th scope="col">Old: {old}</th><th scope="col">New: {new}</th></tr></thead>',
            "<tbody>",
        ]
        for n, entry in enumerate(entries, start=1):
            out += _html_side_rows(n, entry, f"Old: {old}", f"New: {new}")
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
            f"<li>{_h(c.old_number or 'unnumbered')} → {_h(c.new_number or 'unnumbered')}: "
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


def _html_side_rows(
    n: int, entry: Change | RenumberedRun, old: str = "Old", new: str = "New"
) -> list[str]:
    if isinstance(entry, RenumberedRun):
        label = _h(run_headline(entry))
        return [
            f'<tr><th scope="row"><a href="#change-{n}">{n}.</a> {label}</th>'
            '<td colspan="2">Wording unchanged.</td></tr>'
        ]
    label = f'<a href="#change-{n}">{n}.</a> {_h(headline(entry))}'
    return [
        f'<tr><th scope="row">{label}</th><td data-label="{old}">{_side(entry, old=True)}</td>'
        f'<td data-label="{new}">{_side(entry, old=False)}</td></tr>'
    ]
