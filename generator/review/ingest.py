"""The ``ingest`` command: add a council's protocol to the map, with suggested positions.

What it writes, after everything has been read and checked (nothing is written otherwise):

1. ``source_protocols/seeds/SLUG.txt``: the text the protocol was read from (for plain text, the
   file itself; for Word or Markdown, the text as read);
2. ``source_protocols/SLUG.md``: the protocol in this project's source format, with front
   matter; whatever the importer removed as debris (page numbers, running headers, bullet
   glyphs) is listed under ``dropped``, so the fidelity check proves no other word was lost;
3. ``clauses.yaml``: for every obligation, this protocol's suggested position, marked
   ``suggested: true`` (found -> full, partial -> partial, uncertain or not found -> absent,
   with a note), and its clauses that match no obligation under ``unmapped``. The file is
   rewritten by a round trip (ruamel.yaml): comments, order and every other line are kept.

``python -m generator check`` then lists the suggested positions still to review; the site shows
them as "suggested, not yet reviewed" until a person removes ``suggested: true``.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.core.problems import Problem, Severity
from generator.core.types import Kind, Protocol, Tier
from generator.core.words import located_words
from generator.diff.importers import SourceKind, read_any
from generator.map.load import load_map
from generator.map.obligations import yaml_for_editing
from generator.project import load_project
from generator.review.match import review
from generator.review.reference import build_reference, model_kind
from generator.review.report import Finding, Report
from generator.sources.fidelity import check_fidelity, protocol_words
from generator.sources.ids import SLUG_PATTERN
from generator.sources.load import parse_protocol

UNMAPPED_REASON = "Suggested by ingest, not yet reviewed: matches no obligation of the map."


@dataclass(frozen=True)
class Ingested:
    """The files ``ingest`` writes, as text."""

    seed_name: str
    seed: str
    source: str
    clauses_yaml: str
    report: Report
    unmapped: int
    """How many of its clauses were listed under ``unmapped`` (cited by no suggestion)."""


@dataclass(frozen=True)
class NewProtocol:
    """What ``ingest`` is told about the protocol it adds."""

    file: Path
    slug: str
    council: str
    tier: Tier
    title: str | None = None
    adopted: str | None = None
    review_due: str | None = None
    based_on: str | None = None


def prepare(root: Path, args: NewProtocol) -> tuple[Ingested | None, list[Problem]]:
    """Everything ``ingest`` would write, checked; None with the problems when it cannot."""
    slug = args.slug
    problems: list[Problem] = []
    if not SLUG_PATTERN.match(slug):
        problems.append(
            Problem(
                "--slug",
                0,
                f"'{slug}' is not a valid slug: use lowercase letters, digits and "
                "single hyphens, starting with a letter (e.g. 'little-snoring')",
            )
        )
    source_path = root / "source_protocols" / f"{slug}.md"
    seed_name = f"{slug}.txt"
    seed_path = root / "source_protocols" / "seeds" / seed_name
    for path in (source_path, seed_path):
        if path.exists():
            problems.append(Problem(str(path), 0, "already exists; ingest never overwrites a file"))
    project, bad = load_project(root)
    errors = [p for p in bad if p.severity is Severity.ERROR]
    if errors:
        problems += errors
        problems.append(Problem("clauses.yaml", 0, "fix the errors above before adding a protocol"))
    if project.obligations is None:
        problems.append(Problem(str(root / "clauses.yaml"), 0, "no obligation map to add to"))
    if any(p.slug == slug for p in project.protocols):
        problems.append(Problem("--slug", 0, f"a protocol '{slug}' is already mapped"))
    revision, bad = read_any(args.file)
    problems += bad
    if any(p.severity is Severity.ERROR for p in problems) or revision is None:
        return None, problems
    omap = project.obligations
    assert omap is not None
    if revision.kind is SourceKind.TEXT:
        seed = args.file.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    else:
        seed = revision.markdown
    if not seed.endswith("\n"):
        seed += "\n"
    body = revision.markdown
    title = args.title or next(
        (c.text for c in revision.clauses if c.kind is Kind.HEADING and c.text), None
    )
    if not title:
        return None, [
            Problem(str(args.file), 0, "it has no heading to take a title from; give --title")
        ]
    meta: dict[str, Any] = {
        "council": args.council,
        "title": title,
        "tier": args.tier.value,
        "source": seed_name,
    }
    for key, value in (
        ("adopted", args.adopted),
        ("review_due", args.review_due),
        ("based_on", args.based_on),
    ):
        if value:
            meta[key] = value
    source_text = _source(meta, body, [])
    protocol, bad = parse_protocol(str(source_path), source_text.encode("utf-8"), slug)
    if protocol is None:
        return None, bad
    dropped, bad = dropped_lines(protocol, seed)
    if bad:
        return None, bad
    if dropped:
        source_text = _source(meta, body, dropped)
        protocol, bad = parse_protocol(str(source_path), source_text.encode("utf-8"), slug)
        if protocol is None:
            return None, bad
    mismatch = check_fidelity(protocol, seed)
    if mismatch is not None:
        return None, [
            Problem(
                str(args.file),
                0,
                "the importer changed words: " + mismatch.explain(seed_name, str(source_path)),
            )
        ]
    reference = build_reference(omap, project.protocols, None, model_kind(args.tier))
    report = review(args.file.name, revision.kind.value, protocol.clauses, reference)
    clauses_yaml = with_suggestions(
        (root / "clauses.yaml").read_text(encoding="utf-8"), protocol, report
    )
    _, bad = load_map("clauses.yaml", clauses_yaml, [*project.protocols, protocol])
    errors = [p for p in bad if p.severity is Severity.ERROR]
    if errors:
        return None, errors
    cited = suggested_citations(report)
    unmapped = sum(1 for c in protocol.body_clauses() if c.id not in cited)
    return Ingested(seed_name, seed, source_text, clauses_yaml, report, unmapped), problems


def _source(meta: dict[str, Any], body: str, dropped: Sequence[dict[str, str]]) -> str:
    front = dict(meta)
    front["dropped"] = list(dropped)
    head = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=4096)
    return f"---\n{head}---\n\n{body.strip()}\n"


def dropped_lines(protocol: Protocol, seed: str) -> tuple[list[dict[str, str]], list[Problem]]:
    """The seed's lines (or bullet glyphs) the importer left out, as ``dropped`` entries.

    A whole line left out (a page number, a running header) becomes ``line:``; a one- or
    two-letter word left out at the start of a line (an 'o' sub-bullet) becomes ``bullet:``.
    Words left out anywhere else are a problem: the text cannot be added faithfully.
    """
    seed_words = located_words(seed)
    ours = [w.text for w in protocol_words(protocol)]
    theirs = [w.text for w in seed_words]
    lines = seed.split("\n")
    matcher = difflib.SequenceMatcher(None, theirs, ours, autojunk=False)
    missing: dict[int, list[int]] = {}
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            for i in range(i1, i2):
                missing.setdefault(seed_words[i].line, []).append(i)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    problems: list[Problem] = []
    for number, indexes in sorted(missing.items()):
        line = lines[number - 1].strip()
        on_line = [i for i, w in enumerate(seed_words) if w.line == number]
        if len(indexes) == len(on_line):
            if line not in seen:
                seen.add(line)
                out.append({"line": line, "reason": "left out by the importer as page furniture"})
        elif len(indexes) == 1 and indexes[0] == on_line[0] and len(theirs[indexes[0]]) <= 2:
            glyph = theirs[indexes[0]]
            if glyph not in seen:
                seen.add(glyph)
                out.append({"bullet": glyph, "reason": "a letter used as a bullet"})
        else:
            problems.append(
                Problem(
                    protocol.meta.source,
                    number,
                    "the importer changed words on this line; "
                    "transcribe the protocol by hand (see docs/source-format.md)",
                )
            )
    return out, problems


def suggested_citations(report: Report) -> set[str]:
    """Ids of the clauses the suggested full and partial positions cite."""
    return {
        e.clause.id
        for o in report.obligations
        if o.status in (Finding.FOUND, Finding.PARTIAL)
        for e in o.evidence
    }


def with_suggestions(text: str, protocol: Protocol, report: Report) -> str:
    """clauses.yaml with ``protocol``'s suggested positions added (a round trip: every other
    line of the file is kept as it was)."""
    yaml_rt = yaml_for_editing()
    data = yaml_rt.load(text)
    by_id = {o.id: o for o in report.obligations}
    cited = suggested_citations(report)
    for item in data["obligations"]:
        found = by_id.get(str(item.get("id")))
        if found is None:
            continue
        entry = CommentedMap()
        if found.status in (Finding.FOUND, Finding.PARTIAL):
            ids = [e.clause.id for e in found.evidence]
            entry["status"] = "full" if found.status is Finding.FOUND else "partial"
            entry["strength"] = found.theirs.value if found.theirs else "expected"
            entry["clauses"] = _flow_seq(ids)
            if found.status is Finding.PARTIAL:
                entry["note"] = (
                    f"Suggested as partial (similarity {found.score:.2f}); say how it differs."
                )
        else:
            entry["status"] = "absent"
            if found.status is Finding.UNCERTAIN and found.evidence:
                e = found.evidence[0]
                entry["note"] = (
                    f"Uncertain: {e.clause.name} resembles it (similarity {e.score:.2f}); check."
                )
        entry["suggested"] = True
        entry.fa.set_flow_style()
        item["sources"][protocol.slug] = entry
    unmapped = data.get("unmapped")
    if unmapped is None:
        unmapped = CommentedSeq()
        data["unmapped"] = unmapped
    for c in protocol.body_clauses():
        if c.id not in cited:
            row = CommentedMap()
            row["clause"] = c.id
            row["reason"] = UNMAPPED_REASON
            row.fa.set_flow_style()
            unmapped.append(row)
    out = io.StringIO()
    yaml_rt.dump(data, out)
    return out.getvalue()


def _flow_seq(items: Sequence[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq
