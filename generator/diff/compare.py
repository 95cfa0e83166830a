"""Comparing two revisions of a protocol clause by clause (pure: clauses in, changes out).

Clauses are aligned by text first and number second, so inserting one paragraph does not
make everything after it look changed:

1. clauses whose normalised words are equal, in order, are anchors;
2. equal clauses found out of order are moves;
3. the rest are paired by similarity of their words (rapidfuzz), with a bonus for the same
   printed number and for lying between the same anchors; a pair out of order needs a higher
   similarity than one in place.

Each pair is then *moved* (out of order, or now in a different section), *modified* (same
place, wording changed), *renumbered* (same words, new number) or unchanged; what is left
over is *added* or *removed*.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from generator.core.types import Clause, Kind, Protocol
from generator.core.wordiff import Op
from generator.map.obligations import Obligation, ObligationMap, Status


class ChangeKind(StrEnum):
    """What happened to a clause between two revisions."""

    ADDED = "added"
    """Only in the new revision."""
    REMOVED = "removed"
    """Only in the old revision."""
    MODIFIED = "modified"
    """In the same place, with its wording changed."""
    MOVED = "moved"
    """Now in a different section, or in a different order."""
    RENUMBERED = "renumbered"
    """Same words, in the same place, with a new number."""


class Direction(StrEnum):
    """Which way the force of a clause's normative verb changed."""

    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"


@dataclass(frozen=True)
class Span:
    """A run of text in a redline: kept, inserted or deleted."""

    op: Op
    text: str


@dataclass(frozen=True)
class StrengthChange:
    """A change in the normative verb: 'should' became 'must'."""

    old: str
    new: str
    direction: Direction


@dataclass(frozen=True)
class Change:
    """One reported difference between two revisions."""

    kind: ChangeKind
    old: Clause | None
    """The clause in the old revision; None when added."""
    new: Clause | None
    """The clause in the new revision; None when removed."""
    text_changed: bool = False
    """Whether the words (or their case, punctuation or spacing) changed."""
    cosmetic: bool = False
    """Whether only case, punctuation or white space changed."""
    strength: StrengthChange | None = None
    """A change in the normative verb, if any."""
    redline: tuple[Span, ...] = ()
    """Word-level changes, when the text changed."""
    similarity: float = 1.0
    """How alike the old and new wording are, 0 to 1 (1 for added and removed)."""
    old_section: str | None = None
    """The heading the old clause sat under, number and text ('8. PUBLICITY AND THE MEDIA')."""
    new_section: str | None = None
    """The heading the new clause sits under."""

    @property
    def old_number(self) -> str | None:
        return self.old.number if self.old else None

    @property
    def new_number(self) -> str | None:
        return self.new.number if self.new else None

    @property
    def clause(self) -> Clause:
        """The clause as it is now (or was, if removed)."""
        clause = self.new or self.old
        assert clause is not None
        return clause


@dataclass(frozen=True)
class Options:
    """How to compare."""

    ignore_numbers: bool = False
    """Compare words only: no 'renumbered', and numbers do not help pairing (for texts
    numbered differently, like a council's text against an unnumbered model)."""
    min_similarity: float = 60.0
    """Least similarity (0-100) for two clauses in the same place to be one clause edited."""
    min_similarity_moved: float = 75.0
    """Least similarity for a clause found elsewhere to be the same clause, moved and edited."""


@dataclass(frozen=True)
class Comparison:
    """Every change between two revisions, in the order of the new revision."""

    old_name: str
    new_name: str
    changes: tuple[Change, ...]
    obligations: ObligationSummary | None = None
    """The effect on the obligation map, when the old revision is one of its protocols."""

    def summary(self) -> dict[ChangeKind, int]:
        """How many changes of each kind, every kind present (zero when none)."""
        counts = Counter(c.kind for c in self.changes)
        return {kind: counts.get(kind, 0) for kind in ChangeKind}

    @property
    def identical(self) -> bool:
        return not self.changes


@dataclass(frozen=True)
class RenumberedRun:
    """Consecutive clauses renumbered and otherwise unchanged: shown as one line."""

    changes: tuple[Change, ...]

    @property
    def first(self) -> Change:
        return self.changes[0]

    @property
    def last(self) -> Change:
        return self.changes[-1]


# --- normalising text ---------------------------------------------------------------------

_WORDS = re.compile(r"\w+")
_TOKENS = re.compile(r"\w+|[^\w\s]|\s+")


def words_of(text: str) -> list[str]:
    """Lowercased words of ``text`` (NFKC), for comparing wording."""
    return _WORDS.findall(unicodedata.normalize("NFKC", text).casefold())


def letters_of(text: str) -> str:
    """Letters and digits only: equal for texts differing in case, punctuation or spacing."""
    return "".join(words_of(text))


# --- normative strength -------------------------------------------------------------------

# The force of each modal verb: a change in rank is a change in obligation.
RANK = {
    "must": 4,
    "shall": 4,
    "will": 3,
    "should": 2,
    "ought": 2,
    "may": 1,
    "can": 1,
    "might": 1,
    "could": 1,
}
_NEGATIONS = frozenset({"not", "never"})


def modal_phrases(tokens: Sequence[str]) -> list[str]:
    """The modal verbs in lowercased words, with a following 'not' or 'never'."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token == "cannot":
            out.append("cannot")
        elif token in RANK:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            out.append(f"{token} {nxt}" if nxt in _NEGATIONS else token)
    return out


def _rank(phrase: str) -> int:
    return RANK.get(phrase.split()[0].replace("cannot", "can"), 0)


def strength_change(old_text: str, new_text: str) -> StrengthChange | None:
    """The change in force of the normative verb between two wordings, if any.

    >>> strength_change("Officers should reply", "Officers must reply")
    StrengthChange(old='should', new='must', direction=<Direction.STRENGTHENED: 'strengthened'>)
    """
    old, new = words_of(old_text), words_of(new_text)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # Only a local swap of the verb counts: a sentence replaced by another with a
        # different verb is a change of content, not of force.
        if tag != "replace" or i2 - i1 > 3 or j2 - j1 > 3:
            continue
        # Look one word either side, so 'should not' -> 'must not' is seen whole.
        before = modal_phrases(old[max(0, i1 - 1) : i2 + 1])
        after = modal_phrases(new[max(0, j1 - 1) : j2 + 1])
        for a, b in zip(before, after, strict=False):
            if a != b and _rank(a) != _rank(b):
                return _strength(a, b)
    old_modals, new_modals = modal_phrases(old), modal_phrases(new)
    # One verb on each side, reworded around it: 'Officers should reply promptly' ->
    # 'An officer must always reply within ten days'.
    if len(old_modals) == 1 and len(new_modals) == 1:
        a, b = old_modals[0], new_modals[0]
        if _rank(a) != _rank(b):
            return _strength(a, b)
    return None


def _strength(old: str, new: str) -> StrengthChange:
    up = _rank(new) > _rank(old)
    return StrengthChange(old, new, Direction.STRENGTHENED if up else Direction.WEAKENED)


# --- redline ------------------------------------------------------------------------------


def redline(old_text: str, new_text: str) -> tuple[Span, ...]:
    """Word-level changes from ``old_text`` to ``new_text``, as kept/deleted/inserted runs."""
    a, b = _TOKENS.findall(old_text), _TOKENS.findall(new_text)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    raw: list[tuple[str, str, str]] = []  # (kept, deleted, inserted) triples
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            raw.append(("".join(a[i1:i2]), "", ""))
        else:
            raw.append(("", "".join(a[i1:i2]), "".join(b[j1:j2])))
    # A kept run of only spaces or one short word between two edits reads better inside them.
    merged: list[tuple[str, str, str]] = []
    for i, (kept, deleted, inserted) in enumerate(raw):
        between = (
            0 < i < len(raw) - 1
            and kept
            and (not kept.strip() or (len(kept.strip()) <= 3 and len(kept.split()) == 1))
        )
        if between and merged and not merged[-1][0]:
            _, d, ins = merged.pop()
            merged.append(("", d + kept, ins + kept))
            continue
        if not kept and merged and not merged[-1][0]:
            _, d, ins = merged.pop()
            merged.append(("", d + deleted, ins + inserted))
            continue
        merged.append((kept, deleted, inserted))
    spans: list[Span] = []
    for kept, deleted, inserted in merged:
        if kept:
            spans.append(Span(Op.SAME, kept))
        if deleted:
            spans.append(Span(Op.DELETED, deleted))
        if inserted:
            spans.append(Span(Op.INSERTED, inserted))
    return tuple(spans)


# --- alignment ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Side:
    clauses: tuple[Clause, ...]
    keys: tuple[tuple[bool, str], ...]
    """(is a heading, letters and digits of the text) per clause."""
    plain: tuple[str, ...]
    """Lowercased words, one character per distinct word, for similarity by words."""
    sections: tuple[int | None, ...]
    """Index of each clause's nearest enclosing heading."""

    def section_label(self, index: int) -> str | None:
        section = self.sections[index]
        if section is None:
            return None
        heading = self.clauses[section]
        return f"{heading.label} {heading.text}" if heading.label else heading.text

    @staticmethod
    def of(clauses: Sequence[Clause], vocabulary: dict[str, str]) -> _Side:
        """Index a revision; ``vocabulary`` (shared by both sides) codes words as characters."""
        clauses = tuple(clauses)
        index = {c.id: i for i, c in enumerate(clauses)}
        sections: list[int | None] = []
        for c in clauses:
            parent = c.parent
            found: int | None = None
            seen = 0
            while parent is not None and parent in index and seen < 50:
                p = clauses[index[parent]]
                if p.kind is Kind.HEADING:
                    found = index[parent]
                    break
                parent, seen = p.parent, seen + 1
            sections.append(found)
        texts = [_full_text(c) for c in clauses]
        return _Side(
            clauses,
            tuple(
                (c.kind is Kind.HEADING, letters_of(t)) for c, t in zip(clauses, texts, strict=True)
            ),
            tuple(_encode(words_of(t), vocabulary) for t in texts),
            tuple(sections),
        )


def _encode(words: Sequence[str], vocabulary: dict[str, str]) -> str:
    """One private-use character per distinct word: similarity is then counted in words,
    and is several times faster than over letters."""
    out: list[str] = []
    for word in words:
        code = vocabulary.get(word)
        if code is None:
            n = len(vocabulary)
            code = chr(0xE000 + n) if n < 0x1900 else chr(0xF0000 + n - 0x1900)
            vocabulary[word] = code
        out.append(code)
    return "".join(out)


def _full_text(c: Clause) -> str:
    return " | ".join(c.cells) if c.cells else c.text


def compare(
    old: Sequence[Clause],
    new: Sequence[Clause],
    options: Options = Options(),
    old_name: str = "old",
    new_name: str = "new",
) -> Comparison:
    """Every change from ``old`` to ``new``, in the order of the new revision."""
    vocabulary: dict[str, str] = {}
    a, b = _Side.of(old, vocabulary), _Side.of(new, vocabulary)
    pairs = _align(a, b, options)
    return Comparison(old_name, new_name, tuple(_classify(a, b, pairs, options)))


def _align(a: _Side, b: _Side, options: Options) -> dict[int, int]:
    """Old index -> new index for every clause found in both."""
    matcher = difflib.SequenceMatcher(None, a.keys, b.keys, autojunk=False)
    pairs: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs[block.a + k] = block.b + k
    # Equal text the matcher left out (found out of order): paired in order of appearance.
    taken = set(pairs.values())
    waiting: dict[tuple[bool, str], list[int]] = {}
    for j, key in enumerate(b.keys):
        if j not in taken:
            waiting.setdefault(key, []).append(j)
    for i, key in enumerate(a.keys):
        if i not in pairs and waiting.get(key):
            j = waiting[key].pop(0)
            pairs[i] = j
            taken.add(j)
    # Anchors: the equal clauses kept in place, chosen the same way whichever side is old.
    anchors_old = sorted(_in_order(pairs, a, b, options))
    anchors_new = sorted(pairs[i] for i in anchors_old)
    # The rest by similarity.
    free_old = [i for i in range(len(a.clauses)) if i not in pairs]
    free_new = [j for j in range(len(b.clauses)) if j not in taken]
    if not free_old or not free_new:
        return pairs
    floor = min(options.min_similarity, options.min_similarity_moved) - 25
    candidates: list[tuple[float, int, int, int, int]] = []
    for heading in (False, True):
        olds = [i for i in free_old if a.keys[i][0] is heading]
        news = [j for j in free_new if b.keys[j][0] is heading]
        if not olds or not news:
            continue
        choices = [b.plain[j] for j in news]
        for i in olds:
            gap = bisect.bisect_left(anchors_old, i)
            for _, score, k in process.extract(
                a.plain[i], choices, scorer=fuzz.ratio, score_cutoff=max(floor, 0), limit=None
            ):
                j = news[k]
                same_gap = bisect.bisect_left(anchors_new, j) == gap
                bonus = 8.0 if same_gap else 0.0
                ca, cb = a.clauses[i], b.clauses[j]
                if not options.ignore_numbers and ca.number and ca.number == cb.number:
                    bonus += 12.0
                needed = options.min_similarity if same_gap else options.min_similarity_moved
                if score + bonus >= needed and (same_gap or score >= needed - 5):
                    # Best first; ties go to the pair closest in position.
                    candidates.append((-(score + bonus), abs(i - j), i + j, i, j))
    candidates.sort()
    for *_, i, j in candidates:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    if not options.ignore_numbers:
        # A heading keeps its identity by number: section 2 renamed is still section 2.
        headings = {
            (b.clauses[j].number, bisect.bisect_left(anchors_new, j)): j
            for j in free_new
            if j not in taken and b.keys[j][0] and b.clauses[j].number
        }
        for i in free_old:
            if i in pairs or not a.keys[i][0] or not a.clauses[i].number:
                continue
            j_found = headings.pop((a.clauses[i].number, bisect.bisect_left(anchors_old, i)), None)
            if j_found is not None:
                pairs[i] = j_found
                taken.add(j_found)
    return pairs


def _in_order(pairs: dict[int, int], a: _Side, b: _Side, options: Options) -> set[int]:
    """Old indices of the pairs kept in place: the longest run whose new indices increase.

    Among runs of equal length the one keeping most clauses wholly unchanged wins, then the
    one keeping most wording unchanged; so the answer does not depend on which revision is
    called old, and a clause that swapped places with a neighbour is the one shown moved
    when the other kept its number.
    """
    olds = sorted(pairs)
    size = len(b.clauses) + 1
    # A Fenwick tree over new positions holding the best (length, unchanged, same wording,
    # index) of a run ending at or before each position.
    tree: list[tuple[int, int, int, int]] = [(0, 0, 0, -1)] * (size + 1)
    best_at: list[tuple[int, int, int, int]] = []
    back: list[int] = []
    for k, i in enumerate(olds):
        j = pairs[i] + 1
        best = (0, 0, 0, -1)
        q = j - 1
        while q > 0:
            best = max(best, tree[q])
            q -= q & -q
        same_text = a.keys[i] == b.keys[j - 1] and _full_text(a.clauses[i]) == _full_text(
            b.clauses[j - 1]
        )
        same_number = options.ignore_numbers or a.clauses[i].number == b.clauses[j - 1].number
        mine = (best[0] + 1, best[1] + (same_text and same_number), best[2] + same_text, k)
        best_at.append(mine)
        back.append(best[3])
        q = j
        while q <= size:
            tree[q] = max(tree[q], mine)
            q += q & -q
    keep: set[int] = set()
    k = max(best_at)[3] if best_at else -1
    while k >= 0:
        keep.add(olds[k])
        k = back[k]
    return keep


def _classify(a: _Side, b: _Side, pairs: dict[int, int], options: Options) -> list[Change]:
    in_order = _in_order(pairs, a, b, options)
    keyed: list[tuple[tuple[int, int, int], Change]] = []
    for i, j in pairs.items():
        old, new = a.clauses[i], b.clauses[j]
        section_old, section_new = a.sections[i], b.sections[j]
        moved_section = (
            section_old is not None and section_old in pairs and pairs[section_old] != section_new
        )
        moved = i not in in_order or moved_section
        text_old, text_new = _full_text(old), _full_text(new)
        changed = text_old != text_new
        numbered = not options.ignore_numbers and old.number != new.number
        if not (moved or changed or numbered):
            continue
        if moved:
            kind = ChangeKind.MOVED
        elif changed:
            kind = ChangeKind.MODIFIED
        else:
            kind = ChangeKind.RENUMBERED
        change = Change(
            kind,
            old,
            new,
            old_section=a.section_label(i),
            new_section=b.section_label(j),
            text_changed=changed,
            cosmetic=changed and a.keys[i] == b.keys[j],
            strength=strength_change(text_old, text_new) if changed else None,
            redline=redline(text_old, text_new) if changed else (),
            similarity=round(fuzz.ratio(a.plain[i], b.plain[j]) / 100, 3),
        )
        keyed.append(((j, 1, i), change))
    # A removed clause is shown where it was: after the new place of the clause before it.
    place = -1
    for i in range(len(a.clauses)):
        if i in pairs and i in in_order:
            place = pairs[i]
        elif i not in pairs:
            removed = Change(ChangeKind.REMOVED, a.clauses[i], None, old_section=a.section_label(i))
            keyed.append(((place, 2, i), removed))
    taken = set(pairs.values())
    for j in range(len(b.clauses)):
        if j not in taken:
            added = Change(ChangeKind.ADDED, None, b.clauses[j], new_section=b.section_label(j))
            keyed.append(((j, 1, -1), added))
    keyed.sort(key=lambda kc: kc[0])
    return [change for _, change in keyed]


def grouped(changes: Iterable[Change]) -> list[Change | RenumberedRun]:
    """Changes with each run of consecutive renumberings collapsed into one entry."""
    out: list[Change | RenumberedRun] = []
    run: list[Change] = []
    for change in changes:
        if change.kind is ChangeKind.RENUMBERED:
            run.append(change)
            continue
        if run:
            out.append(RenumberedRun(tuple(run)) if len(run) > 1 else run[0])
            run = []
        out.append(change)
    if run:
        out.append(RenumberedRun(tuple(run)) if len(run) > 1 else run[0])
    return out


# --- effect on the obligation map ---------------------------------------------------------


class EffectKind(StrEnum):
    """What a revision does to an obligation the map tracks."""

    NO_LONGER_COVERED = "no longer covered"
    """Every clause the map cites for it was removed."""
    NEWLY_COVERED = "newly covered"
    """The map has it absent, and an added clause reads like other protocols' wording of it."""
    STRENGTHENED = "strengthened"
    """A cited clause's normative verb got stronger."""
    WEAKENED = "weakened"
    """A cited clause's normative verb got weaker."""
    REWORDED = "reworded"
    """A cited clause's wording changed otherwise: the map's entry needs a look."""


@dataclass(frozen=True)
class ObligationEffect:
    """One obligation touched by a revision."""

    kind: EffectKind
    obligation: str
    """The obligation's id in clauses.yaml."""
    title: str
    clauses: tuple[str, ...]
    """Where it is in the revision: printed numbers, or clause ids when unnumbered."""


@dataclass(frozen=True)
class ObligationSummary:
    """The effect of a revision on one protocol's entries in the obligation map."""

    protocol: str
    """Slug of the protocol the old revision was matched to."""
    effects: tuple[ObligationEffect, ...]


def match_protocol(
    clauses: Sequence[Clause], protocols: Sequence[Protocol], least: float = 0.6
) -> Protocol | None:
    """The protocol whose clauses a revision shares most of (at least ``least`` of them)."""
    keys = {letters_of(_full_text(c)) for c in clauses if c.kind is not Kind.HEADING}
    best: tuple[float, Protocol] | None = None
    for protocol in protocols:
        theirs = [letters_of(_full_text(c)) for c in protocol.body_clauses()]
        if not theirs:
            continue
        share = sum(1 for k in theirs if k in keys) / len(theirs)
        if share >= least and (best is None or share > best[0]):
            best = (share, protocol)
    return best[1] if best else None


def obligation_effects(
    comparison: Comparison,
    old: Sequence[Clause],
    protocol: Protocol,
    omap: ObligationMap,
    protocols: Sequence[Protocol] = (),
) -> ObligationSummary:
    """How the changes from ``old`` touch the obligations the map cites ``protocol`` for.

    ``old`` need not be the protocol's own source file: its clauses are paired with the
    protocol's by the same alignment as the diff, so a published text of it works too.
    """
    vocabulary: dict[str, str] = {}
    mine, theirs = _Side.of(protocol.clauses, vocabulary), _Side.of(old, vocabulary)
    pairs = _align(mine, theirs, Options())
    old_of = {protocol.clauses[i].id: old[j].id for i, j in pairs.items()}
    by_old = {c.old.id: c for c in comparison.changes if c.old is not None}
    added = [c for c in comparison.changes if c.kind is ChangeKind.ADDED]
    texts = {c.id: _full_text(c) for p in protocols for c in p.clauses}
    effects: list[ObligationEffect] = []
    for ob in omap.obligations:
        source = ob.sources.get(protocol.slug)
        if source is None or source.status is Status.ABSENT:
            found = _covering(
                ob.model,
                [
                    texts[i]
                    for p in protocols
                    if p.slug != protocol.slug
                    for i in _cited(ob, p.slug)
                    if i in texts
                ],
                added,
            )
            if found:
                effects.append(ObligationEffect(EffectKind.NEWLY_COVERED, ob.id, ob.title, found))
            continue
        changes = [by_old.get(old_of.get(cid, "")) for cid in source.clauses]
        where = tuple(_where(cid, c) for cid, c in zip(source.clauses, changes, strict=True))
        if changes and all(c is not None and c.kind is ChangeKind.REMOVED for c in changes):
            effects.append(ObligationEffect(EffectKind.NO_LONGER_COVERED, ob.id, ob.title, where))
            continue
        strengths = [c.strength for c in changes if c is not None and c.strength]
        if strengths:
            up = any(s.direction is Direction.STRENGTHENED for s in strengths)
            kind = EffectKind.STRENGTHENED if up else EffectKind.WEAKENED
            effects.append(ObligationEffect(kind, ob.id, ob.title, where))
        elif any(c is not None and c.text_changed and not c.cosmetic for c in changes):
            effects.append(ObligationEffect(EffectKind.REWORDED, ob.id, ob.title, where))
    order = list(EffectKind)
    effects.sort(key=lambda e: order.index(e.kind))
    return ObligationSummary(protocol.slug, tuple(effects))


def _cited(ob: Obligation, slug: str) -> tuple[str, ...]:
    source = ob.sources.get(slug)
    return source.clauses if source is not None else ()


def _where(clause_id: str, change: Change | None) -> str:
    if change is None:
        return clause_id
    clause = change.new or change.old
    assert clause is not None
    return clause.number or clause.id


def _covering(
    model: str | None, wordings: Sequence[str], added: Sequence[Change]
) -> tuple[str, ...]:
    """Added clauses that read like another protocol's (or the model's) wording of an idea."""
    candidates = [
        w for w in [*wordings, re.sub(r"\{\w+\}", "", model or "")] if len(words_of(w)) >= 8
    ]
    found: list[str] = []
    for change in added:
        text = " ".join(words_of(_full_text(change.clause)))
        if len(text.split()) < 6:
            continue
        for wording in candidates:
            if fuzz.token_sort_ratio(text, " ".join(words_of(wording))) >= 70:
                found.append(change.clause.number or change.clause.id)
                break
    return tuple(found)
