"""View models of the protocols index and of one protocol's page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from generator.core.dates import human_date
from generator.core.links import changes_page, url
from generator.core.types import Clause, Kind, Protocol
from generator.map.obligations import Obligation
from generator.views.clause_text import Segment
from generator.views.corpus import Corpus
from generator.views.origins import ORIGINS, Origin
from generator.views.trust import Publisher, report_url


class BlockKind(StrEnum):
    """How a run of clauses is laid out on the page."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    ITEMS = "items"
    """Consecutive bullet items: one Markdown list."""
    TABLE = "table"
    """Consecutive table rows: one table."""


@dataclass(frozen=True)
class ClauseView:
    """One clause as the page shows it."""

    clause: Clause
    segments: tuple[Segment, ...]
    """Its text, cut into words, glossary terms and cross-references."""
    carries: tuple[Obligation, ...]
    """The obligations it states."""
    depth: int
    """Heading level (2 to 6) for a heading; list depth from 0 for an item."""
    link_name: str
    """What its ¶ link is called for a screen reader: 'clause 3.5' or 'this clause'."""


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph, a quoted paragraph, a list or a table."""

    kind: BlockKind
    clauses: tuple[ClauseView, ...]
    width: int = 0
    """For a table: the number of columns."""
    empty: bool = False
    """For a heading: nothing follows it before the next heading of the same or a higher
    level, or the end of the document (the page then says so, in the site's own words)."""


@dataclass(frozen=True)
class Fact:
    """A line of the facts box: name and value (plain text)."""

    name: str
    value: str


@dataclass(frozen=True)
class Provenance:
    """Where the text comes from: the council's document, and how its text was taken."""

    document_title: str | None
    source_url: str | None
    source_url_note: str | None
    adopted: str
    """The adoption date in words ('Not stated' when the document gives none)."""
    retrieved: str
    """When the text was taken, in words, or 'not recorded'."""
    transcription: str | None
    seed: str
    """The internal name of the extracted text the page is made from."""


@dataclass(frozen=True)
class ProtocolPage:
    """Everything the protocol page shows."""

    protocol: Protocol
    page: str
    facts: tuple[Fact, ...]
    provenance: Provenance
    dropped: tuple[str, ...]
    """What was left out of the seed text as page furniture, each in words."""
    has_map: bool
    blocks: tuple[Block, ...]
    changes: tuple[tuple[str, str], ...] = ()
    """'What changed from the model' pages about this protocol: (link text, page path)."""
    reports: Mapping[str, str] = field(default_factory=dict)
    """Clause id -> the address for reporting an error in it (empty with no publisher)."""


@dataclass(frozen=True)
class IndexRow:
    protocol: Protocol
    adopted: str
    review_due: str
    clauses: int
    coverage: str


@dataclass(frozen=True)
class ProtocolsIndex:
    page: str
    tiers: tuple[str, ...]
    rows: tuple[IndexRow, ...]
    obligations: int
    """How many obligations the map has (0 without a map)."""
    has_map: bool


def protocols_index(corpus: Corpus, page: str) -> ProtocolsIndex:
    rows = tuple(
        IndexRow(
            protocol=p,
            adopted=human_date(p.meta.adopted),
            review_due=human_date(p.meta.review_due),
            clauses=sum(1 for _ in p.body_clauses()),
            coverage=corpus.coverage[p.slug].words if corpus.omap else "",
        )
        for p in corpus.protocols
    )
    return ProtocolsIndex(
        page=page,
        tiers=tuple(sorted({p.meta.tier.value for p in corpus.protocols})),
        rows=rows,
        obligations=len(corpus.obligations),
        has_map=corpus.omap is not None,
    )


def protocol_page(
    corpus: Corpus, p: Protocol, page: str, publisher: Publisher | None = None
) -> ProtocolPage:
    m = p.meta
    facts = [
        Fact("Council", m.council),
        Fact("Tier", f"{m.tier.value.capitalize()} council"),
        Fact("Adopted", human_date(m.adopted)),
        Fact("Review due", human_date(m.review_due)),
    ]
    if m.based_on:
        facts.append(Fact("Based on", m.based_on))
    facts.append(Fact("Clauses", str(sum(1 for _ in p.body_clauses()))))
    if corpus.omap:
        facts.append(Fact("Obligations stated", corpus.coverage[p.slug].words))
    dropped = tuple(
        (f"the line “{d.line}”" if d.line else f"the bullet glyph “{d.bullet}”") + f": {d.reason}"
        for d in m.dropped
    )
    return ProtocolPage(
        protocol=p,
        page=page,
        facts=tuple(facts),
        provenance=Provenance(
            document_title=m.document_title,
            source_url=m.source_url,
            source_url_note=m.source_url_note,
            adopted=human_date(m.adopted),
            retrieved=human_date(m.retrieved, missing="not recorded"),
            transcription=m.transcription,
            seed=m.source,
        ),
        dropped=dropped,
        has_map=corpus.omap is not None,
        blocks=_blocks(corpus, p),
        changes=_changes(corpus, p),
        reports=_reports(p, page, publisher),
    )


def _reports(p: Protocol, page: str, publisher: Publisher | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in p.clauses:
        name = f"clause {c.number}" if c.number else f"the clause “{_opening(c.text)}”"
        title = f"Error in {p.meta.council}'s protocol, {name}"
        report = report_url(publisher, title, url(page, c.id))
        if report is not None:
            out[c.id] = report
    return out


def _opening(text: str, words: int = 8) -> str:
    cut = text.split()
    return " ".join(cut[:words]) + ("…" if len(cut) > words else "")


def _changes(corpus: Corpus, p: Protocol) -> tuple[tuple[str, str], ...]:
    """Links to the pages comparing this protocol with the model text it follows, or with
    the councils that follow it (when it holds the model text)."""
    names = {q.slug: q.meta.council for q in corpus.protocols}
    out: list[tuple[str, str]] = []
    for o in ORIGINS:
        if o.council not in names or o.model not in names:
            continue
        if o.council == p.slug:
            out.append((f"What {names[o.council]} changed from {o.model_name}", _page(o)))
        elif o.model == p.slug:
            out.append((f"What {names[o.council]} changed from this text", _page(o)))
    return tuple(out)


def _page(o: Origin) -> str:
    return changes_page(o.council, o.model)


def _blocks(corpus: Corpus, p: Protocol) -> tuple[Block, ...]:
    depth = _heading_depths(p)
    blocks: list[Block] = []
    run: list[ClauseView] = []
    run_kind: BlockKind | None = None

    def flush() -> None:
        nonlocal run, run_kind
        if run and run_kind:
            width = max(len(v.clause.cells) for v in run) if run_kind is BlockKind.TABLE else 0
            blocks.append(Block(run_kind, tuple(run), width))
        run, run_kind = [], None

    for c in p.clauses:
        if c.kind is Kind.HEADING:  # a heading's words as they are: no links, no tooltips
            view = _view(corpus, p, c, min(depth[c.id] + 2, 6), (Segment(c.text),))
        elif c.kind is Kind.ITEM:
            view = _view(corpus, p, c, max(c.level - 1, 0))
        else:
            view = _view(corpus, p, c, 0)
        kind = {
            Kind.HEADING: BlockKind.HEADING,
            Kind.PARAGRAPH: BlockKind.PARAGRAPH,
            Kind.QUOTE: BlockKind.QUOTE,
            Kind.ITEM: BlockKind.ITEMS,
            Kind.ROW: BlockKind.TABLE,
        }[c.kind]
        if kind in (BlockKind.ITEMS, BlockKind.TABLE) and kind is run_kind:
            run.append(view)
            continue
        flush()
        if kind in (BlockKind.ITEMS, BlockKind.TABLE):
            run, run_kind = [view], kind
        else:
            blocks.append(Block(kind, (view,)))
    flush()
    return tuple(_mark_empty(blocks))


def _mark_empty(blocks: list[Block]) -> list[Block]:
    """Each heading block marked ``empty`` when no text follows it within its section."""
    out = list(blocks)
    for i, b in enumerate(blocks):
        if b.kind is not BlockKind.HEADING:
            continue
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if after is None or (
            after.kind is BlockKind.HEADING and after.clauses[0].depth <= b.clauses[0].depth
        ):
            out[i] = replace(b, empty=True)
    return out


def _view(
    corpus: Corpus, p: Protocol, c: Clause, depth: int, text: tuple[Segment, ...] | None = None
) -> ClauseView:
    return ClauseView(
        clause=c,
        segments=corpus.segments(p, c) if text is None else text,
        carries=corpus.carried.get(c.id, ()),
        depth=depth,
        link_name=f"clause {c.number}" if c.number else "this clause",
    )


def _heading_depths(p: Protocol) -> dict[str, int]:
    depth: dict[str, int] = {}
    for c in p.clauses:
        if c.kind is Kind.HEADING:
            parent = c.parent
            while parent and parent in p.by_id and p.by_id[parent].kind is not Kind.HEADING:
                parent = p.by_id[parent].parent
            depth[c.id] = depth.get(parent, -1) + 1 if parent else 0
    return depth
