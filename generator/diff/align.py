"""Pairing the clauses of two revisions: equal wording in order (anchors), equal wording out of
order, then similarity; splits, merges and clauses extended by a long sentence.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from generator.core.types import Clause, Kind
from generator.diff.changes import (
    Options,
    full_text,
    words_of,
)

# --- alignment ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    clauses: tuple[Clause, ...]
    keys: tuple[tuple[bool, str], ...]
    """(is a heading, letters and digits of the text) per clause."""
    plain: tuple[str, ...]
    """Lowercased words, one character per distinct word, for similarity by words."""
    sections: tuple[int | None, ...]
    """Index of each clause's nearest enclosing heading."""

    @property
    def texts(self) -> tuple[str, ...]:
        """Letters and digits of each clause's text."""
        return tuple(key for _, key in self.keys)

    def section_label(self, index: int) -> str | None:
        section = self.sections[index]
        if section is None:
            return None
        heading = self.clauses[section]
        return f"{heading.label} {heading.text}" if heading.label else heading.text

    @staticmethod
    def of(clauses: Sequence[Clause], vocabulary: dict[str, str]) -> Side:
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
        words = [words_of(full_text(c)) for c in clauses]
        return Side(
            clauses,
            tuple(
                (c.kind is Kind.HEADING, "".join(w)) for c, w in zip(clauses, words, strict=True)
            ),
            tuple(encode_words(w, vocabulary) for w in words),
            tuple(sections),
        )


def encode_words(words: Sequence[str], vocabulary: dict[str, str]) -> str:
    """One private-use character per distinct word: similarity is then counted in words,
    and is several times faster than over letters. (Past 137,000 distinct words codes are
    shared, which only blurs similarity.)"""
    for word in words:
        if word not in vocabulary:
            n = len(vocabulary)
            vocabulary[word] = (
                chr(0xE000 + n) if n < 0x1900 else chr(0xF0000 + (n - 0x1900) % 0x1FFFD)
            )
    return "".join([vocabulary[word] for word in words])


def align_clauses(a: Side, b: Side, options: Options) -> dict[int, int]:
    """Old index -> new index for every clause found in both."""
    # Equal wording pairs whatever the kind: a heading read as a paragraph is still itself.
    matcher = difflib.SequenceMatcher(None, a.texts, b.texts, autojunk=False)
    pairs: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs[block.a + k] = block.b + k
    # Equal text the matcher left out (found out of order): paired in order of appearance.
    taken = set(pairs.values())
    waiting: dict[str, list[int]] = {}
    for j, key in enumerate(b.texts):
        if j not in taken:
            waiting.setdefault(key, []).append(j)
    for i, key in enumerate(a.texts):
        if i not in pairs and waiting.get(key):
            j = waiting[key].pop(0)
            pairs[i] = j
            taken.add(j)
    # Anchors: the equal clauses kept in place, chosen the same way whichever side is old.
    anchors_old = sorted(kept_in_order(pairs, a, b, options))
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
        nearby = _Nearby(b, news, anchors_old, anchors_new, len(a.clauses))
        for i in olds:
            gap = bisect.bisect_left(anchors_old, i)
            for score, j in nearby.scores(a.plain[i], i, max(floor, 0)):
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


# --- splits, merges and extensions ----------------------------------------------------------

_LEAST_JOINED = 88.0
"""Least similarity of one clause to several consecutive ones joined, for a split or merge."""
LEAST_CONTAINED = 90.0
"""Least share of a clause's words found in order inside another, for it to be extended."""
_MOST_PARTS = 6


def _containing(text: str, side: Side, js: Sequence[int]) -> list[tuple[float, int]]:
    """The clauses ``js`` of ``side`` where the shorter of ``text`` and the clause stands
    nearly whole inside the longer (``partial_ratio`` at least ``LEAST_CONTAINED``), each
    with its score, best first."""
    return [
        (score, js[k])
        for _, score, k in process.extract(
            text,
            [side.plain[j] for j in js],
            scorer=fuzz.partial_ratio,
            score_cutoff=LEAST_CONTAINED,
            limit=None,
        )
    ]


def _gaps(a: Side, b: Side, pairs: dict[int, int], options: Options) -> tuple[list[int], ...]:
    anchors_old = sorted(
        i for i in kept_in_order(pairs, a, b, options) if a.keys[i] == b.keys[pairs[i]]
    )
    return anchors_old, sorted(pairs[i] for i in anchors_old)


_REACH = 40
"""How far from its expected place a part of a split or an extended clause is looked for."""


def _window(
    i: int, anchors_x: list[int], anchors_y: list[int], n_x: int, n_y: int, reach: int = _REACH
) -> tuple[int, int]:
    """The indices of ``y`` where the counterpart of ``x``'s clause ``i`` may be: between
    the same anchors, and near the place its position between them suggests."""
    gap = bisect.bisect_left(anchors_x, i)
    x_lo = anchors_x[gap - 1] if gap > 0 else -1
    x_hi = anchors_x[gap] if gap < len(anchors_x) else n_x
    lo = anchors_y[gap - 1] + 1 if gap > 0 else 0
    hi = anchors_y[gap] if gap < len(anchors_y) else n_y
    if hi - lo <= 2 * reach:
        return lo, hi
    expected = lo + (i - x_lo - 1) * (hi - lo) // max(1, x_hi - x_lo - 1)
    return max(lo, expected - reach), min(hi, expected + reach + 1)


def regroup(
    a: Side, b: Side, pairs: dict[int, int], options: Options
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Find splits and merges among the clauses left unpaired (or paired with a mere part),
    and pair a clause extended by a long sentence with its old self. ``pairs`` is updated.

    Returns (old index -> the new indices it was split into, new index -> the old indices
    merged into it).
    """
    anchors_old, anchors_new = _gaps(a, b, pairs, options)
    back = {j: i for i, j in pairs.items()}
    # A text rewritten throughout has nothing to regroup far away: look close by only.
    unpaired = len(a.clauses) - len(pairs)
    reach = _REACH if unpaired <= 200 else 6
    splits = _joins(a, b, pairs, back, anchors_old, anchors_new, reach)
    merges = _joins(b, a, back, pairs, anchors_new, anchors_old, reach)
    for i, js in splits.items():
        for j in js:
            back.pop(j, None)
        pairs.pop(i, None)
    for j, is_ in merges.items():
        for i in is_:
            pairs.pop(i, None)
        back.pop(j, None)
    used_old = {i for i in splits} | {i for v in merges.values() for i in v}
    used_new = {j for v in splits.values() for j in v} | set(merges)
    free_old = [i for i in range(len(a.clauses)) if i not in pairs and i not in used_old]
    free_new = {j for j in range(len(b.clauses)) if j not in back and j not in used_new}
    # A clause extended (or cut) by a long sentence: its words all there, in order.
    candidates: list[tuple[float, int, int, int]] = []
    for i in free_old:
        lo, hi = _window(i, anchors_old, anchors_new, len(a.clauses), len(b.clauses), reach)
        js = [
            j
            for j in range(lo, hi)
            if j in free_new and a.keys[i][0] == b.keys[j][0] and len(b.plain[j]) >= 4
        ]
        if len(a.plain[i]) < 4 or not js:
            continue
        for score, j in _containing(a.plain[i], b, js):
            candidates.append((-score, abs(i - j), i, j))
    candidates.sort()
    for _, _, i, j in candidates:
        if i not in pairs and j in free_new:
            pairs[i] = j
            free_new.discard(j)
    return splits, merges


def _joins(
    x: Side,
    y: Side,
    pairs: dict[int, int],
    back: dict[int, int],
    anchors_x: list[int],
    anchors_y: list[int],
    reach: int = _REACH,
) -> dict[int, list[int]]:
    """Clauses of ``x`` that are several consecutive clauses of ``y`` joined."""
    found: dict[int, list[int]] = {}
    taken: set[int] = set()
    for i in range(len(x.clauses)):
        j0 = pairs.get(i)
        if j0 is not None and x.keys[i] == y.keys[j0]:
            continue  # unchanged: nothing to look for
        row = x.clauses[i].kind is Kind.ROW
        if x.keys[i][0] or (len(x.plain[i]) < 4 and not row):
            continue
        lo, hi = _window(i, anchors_x, anchors_y, len(x.clauses), len(y.clauses), reach)
        if j0 is not None:
            lo, hi = max(0, j0 - _MOST_PARTS + 1), min(len(y.clauses), j0 + _MOST_PARTS)

        def free(j: int, i: int = i, lo: int = lo, hi: int = hi) -> bool:
            return lo <= j < hi and j not in taken and (j not in back or back[j] == i)

        if j0 is not None:
            starts = [s for s in range(j0 - _MOST_PARTS + 1, j0 + 1) if free(s)]
        else:
            js = [j for j in range(lo, hi) if free(j) and 0 < len(y.plain[j]) < len(x.plain[i])]
            starts = sorted(j for _, j in _containing(x.plain[i], y, js))
        best: tuple[float, list[int]] | None = None
        for start in starts:
            run: list[int] = []
            for j in range(start, min(start + _MOST_PARTS, hi)):
                # A row's cells on lines of their own read as headings: they may be parts.
                if not free(j) or (y.keys[j][0] and not row):
                    break
                run.append(j)
                if len(run) < 2 or (j0 is not None and j0 not in run):
                    continue
                score = fuzz.ratio(x.plain[i], "".join(y.plain[k] for k in run))
                if best is None or score > best[0]:
                    best = (score, list(run))
        if best is None or best[0] < _LEAST_JOINED:
            continue
        if j0 is not None and best[0] < fuzz.ratio(x.plain[i], y.plain[j0]) + 5:
            continue
        found[i] = best[1]
        taken.update(best[1])
    return found


_NEAR = 60
"""Clauses this close to where a clause is expected are all scored; farther ones only when
they share enough word pairs to be a moved clause."""


class _Nearby:
    """Candidates for one old clause among the free new clauses: every one in its
    neighbourhood (between the same anchors, near its expected place), and, elsewhere, those
    sharing enough pairs of consecutive words to reach the similarity a move needs. Linear
    in practice, where scoring every pair is quadratic (a rewritten 2,000-clause text)."""

    def __init__(
        self,
        b: Side,
        news: list[int],
        anchors_old: list[int],
        anchors_new: list[int],
        n_old: int,
    ) -> None:
        self.b, self.news = b, news
        self.anchors_old, self.anchors_new, self.n_old = anchors_old, anchors_new, n_old
        self.index: dict[str, list[int]] = {}
        for j in news:
            for pair in _pairs(b.plain[j]):
                self.index.setdefault(pair, []).append(j)
        common = max(20, len(news) // 20)
        self.index = {k: v for k, v in self.index.items() if len(v) <= common}
        self.short = [j for j in news if len(b.plain[j]) < 4]

    def scores(self, query: str, i: int, cutoff: float) -> list[tuple[float, int]]:
        """(similarity, new index) of every candidate scoring at least ``cutoff``."""
        lo, hi = _window(
            i, self.anchors_old, self.anchors_new, self.n_old, len(self.b.clauses), _NEAR
        )
        near = self.news[bisect.bisect_left(self.news, lo) : bisect.bisect_left(self.news, hi)]
        if len(near) == len(self.news):
            far: list[int] = []
        else:
            counts = Counter(
                itertools.chain.from_iterable(self.index.get(p, ()) for p in _pairs(query))
            )
            least = max(1, len(query) // 4)
            far = [j for j, n in counts.items() if n >= least and not lo <= j < hi]
            far += [j for j in self.short if not lo <= j < hi]
        out: list[tuple[float, int]] = []
        for group, least_score in ((near, cutoff), (far, max(cutoff, 65.0))):
            if not group:
                continue
            for _, score, k in process.extract(
                query,
                [self.b.plain[j] for j in group],
                scorer=fuzz.ratio,
                score_cutoff=least_score,
                limit=None,
            ):
                out.append((score, group[k]))
        return out


def _pairs(plain: str) -> set[str]:
    """Pairs of consecutive words (each word one character in ``Side.plain``)."""
    return {plain[k : k + 2] for k in range(len(plain) - 1)}


def kept_in_order(pairs: dict[int, int], a: Side, b: Side, options: Options) -> set[int]:
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
        same_text = a.keys[i] == b.keys[j - 1] and full_text(a.clauses[i]) == full_text(
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
