"""The model protocol on the site and as downloads: Project in, ``{path: content}`` out. Pure.

Pages (paths relative to ``docs/``):

- ``model/index.md``: what the model is, how it is assembled, the downloads, the optional
  clauses with their ids (for ``include`` / ``exclude``), and how to draft with ``draft``.
- ``model/<kind>.md`` for each kind of council in :data:`~generator.model_fields.KINDS`
  (``england-local``, ``england-executive``, ``england-committee``, ``wales-local``,
  ``wales-principal``): that kind's model in full.

Each clause on those pages says how many of the protocols state it, in full or in part, with
links to their wording (``../protocols/<slug>.md#<clause-id>``), the law it states (its
``law:`` in the map) and, where it says something no protocol says, why (``new_drafting:``).
Placeholders are shown as ``<mark>[Clerk]</mark>``: bracketed, so they do not depend on the
highlight colour. Clauses that are off by default follow in a numbered appendix, in the
model's order.

Downloads (bytes or text), for each kind: ``model/model-protocol-<kind>.docx`` and
``model/model-protocol-<kind>.md``. The ``.md`` downloads are files to save, not pages: see
:func:`is_download`. No download carries a machine id.
"""

from __future__ import annotations

import functools
import html
import re

from generator.core import links
from generator.core.markdown_text import attr_escape, md_escape
from generator.drafting.docx_writer import model_docx
from generator.drafting.model_protocol import (
    GROUP_TITLE,
    GROUPS,
    ModelClause,
    ModelProtocol,
    SourceRef,
    SpanKind,
    Text,
    build,
)
from generator.map.obligations import ModelScope, Status
from generator.project import Project

DOWNLOAD = re.compile(r"^model/model-protocol-[a-z-]+\.(docx|md)$")
SCOPE_WORDS = {
    ModelScope.LOCAL: "parish, town and community councils",
    ModelScope.PRINCIPAL: "principal councils (district, borough, county, county borough, unitary)",
    ModelScope.OPTIONAL: "no council unless switched on",
}


def is_download(path: str) -> bool:
    """True for files that are downloads (copied as they are), not pages to render.

    >>> is_download("model/model-protocol-wales-local.md"), is_download("model/wales-local.md")
    (True, False)
    """
    return bool(DOWNLOAD.match(path))


def model_pages(project: Project) -> dict[str, str | bytes]:
    """Every model page and download, by path relative to ``docs/``; empty without a map."""
    omap = project.obligations
    if omap is None:
        return {}
    out: dict[str, str | bytes] = {}
    models: dict[str, ModelProtocol] = {}
    for group in GROUPS:
        model, _ = build(omap, project.protocols, group=group)
        models[group] = model
        out[f"model/{group}.md"] = model_page(model)
        out[f"model/model-protocol-{group}.md"] = model_markdown(model)
        out[f"model/model-protocol-{group}.docx"] = model_docx(model)
    out["model/index.md"] = index_page(models, len(project.protocols))
    return out


# ------------------------------------------------------------------ the Markdown download


_LIVE_MARKDOWN = re.compile(r"([\\`*_\[\]<>&])")


def _plain_md(text: str) -> str:
    """Text for the Markdown download, which clerks also read as plain text: only what could
    start a link, an image, emphasis, code or raw HTML is escaped (``\\``, backtick, ``*``,
    ``_``, brackets, ``<``, ``>``, ``&``), so data stays words and ordinary punctuation stays
    readable."""
    return _LIVE_MARKDOWN.sub(r"\\\1", text)


def _md_text(text: Text) -> str:
    return "".join(
        f"[{_plain_md(s.text)}]" if s.kind is SpanKind.PLACEHOLDER else _plain_md(s.text)
        for s in text
    )


def model_markdown(model: ModelProtocol) -> str:
    """The protocol as a Markdown file a clerk can edit: numbered by hand, no site links."""
    council = _md_text(model.council)
    out = [f"# {council}", "", f"**{model.title}**", ""]
    if model.tier is None:
        out += [
            f"*A model protocol for {GROUP_TITLE[model.group]}. Replace each [bracketed] text "
            "with your council's own wording, and delete this paragraph.*",
            "",
        ]
    for line in model.cover:
        out.append(f"- {line.label}: {_md_text(line.text)}")
    out.append("")
    for section in model.sections:
        out += [f"## {section.number}. {_plain_md(section.title)}", ""]
        for clause in section.clauses:
            out += [f"{clause.number}\u2003{_md_text(clause.text)}", ""]
            for i, item in enumerate(clause.items, 1):
                out += [f"> {clause.number}.{i}\u2003{_md_text(item)}", ""]
    off = [d for d in model.decisions if not d.included]
    if model.tier is None and off:
        out += ["## Appendix: optional clauses not included above", ""]
        current = None
        for n, d in enumerate(sorted(off, key=lambda d: d.order), 1):
            if d.section != current:
                current = d.section
                out += [f"### {_plain_md(d.heading)}", ""]
            out += [
                f"A.{n}\u2003**{_plain_md(d.title)}** *({d.reason})*",
                "",
                _md_text(d.text),
                "",
            ]
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------------ the site pages


def _site_text(text: Text) -> str:
    parts: list[str] = []
    for s in text:
        if s.kind is SpanKind.PLACEHOLDER:
            parts.append(
                f'<mark class="placeholder" title="placeholder: replace with your council\'s '
                f'own wording">[{html.escape(s.text)}]</mark>'
            )
        else:
            lead = s.text[: len(s.text) - len(s.text.lstrip())]
            trail = s.text[len(s.text.rstrip()) :]
            parts.append(lead + md_escape(s.text) + trail if s.text.strip() else s.text)
    return "".join(parts)


def _provenance(clause: ModelClause) -> list[str]:
    """The lines under a clause: its sources, its law, and why it is new drafting."""
    out = [f"<small>{_sources(clause)}</small>"]
    if clause.law:
        out += ["", f"<small>**Law:** {md_escape(clause.law)}</small>"]
    if clause.new_drafting:
        out += ["", f"<small>**New drafting:** {md_escape(clause.new_drafting)}</small>"]
    return out


def _sources(clause: ModelClause) -> str:
    full = sum(1 for s in clause.sources if s.status is Status.FULL)
    part = len(clause.sources) - full
    n = len(clause.sources)
    if n == 0:
        return f"*In none of the {clause.protocols} protocols.*"
    detail = (
        "all in full"
        if part == 0 and n > 1
        else "in full"
        if part == 0
        else "in part"
        if full == 0 and n == 1
        else f"{full} in full, {part} in part"
    )
    cited = "; ".join(_source_links(s) for s in clause.sources)
    return f"In {n} of {clause.protocols} protocols ({detail}): {cited}"


@functools.lru_cache(maxsize=65536)  # the local and principal models cite the same clauses
def _source_links(s: SourceRef) -> str:
    note = f" (in part: {s.note})" if s.status is Status.PARTIAL and s.note else ""
    council, note = attr_escape(s.council), attr_escape(note)
    cited = ", ".join(
        f"[{md_escape(name)}]({links.rel(links.MODEL, links.protocol_page(s.slug), cid)} "
        f'"{council}, {attr_escape(name)}{note}")'
        for cid, name in ((cid, _label(cid, label, s.slug)) for cid, label in s.clauses)
    )
    partial = " (in part)" if s.status is Status.PARTIAL else ""
    return f"{md_escape(s.council)}{partial} {cited}"


PART = re.compile(r"^([pbr])(\d+)$")
PART_WORDS = {"p": "para", "b": "bullet", "r": "row"}


def _label(cid: str, label: str, slug: str) -> str:
    """How a cited clause is named in a link: its printed number, else a reading of its id.

    >>> _label("farnham-3-1-b1", "¶", "farnham"), _label("crawley-2-3", "2.3.", "crawley")
    ('3.1 bullet 1', '2.3')
    >>> _label("west-mersea-introduction-p12-b2", "¶", "west-mersea")
    'introduction para 12 bullet 2'
    """
    if label != "¶":
        return label.rstrip(".")
    words: list[str] = []
    for part in cid.removeprefix(f"{slug}-").split("-"):
        m = PART.match(part)
        if m:
            words.append(f"{PART_WORDS[m.group(1)]} {m.group(2)}")
        elif part.isdigit() and words and words[-1].replace(".", "").isdigit():
            words[-1] += f".{part}"
        else:
            words.append(part)
    return " ".join(words)


def model_page(model: ModelProtocol) -> str:
    """The model in full for a kind of council, with each clause's sources and law."""
    group = GROUP_TITLE[model.group]
    out = [
        f"# Model protocol for {group}",
        "",
        f"The model councillor–officer protocol for {group}, clause by clause. Under each "
        "clause: how many of the five protocols already say this, with links to their "
        "wording; the law the clause states; and, where the model says something no protocol "
        "says, why. Text in <mark>[brackets]</mark> is a placeholder for your council's own "
        "wording.",
        "",
        f"Download: [Word (.docx)](model-protocol-{model.group}.docx) · "
        f"[Markdown (.md)](model-protocol-{model.group}.md) · "
        "or [draft your own](index.md#draft-your-councils-protocol) with your council's "
        "details filled in.",
        "",
    ]
    for line in model.cover:
        out.append(f"- {line.label}: {_site_text(line.text)}")
    out.append("")
    for section in model.sections:
        out += [f"## {section.number}. {md_escape(section.title)} {{#{section.id}}}", ""]
        for clause in section.clauses:
            scope = (
                ""
                if clause.scope is ModelScope.CORE
                else f" *(optional clause `{clause.id}`: {clause.reason})*"
            )
            out += [
                f"**{clause.number}**\u2003{_site_text(clause.text)}{scope}",
                f"{{: #{clause.id} }}",
                "",
            ]
            for i, item in enumerate(clause.items, 1):
                out += [f"> **{clause.number}.{i}**\u2003{_site_text(item)}", ""]
            out += [*_provenance(clause), "", ""]
    off = [d for d in model.decisions if not d.included]
    if off:
        out += [
            "## Appendix: optional clauses not included above {#optional-clauses}",
            "",
            "Off by default for these councils; switch one on with `include` in your answers "
            "file (the id is in brackets).",
            "",
        ]
        current = None
        for n, d in enumerate(sorted(off, key=lambda d: d.order), 1):
            if d.section != current:
                current = d.section
                out += [f"### {md_escape(d.heading)}", ""]
            out += [
                f"**A.{n}**\u2003**{md_escape(d.title)}** (`{d.id}`): {_site_text(d.text)}",
                "",
            ]
    return "\n".join(out).rstrip() + "\n"


def index_page(models: dict[str, ModelProtocol], n_protocols: int) -> str:
    """The model's landing page: what it is, downloads, optional clauses, drafting."""
    out = [
        "# Model protocol",
        "",
        "A model councillor–officer protocol that a council can adopt, assembled clause by "
        f"clause from the obligation map of {n_protocols} councils' protocols. Each clause "
        "shows which councils already say this; the model adapts to the kind of council.",
        "",
        "## Read it",
        "",
    ]
    for group, model in models.items():
        n = len(model.clauses)
        out.append(
            f"- [For {GROUP_TITLE[group]}]({group}.md) ({n} clauses): "
            f"[Word (.docx)](model-protocol-{group}.docx), "
            f"[Markdown (.md)](model-protocol-{group}.md)"
        )
    out += [
        "",
        "## How it is assembled",
        "",
        "- **Core** clauses are in every council's protocol.",
        "- Some clauses are **on by default** for parish, town and community councils, or "
        "for principal councils; the rest are **optional** and off by default. Each can be "
        "switched on or off.",
        "- The wording and the law follow the kind of council: England or Wales; parish, "
        "town or community council or principal council; and, for an English principal "
        "council, executive arrangements (leader and cabinet) or a committee system. Under "
        "each clause the site cites the law it states.",
        "- Sections and clauses are numbered after the choice is made, so leaving a clause "
        "out leaves no gap, and no cross-reference points at a missing paragraph.",
        "- Words such as the head officer's title (Clerk, Town Clerk, Chief Executive) are "
        "filled in from the council's answers.",
        "",
        "## Clauses that can be switched on or off {#optional-clauses}",
        "",
        "| Id | Clause | On by default for |",
        "|---|---|---|",
    ]
    seen: set[str] = set()
    for model in models.values():
        for d in model.decisions:
            if d.id in seen:
                continue
            seen.add(d.id)
            out.append(f"| `{d.id}` | {md_escape(d.title)} | {SCOPE_WORDS[d.scope]} |")
    out += [
        "",
        "## Draft your council's protocol {#draft-your-councils-protocol}",
        "",
        "The simplest way: [draft it in your browser](../draft/index.md), answering a few "
        "questions; nothing you type leaves the browser. Or, with the command line, write an "
        "answers file, `my-council.yaml`:",
        "",
        "```yaml",
        "council_name: Little Snoring Parish Council",
        "tier: parish            # parish, town, community, district, borough, county, unitary",
        "nation: england         # england or wales",
        "civic_head_title: Chair",
        "head_officer_title: Clerk",
        "monitoring_officer_council: North Norfolk District Council",
        "staffing_committee: Staffing Committee",
        "head_officer_complaints_to: chair of the Staffing Committee",
        "adopted: 2026-05-14",
        'minute_reference: "26/045"',
        "review_due: 2027-05",
        "include: []             # ids from the table above",
        "exclude: []",
        "```",
        "",
        "then run:",
        "",
        "```sh",
        "python -m generator draft --answers my-council.yaml --out my-protocol.docx",
        "```",
        "",
        "It prints which optional clauses it included and why, and which details it filled "
        "in with a default.",
    ]
    return "\n".join(out) + "\n"
