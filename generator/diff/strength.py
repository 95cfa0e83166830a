"""The force of a clause's normative verb (must, should, may...; negated or not), changes of
force between two wordings, and word-level redlines.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from generator.core.wordiff import Op, diff_tokens
from generator.diff.changes import (
    TOKENS,
    Direction,
    Span,
    StrengthChange,
    words_of,
)

# --- normative strength -------------------------------------------------------------------

# The force of each modal verb or phrase: a change in rank is a change in obligation.
FORCE_RANK = {
    "must": 8,
    "shall": 8,
    "required to": 8,
    "will": 6,
    "expected to": 6,
    "should": 4,
    "ought": 4,
    "encouraged to": 3,
    "asked to": 3,
    "may": 2,
    "can": 2,
    "might": 2,
    "could": 2,
}
_NEGATIONS = frozenset({"not", "never"})
_PHRASES = {phrase for phrase in FORCE_RANK if " " in phrase}
_BE = frozenset({"are", "is", "be", "being", "am"})


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
"""The one-word modal verbs and their rank; the gap review leaves them out of its wording keys
(``generator.review.text``); the diff's changes of force use ``FORCE_RANK``."""


def modal_phrases(tokens: Sequence[str]) -> list[str]:
    """The one-word modal verbs in lowercased words, each with a following 'not' or 'never'
    ('must not'), and 'cannot': one entry per verb, in order."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token == "cannot":
            out.append("cannot")
        elif token in RANK:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            out.append(f"{token} {nxt}" if nxt in _NEGATIONS else token)
    return out


def force_phrases(tokens: Sequence[str]) -> list[str]:
    """The modal verbs and phrases in lowercased words, as they read: 'should',
    'must not', 'are encouraged to', 'are not expected to', 'cannot'."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        pair = " ".join(tokens[i : i + 2])
        if token == "cannot":
            out.append("cannot")
        elif pair in _PHRASES:
            start = i
            negated = i > 0 and tokens[i - 1] in _NEGATIONS
            if negated:
                start -= 1
            if start > 0 and tokens[start - 1] in _BE:
                start -= 1
            out.append(" ".join(tokens[start : i + 2]))
            i += 2
            continue
        elif token in FORCE_RANK:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt in _NEGATIONS:
                out.append(f"{token} {nxt}")
                i += 2
                continue
            out.append(token)
        i += 1
    return out


def _force(phrase: str) -> tuple[int, bool]:
    """(rank, negated) of a modal phrase."""
    words = phrase.split()
    if phrase == "cannot":
        return FORCE_RANK["can"], True
    negated = any(w in _NEGATIONS for w in words)
    core = [w for w in words if w not in _NEGATIONS and w not in _BE]
    return FORCE_RANK.get(" ".join(core), FORCE_RANK.get(core[0], 0) if core else 0), negated


def _rank(phrase: str) -> int:
    return _force(phrase)[0]


def strength_change(old_text: str, new_text: str) -> StrengthChange | None:
    """The change in force of the normative verb between two wordings, if any.

    A change of rank ('should' -> 'must', 'should' -> 'are encouraged to') strengthens or
    weakens; adding or removing a negation ('must not' -> 'must') reverses.

    >>> strength_change("Officers should reply", "Officers must reply")
    StrengthChange(old='should', new='must', direction=<Direction.STRENGTHENED: 'strengthened'>)
    """
    old, new = words_of(old_text), words_of(new_text)
    old_modals, new_modals = force_phrases(old), force_phrases(new)
    if old_modals == new_modals:
        return None  # the same verbs in the same order: no change of force
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # Only a local change around the verb counts: a sentence replaced by another with a
        # different verb is a change of content, not of force.
        if tag == "equal" or i2 - i1 > 4 or j2 - j1 > 4:
            continue
        # Look a few words either side, so 'should' -> 'are encouraged to' is seen whole.
        before = force_phrases(old[max(0, i1 - 3) : i2 + 3])
        after = force_phrases(new[max(0, j1 - 3) : j2 + 3])
        gone = [p for p in before if p not in after]
        came = [p for p in after if p not in before]
        if len(gone) == 1 and len(came) == 1 and _force(gone[0]) != _force(came[0]):
            return _strength(gone[0], came[0])
    # One verb on each side, reworded around it: 'Officers should reply promptly' ->
    # 'An officer must always reply within ten days'.
    if len(old_modals) == 1 and len(new_modals) == 1:
        a, b = old_modals[0], new_modals[0]
        if _force(a) != _force(b):
            return _strength(a, b)
    return None


def _strength(old: str, new: str) -> StrengthChange:
    (rank_old, neg_old), (rank_new, neg_new) = _force(old), _force(new)
    if neg_old != neg_new:
        return StrengthChange(old, new, Direction.REVERSED)
    up = rank_new > rank_old
    return StrengthChange(old, new, Direction.STRENGTHENED if up else Direction.WEAKENED)


# --- redline ------------------------------------------------------------------------------


def redline(old_text: str, new_text: str) -> tuple[Span, ...]:
    """Word-level changes from ``old_text`` to ``new_text``, as kept/deleted/inserted runs."""
    a, b = TOKENS.findall(old_text), TOKENS.findall(new_text)
    raw: list[tuple[str, str, str]] = []  # (kept, deleted, inserted) triples
    for run in diff_tokens(a, b):
        text = "".join(run.words)
        if run.op is Op.SAME:
            raw.append((text, "", ""))
        elif raw and not raw[-1][0] and not raw[-1][2] and run.op is Op.INSERTED:
            raw[-1] = ("", raw[-1][1], text)  # a replacement: deleted, then inserted
        else:
            raw.append(("", text, "") if run.op is Op.DELETED else ("", "", text))
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
