"""Helpers for the draft page's browser tests: random answers, filling the form as a clerk
would (clicking and typing, step by step), and comparing two Word files part by part."""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from typing import Any

from docx import Document

from generator.core.types import Tier

NAMES = ("Little Snoring", "Ystradgynlais", "Market Harborough", "Llanfair & District", "Øster")
SUFFIX = {
    Tier.PARISH: "Parish Council",
    Tier.TOWN: "Town Council",
    Tier.COMMUNITY: "Community Council",
    Tier.DISTRICT: "District Council",
    Tier.BOROUGH: "Borough Council",
    Tier.COUNTY: "County Council",
    Tier.UNITARY: "Council",
}
TITLES = {
    "head_officer_title": ("Clerk", "Town Clerk", "Clerk to the Council", "Chief Executive"),
    "civic_head_title": ("Chair", "Chairman", "Town Mayor", "Mayor"),
    "leader_title": ("Leader of the Council", "Council Leader"),
    "proper_officer_title": ("Clerk", "Deputy Clerk"),
    "rfo_title": ("Clerk", "Deputy Clerk", "Finance Officer"),
    "monitoring_officer_council": ("North Norfolk District Council", "Powys County Council"),
    "staffing_committee": ("Staffing Committee", "the Personnel Committee", "HR panel"),
    "officer_complaints_to": ("Clerk", "Deputy Clerk", "the Clerk"),
    "head_officer_complaints_to": ("chair of the Staffing Committee", "Chair of the Council"),
}
LOCAL_TIERS = (Tier.PARISH, Tier.TOWN, Tier.COMMUNITY)


def random_answers(seed: int, kinds: list[tuple[str, Tier, str | None]]) -> dict[str, Any]:
    """A seeded answer set; ``kinds`` is cycled so every kind of council is covered."""
    rng = random.Random(seed)
    nation, tier, governance = kinds[seed % len(kinds)]
    a: dict[str, Any] = {
        "council_name": f"{rng.choice(NAMES)} {SUFFIX[tier]}",
        "tier": tier.value,
        "nation": nation,
    }
    if governance and nation == "england":
        a["governance"] = governance
    for key, options in TITLES.items():
        local_only = key in ("proper_officer_title", "rfo_title", "monitoring_officer_council")
        if local_only and tier not in LOCAL_TIERS:
            continue
        if key == "leader_title" and (tier in LOCAL_TIERS or governance == "committee"):
            continue
        if rng.random() < 0.5:
            a[key] = rng.choice(options)
    route = a.get("head_officer_complaints_to")
    if route is not None and route.lower() == a.get("head_officer_title", "").lower():
        del a["head_officer_complaints_to"]
    if rng.random() < 0.7:
        year = rng.choice((2025, 2026))
        a["adopted"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.7:
            a["review_due"] = f"{year + rng.randint(1, 3)}-{rng.randint(1, 12):02d}"
    if rng.random() < 0.6:
        a["minute_reference"] = f"{rng.randint(20, 26)}/{rng.randint(1, 200):03d}"
    return a


def fill(page: Any, a: dict[str, Any], choose: Callable[[Any], list[str]] | None = None) -> None:
    """Fill the form for answers ``a`` step by step, ticking or unticking the optional
    clauses ``choose(page)`` names."""
    page.check(f"#f-nation-{a['nation']}")
    page.check(f"#f-tier-{a['tier']}")
    if "governance" in a:
        page.check(f"#f-governance-{a['governance']}")
    page.click("#draft-next")
    for key in TITLES | {"council_name": ()}:
        if page.is_visible(f"#f-{key}") and key in a:
            page.fill(f"#f-{key}", a[key])
    page.click("#draft-next")
    for key in ("officer_complaints_to", "head_officer_complaints_to"):
        if key in a:
            page.fill(f"#f-{key}", a[key])
    page.click("#draft-next")
    for key in ("adopted", "minute_reference", "review_due"):
        if key in a:
            page.fill(f"#f-{key}", a[key])
    page.click("#draft-next")
    for cid in choose(page) if choose else []:
        page.locator(f"#c-{cid}").click()
    page.click("#draft-next")


def parts(data: bytes) -> dict[str, bytes]:
    """A zip's files, with the document properties' times blanked (they say when)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        out = {n: z.read(n) for n in z.namelist()}
    if "docProps/core.xml" in out:
        out["docProps/core.xml"] = re.sub(
            rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"WHEN", out["docProps/core.xml"]
        )
    return out


def structure(data: bytes) -> dict[str, Any]:
    """What a reader sees, read with python-docx: paragraphs (style, numbering level, text),
    headings, the cover table, the footer, the title."""
    doc = Document(io.BytesIO(data))
    paragraphs = []
    for p in doc.paragraphs:
        style = p.style.style_id if p.style is not None else ""
        num = (
            p.style.element.pPr.numPr
            if p.style is not None and p.style.element.pPr is not None
            else None
        )
        level = num.ilvl.val if num is not None and num.ilvl is not None else None
        paragraphs.append((style, level, p.text))
    return {
        "paragraphs": paragraphs,
        "headings": [t for s, _, t in paragraphs if s.startswith("Heading")],
        "cover": [[c.text for c in row.cells] for t in doc.tables for row in t.rows],
        "footer": [p.text for p in doc.sections[0].footer.paragraphs],
        "title": doc.core_properties.title,
        "author": doc.core_properties.author,
    }
