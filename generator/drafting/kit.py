"""The drafting kit: everything the site's draft page needs to draft a protocol in the browser.

The browser drafts exactly what ``python -m generator draft`` drafts, without a server, because
everything that decides anything is computed here from the drafting package's own data and
functions and written into one JSON file:

- the **rules** for the answers (keys, allowed values, lengths, date shapes, the kinds of council
  that do not exist, the titles written without "the", the old keys still read and the messages
  ``draft`` gives about them), taken from :mod:`answers` and its checks;
- the **defaults** of every variable for each nation and tier, found by calling
  :func:`~generator.drafting.answer_defaults.defaults` with marked values, so the browser only
  substitutes the head officer's title, the staffing committee and the council's name;
- the **clauses** of each kind of council: every candidate in map order with its scope, default,
  alternative and how many of the protocols state it, and its wording already rendered by
  :func:`~generator.drafting.model_render.render` one sentence at a time, with marked slots for
  the variables and the cross-references (a sentence whose reference is left out is dropped);
- the **Word parts** (:mod:`generator.drafting.kit_word`): the package as the Word writer saves
  it, with document.xml, the footer and the document properties cut into templates.

The browser script then only selects the clauses (defaults, the boxes ticked), numbers them,
drops sentences and emptied clauses as :func:`~generator.drafting.model_protocol.build` does,
fills in the values (XML-escaped) and zips. Its output is compared with ``draft``'s in the
browser tests, part by part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypedDict

from generator.core.dates import MONTHS
from generator.core.suggest import CUTOFF
from generator.core.types import Protocol, Tier
from generator.drafting.answer_checks import LOCAL_ONLY, check_kind
from generator.drafting.answer_defaults import defaults
from generator.drafting.answer_values import MAX_LENGTH, head_officer_default
from generator.drafting.answers import (
    DATE_KEYS,
    GOVERNANCE,
    KEYS,
    LIST_KEYS,
    MIXED_UP,
    NATIONS,
    OLD_KEYS,
    REQUIRED,
    TEXT_KEYS,
    TITLE_KEYS,
    Answers,
    given_twice,
    not_text,
    renamed,
)
from generator.drafting.kit_word import word_kit
from generator.drafting.model_checks import (
    ARTICLES,
    DEFINED,
    DEFINES,
    DOUBLED,
    FIXED_ROLES,
    PRINCIPAL_WORDS,
    ROLE_VALUES,
    SENTENCE,
)
from generator.drafting.model_protocol import provenance
from generator.drafting.model_render import SENTENCE_END, SpanKind, paragraphs, render
from generator.drafting.model_select import candidates, decide, wording
from generator.map.model_fields import KINDS, CouncilKind, kind_of
from generator.map.obligations import MODEL_VARIABLES, ObligationMap

KIT_VERSION = 1
"""Raised when the kit's shape changes, so a page and a stale kit are never mixed."""

VALUE = "x"
"""What every variable is rendered as: a value that starts a sentence comes back as 'X'."""
NUMBER = "\ue000"
"""What every cross-reference's number is rendered as, replaced by the clause's number."""
HEAD, STAFFING_UPPER, STAFFING_LOWER, COUNCIL = "\ue001", "S\ue002", "s\ue002", "\ue003"
"""Marks standing for the head officer, the staffing committee (capitalised or not) and the
council's name in the defaults."""
KEY = "\ue004"
"""What stands for the key in a message the browser completes (``not_text``)."""

Segment = list[Any]
"""['t', text] | ['v', variable, capitalise (0/1)] | ['r', obligation id, 'paragraph \\ue000']"""
Sentence = list[Segment]
Paragraph = list[Sentence]


class KitClause(TypedDict):
    """One candidate clause of a kind of council."""

    id: str
    title: str
    theme: str
    scope: str
    on: bool
    reason: str
    alternative: str | None
    have: int
    lead: Paragraph
    items: list[Paragraph]


def drafting_kit(omap: ObligationMap, protocols: Sequence[Protocol]) -> dict[str, Any]:
    """The kit as JSON-ready values: rules, defaults, clauses by kind, Word parts."""
    return {
        "version": KIT_VERSION,
        "protocols": len(protocols),
        "rules": rules(),
        "checks": reading_checks(),
        "defaults": defaults_table(),
        "themes": [{"id": t.id, "title": t.title} for t in omap.themes],
        "kinds": {k.id: kind_kit(omap, protocols, k) for k in KINDS},
        "word": word_kit(omap, protocols),
    }


def rules() -> dict[str, Any]:
    """The answer rules of :mod:`generator.drafting.answers`, as data."""
    kind_errors: dict[str, str] = {}
    kind_warnings: dict[str, list[list[str]]] = {}
    for nation in NATIONS:
        for tier in Tier:
            for governance in (None, *GOVERNANCE):
                found, ignored = _kind_checks(tier, nation, governance)
                if found:
                    kind_errors[f"{nation}/{tier.value}/{governance or ''}"] = found
                if ignored:
                    kind_warnings[f"{nation}/{tier.value}/{governance or ''}"] = ignored
    return {
        "keys": list(KEYS),
        "required": list(REQUIRED),
        "tiers": [{"id": t.value, "local": t.is_local} for t in Tier],
        "nations": list(NATIONS),
        "governance": list(GOVERNANCE),
        "text_keys": list(TEXT_KEYS),
        "title_keys": list(TITLE_KEYS),
        "date_keys": list(DATE_KEYS),
        "list_keys": list(LIST_KEYS),
        "local_only": list(LOCAL_ONLY),
        "variables": list(MODEL_VARIABLES),
        "max_length": MAX_LENGTH,
        "months": list(MONTHS),
        "kind_errors": kind_errors,
        "kind_warnings": kind_warnings,
        "closest_cutoff": CUTOFF,
        "not_text": {
            what: not_text(KEY, value)
            for what, value in (("mapping", {}), ("list", []), ("true", True), ("false", False))
        },
        "old_keys": [
            {
                "old": old,
                "new": new,
                "renamed": renamed(old),
                "twice": given_twice(old),
                "mixed_up": list(MIXED_UP[old]) if old in MIXED_UP else None,
            }
            for old, new in OLD_KEYS.items()
        ],
        "kind_of": {
            f"{nation}/{tier.value}/{governance}": kind_of(nation, tier.is_local, governance).id
            for nation in NATIONS
            for tier in Tier
            for governance in GOVERNANCE
        },
    }


def _kind_checks(
    tier: Tier, nation: str, governance: str | None
) -> tuple[str | None, list[list[str]]]:
    """The first refusal :func:`check_kind` gives this kind of council, or None; and the
    keys it ignores for it, each with ``draft``'s warning, as [key, message] pairs (an answers
    file opened in the browser is warned about the ones it gives)."""
    found: list[str] = []
    ignored: list[list[str]] = []

    def bad(key: str, message: str) -> None:
        found.append(message)

    def warn(key: str, message: str) -> None:
        ignored.append([key, message])

    every = dict.fromkeys((*LOCAL_ONLY, "leader_title"), "x")
    check_kind(tier, nation, governance, every, bad, warn)
    return (found[0] if found else None), ignored


WORD = r"\p{L}\p{N}_"
r"""What Python's ``\w`` matches, as a JavaScript class body (``u`` flag): letters, digits, _."""
BOUNDARY = rf"(?:(?<=[{WORD}])(?![{WORD}])|(?<![{WORD}])(?=[{WORD}]))"
r"""Python's Unicode ``\b`` for JavaScript, where ``\b`` knows only ASCII letters."""
JS_SYNTAX = set("^$\\.*+?()[]{}|/-")


def js_pattern(pattern: str) -> str:
    r"""A Python regular expression as a JavaScript one (``u`` flag) that matches the same:
    ``\w`` and ``\b`` made Unicode-aware, escapes JavaScript refuses dropped.

    >>> js_pattern(r'[\"“](\w+)\b')
    '["“]([\\p{L}\\p{N}_]+)(?:(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_]))'
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            e = pattern[i + 1]
            if e == "w":
                out.append(WORD if in_class else f"[{WORD}]")
            elif e == "b" and not in_class:
                out.append(BOUNDARY)
            elif e.isalnum() or e in JS_SYNTAX:
                out.append(c + e)
            else:
                out.append(e)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


def reading_checks() -> dict[str, Any]:
    """The patterns and roles of ``draft``'s reading checks
    (:func:`~generator.drafting.model_checks.draft_problems`), for the browser to run the
    same checks on its draft."""
    return {
        "fixed_roles": list(FIXED_ROLES),
        "role_values": list(ROLE_VALUES),
        "word": WORD,
        "boundary": BOUNDARY,
        **{
            name: [js_pattern(p.pattern), "iu" if p.flags & re.IGNORECASE else "u"]
            for name, p in (
                ("principal_words", PRINCIPAL_WORDS),
                ("sentence", SENTENCE),
                ("doubled", DOUBLED),
                ("articles", ARTICLES),
                ("defined", DEFINED),
                ("defines", DEFINES),
            )
        },
    }


def defaults_table() -> dict[str, dict[str, Any]]:
    """For each 'nation/tier': the head officer's and staffing committee's defaults, and every
    other variable's default with marks for the head officer, the staffing committee (written
    with a capital, and not) and the council's name."""
    out: dict[str, dict[str, Any]] = {}
    for nation in NATIONS:
        for tier in Tier:
            plain = defaults(Answers(COUNCIL, tier, nation=nation))
            marked = {
                case: defaults(
                    Answers(
                        COUNCIL,
                        tier,
                        nation=nation,
                        head_officer_title=HEAD,
                        staffing_committee=staffing,
                    )
                )
                for case, staffing in (("upper", STAFFING_UPPER), ("lower", STAFFING_LOWER))
            }
            out[f"{nation}/{tier.value}"] = {
                "head_officer_title": head_officer_default(tier),
                "staffing_committee": plain["staffing_committee"],
                "upper": marked["upper"],
                "lower": marked["lower"],
            }
    return out


def kind_kit(
    omap: ObligationMap, protocols: Sequence[Protocol], kind: CouncilKind
) -> list[KitClause]:
    """Every candidate clause for a kind of council, in map order."""
    numbers = {o.id: NUMBER for o in omap.obligations}
    values = dict.fromkeys(MODEL_VARIABLES, VALUE)
    decisions, _ = decide(omap, kind)  # nothing switched: each clause's default, and why
    default = {d.id: d for d in decisions}
    out: list[KitClause] = []
    for o in candidates(omap, kind):
        lead, items = paragraphs(wording(o, kind) or "")
        on, reason = default[o.id].included, default[o.id].reason
        out.append(
            KitClause(
                id=o.id,
                title=o.title,
                theme=o.theme,
                scope=o.model_scope.value,
                on=on,
                reason=reason,
                alternative=o.model_alternative_to,
                have=len(provenance(o, protocols)),
                lead=_sentences(lead, values, numbers),
                items=[_sentences(i, values, numbers) for i in items],
            )
        )
    return out


def _sentences(text: str, values: dict[str, str], numbers: dict[str, str]) -> Paragraph:
    """A paragraph of model wording, one rendered sentence at a time, slots marked."""
    out: Paragraph = []
    for sentence in SENTENCE_END.split(text):
        if not sentence:
            continue
        spans, _, _ = render(sentence, values, numbers, False)
        segments: Sentence = []
        for s in spans:
            if s.kind is SpanKind.VALUE:
                segments.append(["v", s.name, int(s.text != VALUE)])
            elif s.kind is SpanKind.REF:
                segments.append(["r", s.name, s.text])
            else:
                segments.append(["t", s.text])
        out.append(segments)
    return out
