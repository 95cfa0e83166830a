"""Site pages as a pure function: Project in, ``{path: content}`` out.

MkDocs adds these through ``hooks.py``; ``python -m generator pages DIR`` writes them for any
other engine.
"""

from __future__ import annotations

from .markdown_text import md_escape
from .model import Clause, Kind, Protocol
from .opendata import matrix_csv, obligations_data, protocols_data, to_json
from .project import Project


def build_pages(project: Project) -> dict[str, str]:
    """Every generated page and data file, by path relative to ``docs/``."""
    pages: dict[str, str] = {}
    pages["protocols/index.md"] = protocols_index(project)
    for p in project.protocols:
        pages[f"protocols/{p.slug}.md"] = protocol_page(p)
    pages["data/protocols.json"] = to_json(protocols_data(project.protocols))
    if project.obligations:
        pages["data/obligations.json"] = to_json(
            obligations_data(project.obligations, project.protocols)
        )
        pages["data/matrix.csv"] = matrix_csv(project.obligations, project.protocols)
    return pages


def protocols_index(project: Project) -> str:
    lines = [
        "# Protocols",
        "",
        "| Council | Tier | Adopted | Review due | Clauses |",
        "|---|---|---|---|---|",
    ]
    for p in project.protocols:
        n = sum(1 for _ in p.body_clauses())
        lines.append(
            f"| [{md_escape(p.meta.council)}]({p.slug}.md) | {p.meta.tier.value} | "
            f"{p.meta.adopted or 'not stated'} | {p.meta.review_due or 'not stated'} | {n} |"
        )
    return "\n".join(lines) + "\n"


def protocol_page(p: Protocol) -> str:
    m = p.meta
    out = [
        f"# {md_escape(m.council)}: {md_escape(m.title)}",
        "",
        f"- Tier: {m.tier.value}",
        f"- Adopted: {md_escape(m.adopted or 'not stated')}",
        f"- Review due: {md_escape(m.review_due or 'not stated')}",
        f"- Source text: `{m.source}`",
    ]
    if m.based_on:
        out.append(f"- Based on: {md_escape(m.based_on)}")
    out.append("")
    for c in p.clauses:
        out.extend(_clause(c))
    return "\n".join(out) + "\n"


def _clause(c: Clause) -> list[str]:
    label = f"{md_escape(c.label)} " if c.label else ""
    link = f"[¶](#{c.id} \"Link to this clause\")"
    if c.kind is Kind.HEADING:
        level = min(max(c.level, 2), 6)
        return [f"{'#' * level} {label}{md_escape(c.text)} {{#{c.id}}}", ""]
    return [f"{label}{md_escape(c.text)} {link}", f"{{: #{c.id} }}", ""]
