"""The force of a clause's wording, read from its normative verb.

One rule, used for a council's clauses and for the model's wording alike:

- must, shall, must not, shall not, will not -> ``must`` (a binding rule);
- should, ought, should not -> ``should``;
- may, can, cannot, might, could -> ``may`` ('cannot' describes, as in 'if they cannot
  undertake this task'; a prohibition is worded 'must not');
- anything else (including 'will', 'is', 'are', 'can expect') -> ``expected``.

When a clause states several, the strongest wins: 'should be avoided as it can damage' is
``should``. A bullet with no verb of its own takes the verb of its lead-in line ('Councillors
must not:' then '- lobby officers' is ``must``).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.diff.compare import RANK, modal_phrases, words_of
from generator.map.obligations import Strength

_RANK = {Strength.MUST: 3, Strength.SHOULD: 2, Strength.MAY: 1, Strength.EXPECTED: 0}
_MUST = {"must", "shall", "must not", "shall not", "will not", "will never"}
_SHOULD = {"should", "ought", "should not", "should never", "ought not"}
_MAY = {"may", "can", "cannot", "can not", "might", "could", "may not"}


def rank(strength: Strength) -> int:
    """must 3, should 2, may 1, expected 0."""
    return _RANK[strength]


def verb_strength(text: str) -> Strength | None:
    """The strongest normative verb in ``text``; None when it has none.

    >>> verb_strength("Officers should reply and must keep a record.")
    <Strength.MUST: 'must'>
    >>> verb_strength("Councillors can expect from officers:") is None
    True
    """
    tokens = words_of(text)
    best: Strength | None = None
    for phrase in _phrases(tokens):
        found = _kind(phrase)
        if found is not None and (best is None or rank(found) > rank(best)):
            best = found
    return best


def _phrases(tokens: Sequence[str]) -> list[str]:
    # 'can expect' and 'may expect' describe what one side can count on, not a permission.
    out: list[str] = []
    for phrase, following in zip(modal_phrases(tokens), _following(tokens), strict=False):
        if following != "expect":
            out.append(phrase)
    return out


def _following(tokens: Sequence[str]) -> list[str]:
    """For each modal phrase ``modal_phrases`` yields, the word after it."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token == "cannot" or token in RANK:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            step = 2 if nxt in ("not", "never") else 1
            out.append(tokens[i + step] if i + step < len(tokens) else "")
    return out


def _kind(phrase: str) -> Strength | None:
    if phrase in _MUST:
        return Strength.MUST
    if phrase in _SHOULD or phrase.startswith("ought"):
        return Strength.SHOULD
    if phrase in _MAY or phrase.split()[0] in ("may", "can", "might", "could"):
        return Strength.MAY
    return None


def clause_strength(text: str, lead_in: str | None = None) -> Strength:
    """A clause's strength, from its own verb or else its lead-in line's; else ``expected``."""
    own = verb_strength(text)
    if own is not None:
        return own
    if lead_in:
        inherited = verb_strength(lead_in)
        if inherited is not None:
            return inherited
    return Strength.EXPECTED


def strongest(strengths: Sequence[Strength]) -> Strength | None:
    """The strongest of several, or None for none."""
    return max(strengths, key=rank) if strengths else None
