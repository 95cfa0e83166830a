"""Checks on the model: its fields in the map, and the text of every draft. Pure.

:func:`check_wording` checks the map's model fields and then drafts the protocol for every
combination of nation, tier and governance (and the printed model of every kind), running
:func:`draft_problems` over each. ``check``, the site build and ``draft`` all run it, so a
map edit that makes any council's draft loop, contradict or misprint fails at once.

:func:`draft_problems` reads a drafted protocol as a reviewer would and reports:

- a route that sends a complaint or concern about someone to that same person;
- a sentence starting with a lower-case letter;
- a doubled word ("the the", "to to") or a doubled article ("the a");
- a defined role (the Monitoring Officer, the Proper Officer, the Clerk...) used but never
  defined in the draft;
- principal-council vocabulary (head of paid service, cabinet, political group...) in the
  draft of a parish, town or community council;
- a leftover ``{placeholder}``.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator

from generator.core.problems import Problem, Severity
from generator.core.types import Tier
from generator.drafting.answer_defaults import defaults
from generator.drafting.answers import Answers
from generator.drafting.model_protocol import GROUPS, ModelProtocol, build, candidates, wording
from generator.drafting.model_render import TOKEN, Text, plain
from generator.map.model_fields import KINDS
from generator.map.obligations import MODEL_VARIABLES, ObligationMap, Status

FIXED_ROLES = (
    "Monitoring Officer",
    "Proper Officer",
    "Responsible Financial Officer",
    "Chief Finance Officer",
    "Cabinet Member",
)
"""Roles the model names in words; each needs a definition wherever it is used."""
ROLE_VALUES = ("head_officer_title", "civic_head_title", "leader_title")
"""Variables whose values are roles that need a definition where used."""
PRINCIPAL_WORDS = re.compile(
    r"\b(head of paid service|cabinet|group leaders?|scrutiny|"
    r"designated enquiry service|whose service holds|Chief Finance Officer|"
    r"Leader of the Council|executive arrangements)\b",
    re.IGNORECASE,
)
"""Words of principal-council government that have no place in a parish draft."""
WHERE = re.compile(r"^(?:clause [\d.]+ \(([a-z0-9-]+)\)|optional clause '([a-z0-9-]+)')")
SENTENCE = re.compile(r"(?<=[.!?])\s+")
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
ARTICLES = re.compile(r"\b(the|a|an)\s+(the|a|an)\b", re.IGNORECASE)
DEFINED = re.compile(r"[\"“](?:the |an? )?([^\"”]+)[\"”] means\b")
"""A definition in quotes: '"the Clerk" means ...'."""
DEFINES = re.compile(r"^(?:The |An? )?([A-Z][\w’' -]*?) (?:is|means) (?:the|a|an|anyone)\b")
"""A definition as a sentence of its own: 'The Monitoring Officer is the officer ...'."""
COMBINATIONS: tuple[tuple[str, Tier, str | None], ...] = (
    *(("england", t, None) for t in (Tier.PARISH, Tier.TOWN, Tier.COMMUNITY)),
    *(
        ("england", t, g)
        for t in (Tier.DISTRICT, Tier.BOROUGH, Tier.COUNTY, Tier.UNITARY)
        for g in ("executive", "committee")
    ),
    *(("wales", t, None) for t in (Tier.COMMUNITY, Tier.TOWN)),
    *(("wales", t, "executive") for t in (Tier.COUNTY, Tier.BOROUGH, Tier.UNITARY)),
)
"""Every (nation, tier, governance) a council can be."""


def _texts(model: ModelProtocol) -> Iterator[tuple[str, Text, bool]]:
    """(where, text, completes a lead-in) for every clause and item of a draft."""
    for c in model.clauses:
        yield f"clause {c.number} ({c.id})", c.text, False
        lead_in = plain(c.text, brackets=False).rstrip().endswith((":", "—"))
        for i, item in enumerate(c.items, 1):
            yield f"clause {c.number}.{i} ({c.id})", item, lead_in
    for d in model.decisions if model.tier is None else ():  # the printed model's appendix
        if not d.included and d.text:
            yield f"optional clause '{d.id}'", d.text, False


def draft_problems(model: ModelProtocol) -> list[str]:
    """What a reviewer would strike out of this draft, each message naming the clause."""
    out: list[str] = []
    values = dict(model.values)
    roles = sorted(
        {v for n, v in values.items() if n in ROLE_VALUES and v} | set(FIXED_ROLES),
        key=len,
        reverse=True,
    )
    texts = [(where, plain(t, brackets=False), lead_in) for where, t, lead_in in _texts(model)]
    whole = "\n".join(words for _, words, _ in texts)
    defined = {m.group(1).strip() for m in DEFINED.finditer(whole)}
    defined |= {m.group(1).strip() for _, w, _ in texts if (m := DEFINES.match(w))}
    about = re.compile(r"\babout (?:the )?(" + "|".join(re.escape(r) for r in roles) + r")\b")
    local = model.kind.group == "local"
    for where, words, lead_in in texts:
        out += [f"{where}: {m}" for m in _text_problems(words, about, lead_in)]
        if "{" in words or "}" in words:
            out.append(f"{where}: a placeholder was left in the text: {words!r}")
        if local:
            for m in PRINCIPAL_WORDS.finditer(words):
                out.append(
                    f"{where}: '{m.group(0)}' belongs to principal councils, not to a "
                    f"{'community' if model.kind.nation == 'wales' else 'parish'} council's "
                    "protocol"
                )
    for role in roles:
        if role in defined or role not in whole:
            continue
        used = re.compile(rf"\b{re.escape(role)}\b")
        uses = [where for where, words, _ in texts if used.search(words)]
        if uses:
            out.append(f"{uses[0]}: '{role}' is used but never defined in this draft")
    return out


@functools.lru_cache(maxsize=8192)  # drafts for different tiers share most sentences
def _text_problems(words: str, about: re.Pattern[str], lead_in: bool) -> tuple[str, ...]:
    out: list[str] = []
    for i, sentence in enumerate(SENTENCE.split(words)):
        first = sentence.lstrip("\"'“‘(")[:1]
        if first.isalpha() and first.islower() and not (i == 0 and lead_in):
            out.append(f"a sentence starts in lower case: '{sentence[:60]}'")
    for m in DOUBLED.finditer(words):
        if not m.group(1).isdigit():
            out.append(f"a doubled word: '{m.group(0)}'")
    for m in ARTICLES.finditer(words):
        out.append(f"a doubled article: '{m.group(0)}'")
    if "about" in words:
        for m in about.finditer(words):
            role = m.group(1)
            rest = re.split(r"[);.]", words[m.end() :], maxsplit=1)[0]
            if re.search(rf"\b(?:to|with) (?:the )?{re.escape(role)}\b", rest):
                out.append(
                    f"a concern about the {role} is sent to the {role}: '{words[m.start() :][:90]}'"
                )
    return tuple(out)


_CHECKED: dict[tuple[object, ...], list[Problem]] = {}


def check_wording(omap: ObligationMap) -> list[Problem]:
    """Problems with the map's model fields, then with the draft for every kind of council.

    Remembered for the model fields it read, so a site rebuild after an edit elsewhere (a
    protocol, a template) does not draft every kind of council again.
    """
    key = _fingerprint(omap)
    if key not in _CHECKED:
        if len(_CHECKED) > 8:
            _CHECKED.clear()
        _CHECKED[key] = _check_wording(omap)
    return list(_CHECKED[key])


def _fingerprint(omap: ObligationMap) -> tuple[object, ...]:
    """Everything the model checks read: themes, and each obligation's model fields."""
    return (
        omap.path,
        tuple((t.id, t.title) for t in omap.themes),
        tuple(
            (
                o.id,
                o.title,
                o.theme,
                o.line,
                o.model_variants,
                o.law,
                o.model_scope,
                o.not_for_model,
                o.new_drafting,
                o.model_same_as,
                o.model_alternative_to,
                tuple(s.status for s in o.sources.values()),
            )
            for o in omap.obligations
        ),
    )


def _check_wording(omap: ObligationMap) -> list[Problem]:
    out = _field_problems(omap)
    if any(p.severity is Severity.ERROR for p in out):
        return out
    seen: set[str] = set()
    drafts: list[tuple[str, ModelProtocol]] = []
    kinds_seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    for nation, tier, governance in COMBINATIONS:
        answers = Answers("Test Council", tier, nation, governance)
        key = (answers.kind.id, tuple(sorted(defaults(answers).items())))
        if key in kinds_seen:  # the same words as a tier already drafted
            continue
        kinds_seen.add(key)
        model, _ = build(omap, (), answers)
        drafts.append((f"{nation} {tier.value} council ({governance or 'local'})", model))
    for group in GROUPS:
        drafts.append((f"printed model for {group}", build(omap, (), group=group)[0]))
    for label, model in drafts:
        for message in draft_problems(model):
            said = message.split(": ", 1)[1]
            if said in seen:
                continue
            seen.add(said)
            named = WHERE.match(message)
            o = omap.by_id.get(named.group(1) or named.group(2) or "") if named else None
            line = o.line if o else 0
            out.append(Problem(omap.path, line, f"model draft for a {label}: {message}"))
    return out


def _field_problems(omap: ObligationMap) -> list[Problem]:
    out: list[Problem] = []
    pool = {o.id for o in candidates(omap)}

    def bad(line: int, message: str) -> None:
        out.append(Problem(omap.path, line, message))

    for o in omap.obligations:
        what = f"obligation '{o.id}'"
        texts = [t for _, t in o.model_variants if t]
        for text in texts:
            for m in TOKEN.finditer(text):
                name = m.group(2)
                if m.group(1) and name == o.id:
                    bad(o.line, f"{what}: model wording refers to itself")
                elif m.group(1) and name not in pool:
                    found = difflib.get_close_matches(name, sorted(pool), n=3, cutoff=0.5)
                    hint = f" (closest: {', '.join(found)})" if found else ""
                    bad(
                        o.line,
                        f"{what}: model wording refers to '{{ref:{name}}}', which is not a "
                        f"clause of the model{hint}",
                    )
                elif not m.group(1) and name not in MODEL_VARIABLES:
                    bad(o.line, f"{what}: unknown variable '{{{name}}}'")
        for key, target in (
            ("model_same_as", o.model_same_as),
            ("model_alternative_to", o.model_alternative_to),
        ):
            if target is None:
                continue
            other = omap.by_id.get(target)
            if target == o.id:
                bad(o.line, f"{what}: '{key}' names the obligation itself")
            elif other is None or target not in pool:
                bad(o.line, f"{what}: '{key}: {target}' is not a clause of the model")
            elif key == "model_same_as" and other.model_same_as:
                bad(o.line, f"{what}: '{key}: {target}', which is itself the same as another")
        if (
            o.id in pool
            and not o.new_drafting
            and all(s.status is Status.ABSENT for s in o.sources.values())
        ):
            bad(
                o.line,
                f"{what}: no protocol states its model clause; cite a source or add "
                "'new_drafting:' with the reason the model says it",
            )
    for kind in KINDS:
        both = [
            o
            for o in omap.obligations
            if o.model_alternative_to
            and wording(o, kind)
            and o.model_scope.value in ("core", kind.group)
            and (alt := omap.by_id.get(o.model_alternative_to)) is not None
            and wording(alt, kind)
            and alt.model_scope.value in ("core", kind.group)
        ]
        for o in both:
            bad(
                o.line,
                f"obligation '{o.id}': it and its alternative '{o.model_alternative_to}' are "
                f"both on by default for {kind.title}; make one of them optional",
            )
    return out
