"""``check --report``: per protocol, what a reviewer re-reading the map should look at.

For each protocol: how many positions it has (full, partial, absent); every position whose
strength differs from what its clauses read, with the reason given for it (or none yet);
suspected duplicates (two obligations citing exactly the same clauses); and unmapped clauses
that contain a normative verb (they may carry a duty no obligation captures). Pure: values
in, text out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.types import Protocol
from generator.map.obligations import ObligationMap, Status
from generator.map.strength import Reading, differences, disagreements, read_clause, short


@dataclass(frozen=True)
class ProtocolReport:
    """What ``--report`` says about one protocol."""

    slug: str
    counts: dict[Status, int]
    differences: tuple[tuple[str, str, str], ...]
    """(obligation id, what the text reads, the strength_reason or '') per difference."""
    duplicates: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    """(obligation ids, the clause ids they all cite) per suspected duplicate."""
    unmapped_normative: tuple[tuple[str, str, str], ...]
    """(clause id, its reading, the unmapped reason) per unmapped clause with a verb."""


def protocol_reports(omap: ObligationMap, protocols: Sequence[Protocol]) -> list[ProtocolReport]:
    """One report per protocol, in protocol order."""
    diffs = differences(omap, protocols)
    split = disagreements(omap)
    out: list[ProtocolReport] = []
    for p in protocols:
        counts = {s: 0 for s in Status}
        by_clauses: dict[tuple[str, ...], list[str]] = {}
        for o in omap.obligations:
            source = o.sources.get(p.slug)
            if source is None:
                continue
            counts[source.status] += 1
            if source.clauses:
                by_clauses.setdefault(tuple(sorted(source.clauses)), []).append(o.id)
        rows = [
            (
                d.obligation,
                f"recorded {d.recorded.value}; {_readings(d.readings, p.slug)}",
                d.reason or "",
            )
            for d in diffs
            if d.protocol == p.slug
        ]
        listed = {r[0] for r in rows}
        for o in omap.obligations:
            source = o.sources.get(p.slug)
            if source and source.strength_reason and o.id not in listed and source.strength:
                said = _readings([read_clause(p, c) for c in source.clauses], p.slug)
                rows.append(
                    (o.id, f"recorded {source.strength.value}; {said}", source.strength_reason)
                )
        for d in split:
            if d.protocol == p.slug:
                for oid, strength, _ in d.positions:
                    rows.append(
                        (
                            oid,
                            f"recorded {strength.value}; clause "
                            f"{short(d.clause, p.slug)} has other strengths elsewhere",
                            "",
                        )
                    )
        duplicates = tuple(
            (tuple(ids), clauses) for clauses, ids in sorted(by_clauses.items()) if len(ids) > 1
        )
        unmapped = []
        for u in omap.unmapped:
            if u.clause in p.by_id and u.clause not in omap.cited:
                reading = read_clause(p, u.clause)
                if reading.verbs:
                    unmapped.append((u.clause, reading.describe(), u.reason))
        out.append(ProtocolReport(p.slug, counts, tuple(sorted(rows)), duplicates, tuple(unmapped)))
    return out


def _readings(readings: Sequence[Reading], slug: str) -> str:
    return "; ".join(f"{short(r.clause, slug)} {r.describe()}" for r in readings)


def render_report(reports: Sequence[ProtocolReport]) -> str:
    """The report as plain text, one section per protocol."""
    lines: list[str] = []
    for r in reports:
        c = r.counts
        lines += [
            f"== {r.slug}",
            f"positions: {c[Status.FULL]} full, {c[Status.PARTIAL]} partial, "
            f"{c[Status.ABSENT]} absent",
            f"strength differences: {len(r.differences)}",
        ]
        for oid, said, reason in r.differences:
            lines.append(f"  {oid}: {said}")
            lines.append(f"    reason: {reason}" if reason else "    reason: NONE GIVEN")
        lines.append(f"suspected duplicates: {len(r.duplicates)}")
        for ids, clauses in r.duplicates:
            shown = ", ".join(short(cid, r.slug) for cid in clauses)
            lines.append(f"  {' = '.join(ids)} (all cite {shown})")
        lines.append(f"unmapped clauses with a normative verb: {len(r.unmapped_normative)}")
        for cid, said, reason in r.unmapped_normative:
            lines.append(f"  {short(cid, r.slug)} {said} (unmapped: {reason})")
        lines.append("")
    return "\n".join(lines)
