"""The typed data model of a protocol: metadata, and clauses in document order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from generator.core.dates import PartialDate
from generator.core.words import Dropped


class Tier(StrEnum):
    """The kind of council that adopted a protocol."""

    PARISH = "parish"
    TOWN = "town"
    COMMUNITY = "community"
    DISTRICT = "district"
    BOROUGH = "borough"
    COUNTY = "county"
    UNITARY = "unitary"

    @property
    def is_local(self) -> bool:
        """Parish, town and community councils (the 'local' tier, with a Clerk)."""
        return self in (Tier.PARISH, Tier.TOWN, Tier.COMMUNITY)


class Kind(StrEnum):
    """What a clause is in the printed document."""

    HEADING = "heading"
    """A heading: the title of a section."""
    PARAGRAPH = "paragraph"
    """A paragraph, numbered or not."""
    ITEM = "item"
    """A bullet-list item."""
    QUOTE = "quote"
    """A paragraph of a quoted extract."""
    ROW = "row"
    """A row of a table."""


@dataclass(frozen=True)
class Metadata:
    """The front matter of a source protocol."""

    council: str
    """The council's name, e.g. 'Farnham Town Council'."""
    title: str
    """The protocol's title as published."""
    tier: Tier
    """The council's tier."""
    source: str
    """The file name of the seed text this protocol was transcribed from."""
    adopted: PartialDate | None = None
    """Adoption date as precise as the document gives it: YYYY, YYYY-MM or YYYY-MM-DD."""
    review_due: PartialDate | None = None
    """When the protocol is next due for review, in the same form."""
    based_on: str | None = None
    """The model or earlier text the protocol says it follows."""
    dropped: tuple[Dropped, ...] = ()
    """Debris of the seed text deliberately left out of the body."""
    document_title: str | None = None
    """The document's own title, exactly as it prints it (may differ from ``title``)."""
    source_url: str | None = None
    """Where the council publishes the document (an http or https address), if found."""
    source_url_note: str | None = None
    """What ``source_url`` opens, or why there is none (a sentence a reader can read)."""
    retrieved: PartialDate | None = None
    """When the text was taken from the council's document; None when not recorded."""
    transcription: str | None = None
    """How the text was taken and repaired (a sentence; the method is on the methodology page)."""


@dataclass(frozen=True)
class Clause:
    """One addressable part of a protocol: a heading, paragraph, list item, quote or row."""

    id: str
    """Stable id, unique across all protocols: ``<slug>-...`` (see ``generator/ids.py``)."""
    kind: Kind
    """Heading, paragraph, item, quote or row."""
    number: str | None
    """The printed number without its trailing dot ('3.5', 'I.1'), or None."""
    label: str | None
    """The printed number exactly as printed ('1.1.'), or None."""
    text: str
    """Plain text of this clause only, without its number or its sub-clauses."""
    heading: tuple[str, ...]
    """Texts of the enclosing headings below the document title, outermost first."""
    parent: str | None
    """Id of the enclosing clause or heading; None at the top."""
    line: int
    """1-based line of the source file where the clause starts."""
    level: int = 0
    """For headings, the Markdown level (1 = title); for items, the list depth (1 = top)."""
    cells: tuple[str, ...] = ()
    """For table rows, the text of each cell."""
    header: bool = False
    """For table rows, whether this is the table's header row."""


@dataclass(frozen=True)
class Protocol:
    """A council's protocol: metadata and every clause in document order."""

    slug: str
    """Short id, the source file's name without '.md' ('west-mersea')."""
    path: str
    """The source file's path as given."""
    meta: Metadata
    """The front matter."""
    clauses: tuple[Clause, ...]
    """Every heading and clause, in document order."""
    body_line: int = 1
    """Line of the source file where the Markdown body starts."""

    @cached_property
    def by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    @cached_property
    def position(self) -> dict[str, int]:
        """Clause id -> its index in ``clauses``."""
        return {c.id: i for i, c in enumerate(self.clauses)}

    @cached_property
    def by_number(self) -> dict[str, str]:
        """Printed number without its final dot ('5.1') -> the first clause numbered so."""
        numbers: dict[str, str] = {}
        for c in self.clauses:
            if c.number and c.number not in numbers:
                numbers[c.number.rstrip(".")] = c.id
        return numbers

    @cached_property
    def children(self) -> dict[str | None, tuple[Clause, ...]]:
        out: dict[str | None, list[Clause]] = {}
        for c in self.clauses:
            out.setdefault(c.parent, []).append(c)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def places(self) -> dict[str, tuple[int, int]]:
        """Unnumbered clause id -> (its place, how many): see ``sibling_places``."""
        return sibling_places(self.clauses)

    def body_clauses(self) -> Iterator[Clause]:
        """Every clause that is not a heading."""
        return (c for c in self.clauses if c.kind is not Kind.HEADING)


def anchor(c: Clause, by_id: dict[str, Clause]) -> Clause | None:
    """What an unnumbered clause is counted under: its parent, except that an unnumbered
    paragraph leading into a list is passed over (the bullets under a heading are counted
    under the heading, not under the sentence that introduces them). None at the top."""
    parent = by_id.get(c.parent) if c.parent else None
    while (
        parent is not None
        and not parent.number
        and parent.kind is not Kind.HEADING
        and parent.kind is not c.kind
    ):
        parent = by_id.get(parent.parent) if parent.parent else None
    return parent


def sibling_places(clauses: Sequence[Clause]) -> dict[str, tuple[int, int]]:
    """Each unnumbered clause that is not a heading -> (its place counting from 1, how many)
    among the unnumbered clauses of the same kind with the same ``anchor``, in document order."""
    by_id = {c.id: c for c in clauses}
    counts: dict[tuple[str | None, Kind], int] = {}
    place: dict[str, tuple[str | None, Kind, int]] = {}
    for c in clauses:
        if c.number or c.kind is Kind.HEADING:
            continue
        up = anchor(c, by_id)
        key = (up.id if up else None, c.kind)
        counts[key] = counts.get(key, 0) + 1
        place[c.id] = (key[0], c.kind, counts[key])
    return {cid: (n, counts[(parent, kind)]) for cid, (parent, kind, n) in place.items()}
