"""The fixed vocabulary shown to readers: statuses and strengths in words, with a symbol."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.core.types import Clause, Kind, Protocol, anchor, sibling_places
from generator.map.obligations import Source, Status, Strength

STATUS_WORDS = {
    Status.FULL: "In full",
    Status.PARTIAL: "In part",
    Status.ABSENT: "Not covered",
}
STATUS_SYMBOL = {Status.FULL: "●", Status.PARTIAL: "◐", Status.ABSENT: "○"}
STATUS_MEANING = {
    Status.FULL: "states the whole idea, with the same force and scope",
    Status.PARTIAL: "narrower, weaker, conditional, or only part of the idea",
    Status.ABSENT: "checked, and the protocol does not say it",
}
STRENGTH_WORDS = {
    Strength.MUST: "must",
    Strength.SHOULD: "should",
    Strength.MAY: "may",
    Strength.EXPECTED: "expected",
}
STRENGTH_MEANING = {
    Strength.MUST: "a binding rule, worded must, shall or will not",
    Strength.SHOULD: "advice the protocol expects to be followed, worded should",
    Strength.MAY: "a permission or option, worded may or can",
    Strength.EXPECTED: "stated as what one side can expect of the other",
}


SUGGESTED_WORDS = "suggested, not yet reviewed"
"""Shown beside every position ``ingest`` suggested until a person confirms it."""


def status_of(source: Source | None) -> Status:
    return source.status if source else Status.ABSENT


def position_words(source: Source | None) -> str:
    """E.g. 'In full, must', 'Not covered', or 'In part, should (suggested, not yet
    reviewed)' for a position ``ingest`` suggested."""
    status = status_of(source)
    words = STATUS_WORDS[status]
    if source and source.strength and status is not Status.ABSENT:
        words += f", {STRENGTH_WORDS[source.strength]}"
    if source and source.suggested:
        words += f" ({SUGGESTED_WORDS})"
    return words


_NOUNS = {
    Kind.PARAGRAPH: ("paragraph", "paragraphs"),
    Kind.ITEM: ("bullet", "bullets"),
    Kind.QUOTE: ("quoted paragraph", "quoted paragraphs"),
    Kind.ROW: ("table row", "table rows"),
}
_SUB_BULLET = ("sub-bullet", "sub-bullets")


@dataclass(frozen=True)
class Name:
    """A clause's name in parts, so that a list can group clauses of one kind in one place
    ('bullets 2 and 3 under “Roles”')."""

    noun: str
    """'clause', 'bullet', 'sub-bullet', 'paragraph', 'heading' ..."""
    plural: str
    ref: str
    """The printed number ('3.5'), the place among its kind ('2'), '' when it is the only one
    of its kind there, or the heading's words in quotation marks."""
    at: str
    """Where an unnumbered clause is: 'under “Roles”', 'of clause 4.1'; '' for the rest."""

    @property
    def words(self) -> str:
        if not self.ref:
            return f"the {self.noun} {self.at}"
        return " ".join(part for part in (self.noun, self.ref, self.at) if part)

    @property
    def groups(self) -> bool:
        """Whether it can share a list group: a numbered clause, or one counted among its kind."""
        return bool(self.ref) and self.noun != "heading"


@dataclass(frozen=True)
class Listed:
    """One clause's part of a list a person would write, and what follows it."""

    text: str
    """'clauses 2.1', '6.1', 'bullet 2 under “Roles”'."""
    after: str
    """', ', ' and ', ', and ' or '' (the last)."""


def clause_names(clauses: Sequence[Clause]) -> dict[str, str]:
    """Each clause's name (see ``clause_name``), for clauses not held in a ``Protocol``."""
    return {cid: n.words for cid, n in clause_name_parts(clauses).items()}


def clause_name_parts(clauses: Sequence[Clause]) -> dict[str, Name]:
    """``clause_names`` in parts (for ``listing``)."""
    by_id = {c.id: c for c in clauses}
    where = sibling_places(clauses)
    return {c.id: _name(c, by_id, where) for c in clauses}


def clause_name(protocol: Protocol, c: Clause) -> str:
    """How to refer to a clause in words, told apart from every other clause of its protocol.

    A numbered clause is 'clause 3.5', a numbered heading 'section 1.1', an unnumbered heading
    'heading “Purpose”'. Any other
    unnumbered clause is named by its kind, its place among the unnumbered clauses of the same
    kind under the same parent (left out when it is the only one) and where that parent is:

    - 'bullet 2 under “Expectations”' (under an unnumbered heading),
    - 'the paragraph under “Background”' (the only one there),
    - 'bullet 3 of clause 4.1' (under a numbered clause),
    - 'the paragraph under section 1.1' (under a numbered heading),
    - 'sub-bullet 1 under bullet 2 of clause 3.5' (a bullet in a bullet; a paragraph leading
      into a list is passed over: its bullets are counted under its heading),
    - 'paragraph 2 before the first heading' (under no heading at all).
    """
    return name_of(protocol, c).words


def name_of(protocol: Protocol, c: Clause) -> Name:
    """``clause_name`` in parts."""
    return _name(c, protocol.by_id, protocol.places)


def _name(c: Clause, by_id: dict[str, Clause], where: Mapping[str, tuple[int, int]]) -> Name:
    if c.number and c.kind is Kind.HEADING:
        return Name("section", "sections", c.number, "")
    if c.number:
        return Name("clause", "clauses", c.number, "")
    if c.kind is Kind.HEADING:
        return Name("heading", "headings", f"“{_heading(c.text)}”", "")
    noun, plural = _NOUNS.get(c.kind, _NOUNS[Kind.PARAGRAPH])
    parent = anchor(c, by_id)
    if parent is None:
        at = "before the first heading"
    elif parent.kind is Kind.HEADING and not parent.number:
        at = f"under “{_heading(parent.text)}”"
    elif parent.kind is Kind.HEADING:
        at = f"under {_name(parent, by_id, where).words}"
    elif parent.kind is c.kind is Kind.ITEM:
        noun, plural = _SUB_BULLET
        at = f"under {_name(parent, by_id, where).words}"
    else:
        at = f"of {_name(parent, by_id, where).words}"
    n, count = where.get(c.id, (1, 1))
    return Name(noun, plural, "" if count == 1 else str(n), at)


def clause_list(protocol: Protocol, clauses: Sequence[Clause]) -> str:
    """Several clauses of one protocol as a person would list them: 'clauses 2.1, 6.1 and
    6.2', 'bullets 2 and 3 under “Roles”', 'clause 2.1 and the paragraph under “Aims”'."""
    return "".join(x.text + x.after for x in clause_listing(protocol, clauses))


def clause_listing(
    protocol: Protocol, clauses: Sequence[Clause], bare_numbers: bool = False
) -> list[Listed]:
    """``clause_list`` one clause at a time (each part a link on the page)."""
    return listing([name_of(protocol, c) for c in clauses], bare_numbers)


def listing(names: Sequence[Name], bare_numbers: bool = False) -> list[Listed]:
    """The one rule for listing clauses: a run of numbered clauses, or of clauses counted
    among the same kind in the same place, is one group ('clauses 2.1, 6.1 and 6.2', 'bullets
    1 and 2 under “Roles”'); groups and single names are joined with commas and a last 'and',
    ', and' when a group has its own 'and'. ``bare_numbers`` leaves out 'clause' before
    printed numbers where the context says it ('also 4.6 and 4.7' in a matrix cell)."""
    groups: list[list[Name]] = []
    for n in names:
        last = groups[-1][-1] if groups else None
        same = last is not None and (last.noun, last.at) == (n.noun, n.at)
        if same and last is not None and last.groups and n.groups:
            groups[-1].append(n)
        else:
            groups.append([n])
    joined = ", and " if any(len(g) > 1 for g in groups) else " and "
    out: list[Listed] = []
    for gi, group in enumerate(groups):
        between = "" if gi == len(groups) - 1 else joined if gi == len(groups) - 2 else ", "
        k = len(group)
        for i, n in enumerate(group):
            bare = bare_numbers and n.noun == "clause"
            if k == 1:
                text = n.ref if bare else n.words
            else:
                text = n.ref if i or bare else f"{n.plural} {n.ref}"
                if i == k - 1 and n.at:
                    text += f" {n.at}"
            out.append(Listed(text, between if i == k - 1 else list_separator(i, k)))
    return out


def list_separator(i: int, n: int) -> str:
    """What follows item ``i`` (from 0) of ``n`` in a list a person writes: ', ' between,
    ' and ' before the last, nothing after it ('a, b and c')."""
    return "" if i >= n - 1 else " and " if i == n - 2 else ", "


def _heading(text: str) -> str:
    """A heading's words as a name quotes them: whole, whitespace collapsed."""
    return " ".join(text.split())


def title_then_statement(title: str, statement: str) -> tuple[str, str]:
    """(the words to link, the words after them) for a list entry naming an obligation and
    giving its statement, without saying the title twice: when the statement opens with the
    title ('Officers respect councillors' democratic mandate as the people …'), its opening
    words are the link and the rest follows; otherwise the title, then ': ' and the statement.
    """
    head = title.rstrip(". ")
    if head and statement.casefold().startswith(head.casefold()):
        rest = statement[len(head) :]
        if not rest[:1].isalnum():
            return statement[: len(head)], rest
    return title, f": {statement}"


def name_obligations(text: str, titles: Mapping[str, str]) -> str:
    """Our own prose (a note, a correction) with each obligation id it mentions replaced by
    the obligation's title in quotation marks, so no id is shown as words: '(see
    read-with-other-codes)' reads '(see “The protocol is read together with …”)'."""
    return "".join(f"“{p.title}”" if p.obligation else p.text for p in prose(text, titles, {}))


@dataclass(frozen=True)
class Piece:
    """A run of our own prose; where it names an obligation by id, the obligation it names."""

    text: str
    obligation: str | None = None
    """The id of a current obligation named here: shown as its title, linked."""
    title: str = ""
    replaced: bool = False
    """The text is a replaced obligation's old id: shown as that id, linked to the list of them."""


_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")


def prose(text: str, titles: Mapping[str, str], replaced: Mapping[str, str]) -> tuple[Piece, ...]:
    """Our prose with each obligation id in it marked, so a page shows a title, not an id."""
    pieces: list[Piece] = []
    at = 0
    for m in _ID.finditer(text):
        word = m.group(0)
        if word not in titles and word not in replaced:
            continue
        if m.start() > at:
            pieces.append(Piece(text[at : m.start()]))
        if word in titles:
            pieces.append(Piece(word, word, titles[word]))
        else:
            pieces.append(Piece(word, replaced=True))
        at = m.end()
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return tuple(pieces)
