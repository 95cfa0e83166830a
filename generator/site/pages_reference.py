"""Reference pages: themes, the glossary of roles and terms, and legislation cited."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.core import links
from generator.core.markdown_text import md_escape
from generator.core.types import Protocol
from generator.map.obligations import ObligationMap, Status
from generator.views.glossary import TERMS, find_terms
from generator.views.legislation import SOURCES, citations
from generator.views.words_display import clause_name, status_of


def themes_page(omap: ObligationMap, protocols: Sequence[Protocol]) -> str:
    """Each theme: what it covers, and how much of it each protocol states."""
    page = links.THEMES
    out = [
        "# Themes",
        "",
        f"The {len(omap.obligations)} obligations fall into {len(omap.themes)} themes. For "
        "each theme, how many of its obligations each protocol states; the "
        f"[obligations list]({links.rel(page, links.OBLIGATIONS_INDEX)}) has them one by one.",
        "",
    ]
    for t in omap.themes:
        members = [o for o in omap.obligations if o.theme == t.id]
        out += [f"## {md_escape(t.title)} {{#{t.id}}}", "", md_escape(t.description), ""]
        if not members:
            out += ["No obligations yet.", ""]
            continue
        out += [
            f"[{len(members)} obligation{'s' if len(members) != 1 else ''} in this theme]"
            f"({links.rel(page, links.OBLIGATIONS_INDEX, t.id)})",
            "",
            "| Council | In full | In part | Not covered |",
            "|---|---:|---:|---:|",
        ]
        for p in protocols:
            counts = Counter(status_of(o.sources.get(p.slug)) for o in members)
            out.append(
                f"| [{md_escape(p.meta.council)}]({links.rel(page, links.protocol_page(p.slug))})"
                f" | {counts[Status.FULL]} | {counts[Status.PARTIAL]} | {counts[Status.ABSENT]} |"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def term_uses(protocols: Sequence[Protocol]) -> dict[str, list[tuple[Protocol, list[str]]]]:
    """Term id -> for each protocol that uses it, the ids of the clauses that do."""
    out: dict[str, list[tuple[Protocol, list[str]]]] = {t.id: [] for t in TERMS}
    for p in protocols:
        found: dict[str, list[str]] = {}
        for c in p.clauses:
            for m in find_terms(c.text):
                found.setdefault(m.term.id, []).append(c.id)
        for tid, ids in found.items():
            out[tid].append((p, ids))
    return out


def glossary_page(protocols: Sequence[Protocol]) -> str:
    page = links.GLOSSARY
    uses = term_uses(protocols)
    out = [
        "# Glossary",
        "",
        "The roles and terms the protocols use. Wherever one of these appears in a protocol's "
        "text, it is underlined with dots; point at it to see what it means.",
        "",
    ]
    for t in TERMS:
        out += [f"## {md_escape(t.term)} {{#{t.id}}}", "", md_escape(t.meaning), ""]
        used = uses[t.id]
        if used:
            places = ", ".join(
                f"[{md_escape(p.meta.council)}]"
                f"({links.rel(page, links.protocol_page(p.slug), ids[0])}) ({len(ids)})"
                for p, ids in used
            )
            out += [f"Used in (first use linked, clauses in brackets): {places}.", ""]
        else:
            out += ["None of the protocols uses this term.", ""]
    out += [
        "## Titles at parish and principal councils {#titles}",
        "",
        "Parish, town and community councils (the *local* tier) are small: usually one senior "
        "officer, the Clerk, and no cabinet. District, borough, county and unitary councils "
        "(*principal* councils) have many officers and, usually, an executive. The same job "
        "can have different titles:",
        "",
        "| Role | Principal council | Parish, town or community council |",
        "|---|---|---|",
    ]
    for t in TERMS:
        if t.principal or t.local:
            out.append(
                f"| [{md_escape(t.term)}](#{t.id}) | {md_escape(t.principal)} | "
                f"{md_escape(t.local)} |"
            )
    return "\n".join(out) + "\n"


def legislation_page(protocols: Sequence[Protocol]) -> str:
    page = links.LEGISLATION
    found = citations(protocols)
    out = [
        "# Legislation and guidance referenced",
        "",
        "The Acts, codes and guidance the protocols cite, with every clause that cites each. "
        "The list is found by searching the clause texts, so it is complete for the names "
        "below and for their usual short forms.",
        "",
    ]
    for s in SOURCES:
        cites = found[s.id]
        out += [f"## {md_escape(s.title)} {{#{s.id}}}", "", md_escape(s.about), ""]
        if not cites:
            out += ["No protocol cites it.", ""]
            continue
        out += [f"Cited in {len(cites)} clause{'s' if len(cites) != 1 else ''}:", ""]
        for p, c in cites:
            out.append(
                f"- [{md_escape(p.meta.council)}, {md_escape(clause_name(c))}]"
                f"({links.rel(page, links.protocol_page(p.slug), c.id)}): "
                f"“{md_escape(_excerpt(c.text))}”"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _excerpt(text: str, limit: int = 160) -> str:
    words = text.split()
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > limit:
            return out + " …"
        out = f"{out} {w}" if out else w
    return out
