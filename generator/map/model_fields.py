"""The model fields of an obligation in ``clauses.yaml``: wording and law per kind of council.

An obligation's ``model`` and ``law`` are either one text for every kind of council or a
mapping from a *selector* to a text::

    model:
      england+local: A complaint that a councillor has breached the Code of Conduct ...
      wales+local: ... the Public Services Ombudsman for Wales ...
      principal: ...
    law:
      england: Localism Act 2011, s.28
      wales: Local Government Act 2000, Part III

A selector is ``all`` or words joined by ``+``, each word one of :data:`WORDS`. A selector
applies to a kind of council when each of its words describes that kind; of those that apply,
the one with most words wins (``england+local`` over ``local`` over ``all``). Two selectors of
the same length that both apply to one kind are an error, found for every kind at load time.
A kind no selector applies to, or whose selector maps to nothing (``wales: ~``), has no such
clause.

The other model fields:

``new_drafting``
    Why the clause (or the part of it named) says what no protocol says: a legal statement
    the model adds, or a gap it fills. Shown on the site beside the clause.
``model_same_as``
    Another obligation whose model clause already says this one: this one is left out of the
    model, so a draft never says the same thing twice.
``model_alternative_to``
    Another obligation whose model clause is a different way of doing the same thing: a
    council may have one or the other, never both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

WORDS = ("england", "wales", "local", "principal", "executive", "committee")
"""The words of a selector: nation, tier group, governance."""


@dataclass(frozen=True)
class CouncilKind:
    """A kind of council the model is written for: nation, tier group and governance."""

    id: str
    """'england-local', 'england-executive', 'england-committee', 'wales-local',
    'wales-principal'."""
    nation: str
    """'england' or 'wales'."""
    group: str
    """'local' (parish, town, community) or 'principal'."""
    governance: str | None
    """'executive' or 'committee' for principal councils; None for local councils."""
    title: str
    """'English parish and town councils'."""

    @property
    def words(self) -> frozenset[str]:
        """The selector words that describe this kind."""
        return frozenset(w for w in (self.nation, self.group, self.governance) if w)


KINDS = (
    CouncilKind("england-local", "england", "local", None, "English parish and town councils"),
    CouncilKind(
        "england-executive",
        "england",
        "principal",
        "executive",
        "English principal councils with executive arrangements (leader and cabinet)",
    ),
    CouncilKind(
        "england-committee",
        "england",
        "principal",
        "committee",
        "English principal councils with a committee system",
    ),
    CouncilKind("wales-local", "wales", "local", None, "Welsh community and town councils"),
    CouncilKind(
        "wales-principal",
        "wales",
        "principal",
        "executive",
        "Welsh principal councils (county and county borough councils)",
    ),
)
"""Every kind of council, in the order the site lists them."""
KIND_BY_ID = {k.id: k for k in KINDS}


def kind_of(nation: str, local: bool, governance: str | None) -> CouncilKind:
    """The kind for a council's answers.

    >>> kind_of("wales", False, None).id, kind_of("england", False, "committee").id
    ('wales-principal', 'england-committee')
    """
    if local:
        return KIND_BY_ID[f"{nation}-local"]
    if nation == "wales":
        return KIND_BY_ID["wales-principal"]
    return KIND_BY_ID[f"england-{governance or 'executive'}"]


Variants = tuple[tuple[frozenset[str], str | None], ...]
"""(selector words, text or None) pairs, in the order written; the empty set is ``all``."""


def parse_selector(key: str) -> frozenset[str] | str:
    """A selector's words, or a message saying what is wrong with it.

    >>> sorted(parse_selector("wales+local")), parse_selector("all")
    (['local', 'wales'], frozenset())
    >>> parse_selector("scotland").split(" (")[0]
    "unknown selector word 'scotland'"
    """
    key = key.strip().lower()
    if key == "all":
        return frozenset()
    words = [w.strip() for w in key.split("+")]
    for w in words:
        if w not in WORDS:
            return (
                f"unknown selector word '{w}' (use all, or words joined by '+' from: "
                f"{', '.join(WORDS)})"
            )
    return frozenset(words)


def pick(variants: Variants, kind: CouncilKind) -> str | None:
    """The text for a kind: the most specific selector that applies, else None."""
    best: tuple[int, str | None] | None = None
    for words, text in variants:
        if words <= kind.words and (best is None or len(words) > best[0]):
            best = (len(words), text)
    return best[1] if best else None


def ambiguities(variants: Variants) -> list[str]:
    """Messages for kinds to which two equally specific selectors apply."""
    out: list[str] = []
    for kind in KINDS:
        applying = [w for w, _ in variants if w <= kind.words]
        if not applying:
            continue
        top = max(len(w) for w in applying)
        tied = [w for w in applying if len(w) == top]
        if len(tied) > 1:
            names = " and ".join("+".join(sorted(w)) or "all" for w in tied)
            out.append(f"{names} both apply to {kind.title}; add a more specific selector")
    return out


def selector_name(words: frozenset[str]) -> str:
    """'all' or the words joined by '+', in :data:`WORDS` order."""
    return "+".join(w for w in WORDS if w in words) or "all"


def first_text(variants: Variants) -> str | None:
    """The first non-empty text, standing for the clause where one wording is shown."""
    return next((t for _, t in variants if t), None)


def as_variants(value: object) -> tuple[Variants, list[tuple[object, str]]]:
    """Variants from a YAML value (text or mapping), and (key, message) for bad entries."""
    if value is None:
        return (), []
    if isinstance(value, str):
        return ((frozenset(), value.strip()),), []
    if not isinstance(value, Mapping):
        return (), [(None, "must be text, or a mapping from selectors to text")]
    out: list[tuple[frozenset[str], str | None]] = []
    bad: list[tuple[object, str]] = []
    for key, text in value.items():
        words = parse_selector(str(key))
        if isinstance(words, str):
            bad.append((key, words))
            continue
        if text is not None and not isinstance(text, str):
            bad.append((key, f"'{key}' must map to text or ~ (nothing), not {text!r}"))
            continue
        out.append((words, text.strip() if text and text.strip() else None))
    return tuple(out), bad
