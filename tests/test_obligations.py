"""Validation of clauses.yaml, case by case: every problem located, with help, all at once."""

from __future__ import annotations

import pytest

from generator.map.load import load_map
from generator.map.obligations import Status, Strength
from generator.sources.load import read_protocols

from .helpers import SOURCES

PROTOCOLS, _ = read_protocols(SOURCES)
PROTOCOLS.sort(key=lambda p: p.meta.source)

GOOD = """\
themes:
  - id: correspondence
    title: Correspondence
    description: Letters and e-mails between councillors and officers.
obligations:
  - id: no-silent-copies
    title: No copying without agreement
    theme: correspondence
    who: officers
    kind: prohibition
    statement: An officer does not copy a councillor's correspondence to other councillors.
    model: Officers must not copy correspondence without agreement.
    sources:
      west-mersea: {status: full, strength: should, clauses: [west-mersea-correspondence-p2]}
      vale-of-grwyney: {status: absent}
      southend: {status: full, strength: must, clauses: [southend-9-1-14]}
      farnham: {status: partial, strength: should, clauses: ["8.2"], note: "Narrower."}
      crawley: {status: absent}
"""


def _problems(text: str) -> list[str]:
    _, problems = load_map("clauses.yaml", text, PROTOCOLS)
    return [str(p) for p in problems if p.path == "clauses.yaml"]


def test_good_map_loads_with_typed_values() -> None:
    omap, problems = load_map("clauses.yaml", GOOD, PROTOCOLS)
    assert omap is not None
    assert [str(p) for p in problems if p.path == "clauses.yaml"] == []
    o = omap.by_id["no-silent-copies"]
    assert o.sources["farnham"].clauses == ("farnham-8-2",)
    assert o.sources["southend"].strength is Strength.MUST
    assert o.sources["crawley"].status is Status.ABSENT


CASES = [
    ("yaml-syntax", GOOD.replace("    who: officers", "    who: [officers"), "clauses.yaml:10:"),
    (
        "unknown-theme",
        GOOD.replace("theme: correspondence", "theme: corespondence"),
        "clauses.yaml:8: obligation 'no-silent-copies': unknown theme 'corespondence' "
        "(closest: correspondence)",
    ),
    (
        "unknown-protocol",
        GOOD.replace(
            "crawley: {status: absent}", "crawley: {status: absent}\n      crawly: {status: absent}"
        ),
        "clauses.yaml:19: obligation 'no-silent-copies': unknown protocol 'crawly' "
        "(closest: crawley)",
    ),
    (
        "unknown-clause",
        GOOD.replace("southend-9-1-14]", "southend-9-1-41]"),
        "clauses.yaml:16: obligation 'no-silent-copies', southend: cites 'southend-9-1-41', "
        "but southend has no such clause (closest: southend-9-1-4",
    ),
    (
        "another-protocols-clause",
        GOOD.replace("southend-9-1-14]", "crawley-2-6]"),
        "clause 'crawley-2-6' belongs to crawley, not southend",
    ),
    (
        "omitted-protocol",
        GOOD.replace("      crawley: {status: absent}\n", ""),
        "clauses.yaml:13: obligation 'no-silent-copies': sources omit protocol 'crawley'; "
        "add 'crawley: {status: absent}'",
    ),
    (
        "absent-with-clauses",
        GOOD.replace(
            "crawley: {status: absent}", "crawley: {status: absent, clauses: [crawley-2-6]}"
        ),
        "clauses.yaml:18: obligation 'no-silent-copies', crawley: status is absent but clauses "
        "are cited",
    ),
    (
        "full-without-clauses",
        GOOD.replace(
            "southend: {status: full, strength: must, clauses: [southend-9-1-14]}",
            "southend: {status: full, strength: must}",
        ),
        "clauses.yaml:16: obligation 'no-silent-copies', southend: status is full but no clause "
        "is cited",
    ),
    (
        "float-number",
        GOOD.replace('clauses: ["8.2"]', "clauses: [8.10]"),
        "clauses.yaml:17: obligation 'no-silent-copies', farnham: clause 8.1 was read by YAML as "
        "a number",
    ),
    (
        "duplicate-obligation",
        GOOD + GOOD.split("obligations:\n")[1],
        "clauses.yaml:19: duplicate obligation id 'no-silent-copies' (first at line 6)",
    ),
    (
        "unknown-strength",
        GOOD.replace("strength: must", "strength: shall"),
        "unknown strength 'shall'",
    ),
    (
        "unknown-status",
        GOOD.replace("status: partial", "status: parital"),
        "unknown status 'parital' (closest: partial)",
    ),
    (
        "unknown-variable",
        GOOD.replace("without agreement.", "without {clerk_name}."),
        "unknown variable '{clerk_name}' in model wording",
    ),
    (
        "duplicate-key",
        GOOD.replace("    who: officers\n", "    who: officers\n    who: both\n"),
        "clauses.yaml:10:5: YAML syntax error: found duplicate key 'who'",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_gives_a_located_helpful_message(text: str, expected: str) -> None:
    problems = _problems(text)
    assert any(expected in p for p in problems), "\n".join(problems)


def test_all_problems_are_reported_at_once() -> None:
    text = (
        GOOD.replace("theme: correspondence", "theme: nope")
        .replace("southend-9-1-14]", "southend-99]")
        .replace("      crawley: {status: absent}\n", "")
    )
    problems = _problems(text)
    assert len(problems) >= 3
    assert all(p.startswith("clauses.yaml:") for p in problems)


def test_uncited_clauses_are_reported_against_the_protocol_file() -> None:
    _, problems = load_map("clauses.yaml", GOOD, PROTOCOLS)
    located = [str(p) for p in problems if "neither cited" in p.message]
    assert any(p.startswith("source_protocols/crawley.md:") or "crawley.md:" in p for p in located)
