"""Synthesise a project of N protocols from the five real ones, with a consistent map.

Each synthetic protocol is a real one with a new council name, some clauses dropped, some
neighbours swapped, some words reworded and, in numbered protocols, the numbering of a section
closed up after a drop. The map is carried over: every obligation cites the synthetic clause
that came from the real clause it cited, so the project validates like the real one.
Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from generator.core.types import Clause, Kind, Protocol
from generator.map.strength import differences, disagreements
from generator.project import load_project
from generator.sources.parse import parse_body
from generator.sources.unparse import unparse

PLACES = [
    "Ashcombe",
    "Barford",
    "Caldwick",
    "Dunmere",
    "Elsworth",
    "Fenwold",
    "Garstow",
    "Hallbeck",
    "Ivymouth",
    "Jesmond",
    "Kelbrook",
    "Larchford",
    "Marlow",
    "Netherby",
    "Oakhurst",
    "Pendle",
    "Quarrington",
    "Redmarsh",
    "Saltwood",
    "Thornbury",
    "Upwell",
    "Valemouth",
    "Whitcombe",
    "Yarrowby",
]
REWORDINGS = (
    ("should", "must"),
    ("must", "should"),
    ("Councillors", "Members"),
    ("officers", "staff"),
    ("promptly", "without delay"),
)
ROOT = Path(__file__).resolve().parent.parent


_QUOTES = re.compile("[\"“”‘’]|(?<!\\w)'|'(?!\\w)")


def council_name(i: int, protocol: Protocol) -> str:
    place = PLACES[i % len(PLACES)] + ("" if i < len(PLACES) else f" {i // len(PLACES) + 1}")
    kind = {"town": "Town Council", "community": "Community Council", "parish": "Parish Council"}
    return f"{place} {kind.get(protocol.meta.tier.value, 'Borough Council')}"


def mutate(p: Protocol, rng: random.Random) -> tuple[list[Clause], dict[int, int]]:
    """Drop, swap and reword leaf clauses; return the new clause list and old->new positions."""
    has_children = {c.parent for c in p.clauses}
    order = list(range(len(p.clauses)))
    leaves = [
        i
        for i, c in enumerate(p.clauses)
        if c.kind in (Kind.PARAGRAPH, Kind.ITEM) and c.id not in has_children
    ]
    dropped = set(rng.sample(leaves, max(1, len(leaves) // 20)))
    order = [i for i in order if i not in dropped]
    for _ in range(3):  # swap two adjacent siblings: a move
        k = rng.randrange(len(order) - 1)
        a, b = p.clauses[order[k]], p.clauses[order[k + 1]]
        if (
            a.parent == b.parent
            and a.kind == b.kind
            and not a.label
            and order[k] in leaves
            and order[k + 1] in leaves
        ):
            order[k], order[k + 1] = order[k + 1], order[k]
    clauses = []
    for i in order:
        c = p.clauses[i]
        if c.kind is not Kind.HEADING and rng.random() < 0.1:
            old, new = REWORDINGS[rng.randrange(len(REWORDINGS))]
            c = replace(c, text=c.text.replace(old, new, 1))
        clauses.append(c)
    return renumber(clauses, p, dropped), {old: new for new, old in enumerate(order)}


def renumber(clauses: list[Clause], p: Protocol, dropped: set[int]) -> list[Clause]:
    """Close up the numbering of the section where the first numbered clause was dropped."""
    gone = [p.clauses[i] for i in sorted(dropped) if p.clauses[i].number]
    if not gone:
        return clauses
    prefix, _, last = gone[0].number.rpartition(".")  # type: ignore[union-attr]
    out = []
    for c in clauses:
        if c.number and c.label and c.number.rpartition(".")[0] == prefix and prefix:
            n = c.number.rpartition(".")[2]
            if n.isdigit() and last.isdigit() and int(n) > int(last):
                label = f"{prefix}.{int(n) - 1}" + ("." if c.label.endswith(".") else "")
                c = replace(c, label=label, number=label.rstrip("."))
        out.append(c)
    return out


def synthesise(n: int, out: Path, seed: int = 2026) -> Path:
    """Write a project of ``n`` protocols (the real five first) under ``out``; return it."""
    project, problems = load_project(ROOT)
    assert not problems and project.obligations is not None
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "source_protocols").mkdir(parents=True)
    for name in ("mkdocs.yml", "hooks.py"):
        shutil.copy(ROOT / name, out / name)
    for folder in ("docs", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, out / folder)
    (out / "generator").symlink_to(ROOT / "generator")  # only for mkdocs.yml's watch list
    yaml = YAML(typ="rt")
    yaml.width = 4096
    data: Any = yaml.load((ROOT / "clauses.yaml").read_text(encoding="utf-8"))
    real = list(project.protocols)
    real_unmapped = list(data["unmapped"])  # the synthetic entries never match a real clause
    for p in real:
        shutil.copy(ROOT / "source_protocols" / f"{p.slug}.md", out / "source_protocols")
    for i in range(max(0, n - len(real))):
        base = real[i % len(real)]
        slug = f"syn{i:04d}-{base.slug}"
        clauses, positions = mutate(base, rng)
        body = unparse(clauses)
        reparsed, bad = parse_body(slug, body)
        assert not bad, bad
        id_map = {base.clauses[old].id: reparsed[new].id for old, new in positions.items()}
        front = (
            f"---\ncouncil: {council_name(i, base)}\ntitle: {base.meta.title!r}\n"
            f"tier: {base.meta.tier.value}\nsource: {base.meta.source}\n---\n\n"
        )
        (out / "source_protocols" / f"{slug}.md").write_text(front + body, encoding="utf-8")
        for o in data["obligations"]:
            src = o["sources"][base.slug]
            cited = [id_map[c] for c in src.get("clauses") or [] if c in id_map]
            entry: dict[str, Any] = {"status": "absent"}
            if cited and src["status"] != "absent":
                entry = {"status": src["status"], "strength": src["strength"], "clauses": cited}
                for key in ("note", "strength_reason"):
                    if src.get(key):  # the clauses are reworded: their quotations would not be
                        entry[key] = _QUOTES.sub("", src[key])
                # Rewording can add or drop a verb, so the reading of the real clause does not
                # carry over; the real five are checked, a synthetic reading is not curated.
                entry.setdefault("strength_reason", "synthetic: clauses reworded")
            o["sources"][slug] = entry
        carried = [
            {"clause": id_map[u["clause"]], "reason": u["reason"]}
            for u in real_unmapped
            if u["clause"] in id_map
        ]
        data["unmapped"].extend(carried)
        # Clauses whose citing obligations all lost them stay accounted for.
        cited_now = {c for o in data["obligations"] for c in o["sources"][slug].get("clauses", [])}
        listed = {u["clause"] for u in carried}  # only this protocol's ids can match
        for c in reparsed:
            if c.kind is not Kind.HEADING and c.id not in cited_now and c.id not in listed:
                data["unmapped"].append({"clause": c.id, "reason": "synthetic: no mapping"})
    with (out / "clauses.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    _explain_strengths(out, data, yaml)
    return out


def _explain_strengths(out: Path, data: Any, yaml: YAML) -> None:
    """Dropping and swapping clauses can leave a carried-over strength that its remaining
    clauses no longer read (a bullet moved under another lead-in, the clause that said 'must'
    dropped): such positions get a strength_reason saying so, as a real map would."""
    synthetic, _ = load_project(out)
    assert synthetic.obligations is not None
    flagged = {
        (d.obligation, d.protocol) for d in differences(synthetic.obligations, synthetic.protocols)
    }
    for d in disagreements(synthetic.obligations):
        flagged |= {(oid, d.protocol) for oid, _, _ in d.positions}
    flagged = {(o, slug) for o, slug in flagged if slug.startswith("syn")}
    if not flagged:
        return
    for o in data["obligations"]:
        for slug, entry in o["sources"].items():
            if (o["id"], slug) in flagged:
                entry["strength_reason"] = "synthetic: clauses were dropped or moved"
    with (out / "clauses.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
