"""A small project whose every field carries payloads, and the same project made harmless.

Two protocols named like the real West Mersea and Farnham files (so the 'what changed from the
model' page is made too), and an obligation map citing their clauses. Every front-matter field,
every string of ``clauses.yaml``, every heading and body text carries ``PAYLOAD``; the harmless
twin has the same shape with plain words, so a build of it shows which scripts, event handlers
and ``javascript:`` URLs are the theme's own.
"""

from __future__ import annotations

from pathlib import Path

PAYLOAD = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> `tick` } {: onclick=alert(1) } "
    '[x](javascript:alert(1)) {{ 7*7 }} {% raw %} =HYPERLINK("http://x","y") <!-- '
    "&lt;script&gt; <b>bold</b> *star* _under_ | pipe \\ back"
)
HARMLESS = "plain words"


DEFINITION = 'In this protocol "the {head_officer_title}" means the council’s head officer. '
"""Model drafts must define every role they use."""


RESPECT = "Councillors of {council_name} treat officers with respect. "


def model_safe(p: str) -> str:
    """The payload as model wording can hold it: braces are the model's placeholder syntax, so
    ``check`` refuses them there (a leftover placeholder); everything else stays."""
    text = p.replace("{", "(").replace("}", ")")
    return text[:1].upper() + text[1:]


def _q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def protocol(council: str, p: str, extra: str) -> str:
    cell = p.replace("|", "/")  # a table cell cannot hold a pipe
    return f"""---
council: {_q(council + " Town Council")}
title: {_q(p + " protocol")}
tier: town
adopted: "2023-03"
review_due: "2026"
source: {_q(p + ".txt")}
based_on: {_q(p)}
dropped:
  - line: {_q(p)}
    reason: {_q(p)}
---

# {p} protocol

## 1. Roles {p}

1.1 Councillors must treat officers with respect. {p}

1.2 Officers must give impartial advice to every councillor {extra}. {p}

- A bullet on the press office. {p}
- Another bullet on confidentiality {p}

## 2. Complaints {p}

2.1 A complaint goes to the Clerk in writing. {p}

| {cell} | Cell |
|---|---|
| {cell} | {cell} |
"""


def clauses_yaml(p: str) -> str:
    def source(slug: str, status: str, clauses: list[str]) -> str:
        cited = ", ".join(clauses)
        return (
            f"      {slug}: {{status: {status}, strength: must, clauses: [{cited}], note: {_q(p)}}}"
        )

    unmapped = "\n".join(
        f"  - {{clause: {c}, reason: {_q(p)}}}"
        for c in (
            "farnham-1-2",
            "farnham-1-2-b1",
            "farnham-2-1-r1",
            "farnham-2-1-r2",
            "west-mersea-1-2-b2",
            "west-mersea-2-1-r1",
        )
    )

    def absent(slug: str) -> str:
        return f"      {slug}: {{status: absent, note: {_q(p)}}}"

    return f"""themes:
  - id: relations
    title: {_q(p)}
    description: {_q(p)}
obligations:
  - id: respect
    title: {_q("Respect " + p)}
    theme: relations
    who: both
    kind: duty
    statement: {_q("Statement " + p)}
    model: {_q(DEFINITION + RESPECT + model_safe(p))}
    sources:
{source("west-mersea", "full", ["west-mersea-1-1", "west-mersea-1-2"])}
{source("farnham", "partial", ["farnham-1-1"])}
  - id: impartial
    title: {_q("Impartial " + p)}
    theme: relations
    who: officers
    kind: duty
    statement: {_q("Statement " + p)}
    not_for_model: {_q(p)}
    sources:
{source("west-mersea", "full", ["west-mersea-1-2-b1"])}
{absent("farnham")}
  - id: complaints
    title: {_q("Complaints " + p)}
    theme: relations
    who: councillors
    kind: procedure
    statement: {_q("Statement " + p)}
    model: {_q("Complaints go to the {head_officer_title}. " + model_safe(p))}
    sources:
{source("west-mersea", "full", ["west-mersea-2-1", "west-mersea-2-1-r2"])}
{source("farnham", "full", ["farnham-2-1", "farnham-1-2-b2"])}
unmapped:
{unmapped}
"""


def write(root: Path, p: str) -> tuple[Path, Path]:
    """The two protocols under ``root/sources`` and the map as ``root/clauses.yaml``."""
    sources = root / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    (sources / "west-mersea.md").write_text(protocol(p, p, "and the whole council"), "utf-8")
    (sources / "farnham.md").write_text(protocol("Farnham " + p, p, "in writing"), "utf-8")
    clauses = root / "clauses.yaml"
    clauses.write_text(clauses_yaml(p), encoding="utf-8")
    return sources, clauses
