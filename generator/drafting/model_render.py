"""Model wording to printed text: variables filled, articles added, references numbered. Pure.

``{variable}`` is one of :data:`~generator.obligations.MODEL_VARIABLES`. Role variables
(titles, committees, routes) are bare nouns: "the" is added where the sentence needs it
("seek advice from {head_officer_title}" -> "from the Clerk"; a value that starts a sentence
gets "The"). ``{ref:obligation-id}`` is printed as "paragraph 4.3" with the number that
clause has after selection; a sentence whose reference points at a clause that is not in the
protocol is dropped, so no dangling "see 4.3". Lines starting with ``- `` are items.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from generator.map.obligations import MODEL_VARIABLES

TOKEN = re.compile(r"\{(ref:)?([A-Za-z_][A-Za-z0-9_-]*)\}")
"""A ``{variable}`` or a ``{ref:obligation-id}`` in model wording."""
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'‘“(A-Z0-9{])")
"""Where a sentence ends and the next begins (a variable may start a sentence)."""
NOT_A_ROLE = ("council_name", "monitoring_officer_council")
ROLE_VARIABLES = tuple(v for v in MODEL_VARIABLES if v not in NOT_A_ROLE)
"""Variables whose values are bare titles ('Clerk'), needing 'the' in most sentences."""
NO_ARTICLE_AFTER = frozenset(
    ["the", "a", "an", "as", "any", "this", "each", "every", "our", "your", "its"]
)


class SpanKind(StrEnum):
    """What a piece of clause text is."""

    TEXT = "text"
    """Words of the model."""
    VALUE = "value"
    """A council's own value for a variable ('Little Snoring Parish Council')."""
    PLACEHOLDER = "placeholder"
    """A placeholder to be replaced, printed in brackets ('[name of council]')."""
    REF = "ref"
    """A cross-reference to another clause ('paragraph 4.3')."""


@dataclass(frozen=True)
class Span:
    """A run of clause text."""

    text: str
    """The text as printed (without brackets for a placeholder)."""
    kind: SpanKind = SpanKind.TEXT
    """Words, a value, a placeholder or a cross-reference."""
    name: str | None = None
    """The variable's name, or the referenced obligation's id."""


Text = tuple[Span, ...]


def render(
    model: str,
    values: Mapping[str, str],
    numbers: Mapping[str, str],
    placeholders: bool,
) -> tuple[Text, tuple[Text, ...], set[str]]:
    """Model wording -> (clause text, items, variables used)."""
    lead, items = paragraphs(model)
    used: set[str] = set()
    text = _paragraph(lead, values, numbers, placeholders, used)
    rendered_items = tuple(
        t for t in (_paragraph(i, values, numbers, placeholders, used) for i in items) if t
    )
    if items and not rendered_items:
        text = ()  # a lead-in with nothing left to introduce says nothing
    return text, rendered_items, used


def paragraphs(model: str) -> tuple[str, list[str]]:
    r"""Model wording -> (the clause's lead text, its items): lines starting with ``- `` or
    ``* `` are items; other lines continue the lead or the item before them.

    >>> paragraphs("Councillors:\n- ask\n  early\n- listen")
    ('Councillors:', ['ask early', 'listen'])
    """
    lead: list[str] = []
    items: list[str] = []
    for line in model.splitlines():
        stripped = line.strip()
        if stripped.startswith(("- ", "* ")):
            items.append(stripped[2:].strip())
        elif items and stripped:
            items[-1] += " " + stripped
        elif stripped:
            lead.append(stripped)
    return " ".join(lead), items


def _paragraph(
    text: str,
    values: Mapping[str, str],
    numbers: Mapping[str, str],
    placeholders: bool,
    used: set[str],
) -> Text:
    spans: list[Span] = []
    for sentence in SENTENCE_END.split(text):
        refs = [m.group(2) for m in TOKEN.finditer(sentence) if m.group(1)]
        if any(r not in numbers for r in refs):
            continue
        spans.extend(_sentence(sentence, values, numbers, placeholders, used, bool(spans)))
    return _merge(spans)


def _sentence(
    sentence: str,
    values: Mapping[str, str],
    numbers: Mapping[str, str],
    placeholders: bool,
    used: set[str],
    after: bool,
) -> list[Span]:
    out: list[Span] = [Span(" ")] if after else []
    pos = 0
    for m in TOKEN.finditer(sentence):
        before = sentence[pos : m.start()]
        name = m.group(2)
        starts = not before.strip() and pos == 0
        if m.group(1):
            out.append(Span(before))
            out.append(
                Span(f"{'P' if starts else 'p'}aragraph {numbers[name]}", SpanKind.REF, name)
            )
        elif name in values:
            used.add(name)
            value = values[name]
            if name in ROLE_VARIABLES:
                words = before.split()
                prev = words[-1].lower().lstrip("(\"'“‘") if words else ""
                if starts:
                    before = before + "The "
                elif prev not in NO_ARTICLE_AFTER and not prev.endswith(("'s", "’s")):
                    before = before + "the "
            elif starts and value[:1].islower():
                value = value[0].upper() + value[1:]
            out.append(Span(before))
            kind = SpanKind.PLACEHOLDER if placeholders else SpanKind.VALUE
            out.append(Span(value, kind, name))
        else:
            out.append(Span(before + m.group(0)))
        pos = m.end()
    out.append(Span(sentence[pos:]))
    return out


def _merge(spans: Sequence[Span]) -> Text:
    out: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if out and s.kind is SpanKind.TEXT and out[-1].kind is SpanKind.TEXT:
            out[-1] = Span(out[-1].text + s.text)
        else:
            out.append(s)
    if out and out[-1].kind is SpanKind.TEXT:
        out[-1] = Span(out[-1].text.rstrip())
    return tuple(out)


def plain(text: Text, brackets: bool = True) -> str:
    """A clause's text as plain words; placeholders in [brackets]."""
    return "".join(
        f"[{s.text}]" if s.kind is SpanKind.PLACEHOLDER and brackets else s.text for s in text
    )


def section_key(section: str) -> tuple[int, str]:
    """Sort key for section titles: '3. Roles' before '10. Media'; unnumbered ones last.

    >>> sorted(["10. Media", "Ward councillors", "3. Roles"], key=section_key)
    ['3. Roles', '10. Media', 'Ward councillors']
    """
    head = section.split(".", 1)[0]
    return (int(head), section) if head.isdigit() else (10**6, section)
