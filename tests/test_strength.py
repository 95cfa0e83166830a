"""The strength reader: real clause texts, their lead-ins, and the checks built on it."""

from __future__ import annotations

import pytest

from generator.diff.importers import read_revision
from generator.map.obligations import Strength, load_map
from generator.map.strength import read_among, read_clause, strength_problems, verbs_in
from generator.sources.load import read_protocols

from .helpers import SOURCES

PROTOCOLS, _ = read_protocols(SOURCES)
PROTOCOLS.sort(key=lambda p: p.meta.source)
BY_SLUG = {p.slug: p for p in PROTOCOLS}

M, S, E, Y = Strength.MUST, Strength.SHOULD, Strength.EXPECTED, Strength.MAY


@pytest.mark.parametrize(
    ("text", "words", "strengths"),
    [
        ("Officers must always act to the best of their abilities", ["must"], [M]),
        ("Officers shall ensure they are authorised to do so.", ["shall"], [M]),
        ("Officers will not use their contact with councillors", ["will not"], [M]),
        ("They cannot be used to promote a party group.", ["cannot"], [M]),
        ("If the matter cannot be resolved informally, it may be necessary", ["may"], [Y]),
        ("If they cannot attend, officers cannot be asked", ["cannot"], [M]),
        ("An Officer must not copy correspondence", ["must not"], [M]),
        ("Councillors should not raise matters", ["should not"], [S]),
        ("councillors ought to be aware", ["ought to"], [S]),
        ("Chief Officers (or their nominees) may deal with any request", ["may"], [Y]),
        ("a councillor can fulfil the role of officer", ["can"], [Y]),
        ("All councillors can expect:", ["can expect"], [E]),
        ("Officers will inform the Council's Strategic Communications Team", ["will"], [E]),
        ("Officers have the right not to support councillors", ["have the right not to"], [Y]),
        ("The Clerk is the Proper Officer of the council.", [], []),
        (
            "Councillors can be involved in taking decisions. Councillors must ensure",
            ["can", "must"],
            [Y, M],
        ),
        ("Officers won't be asked", ["won't"], [M]),
    ],
)
def test_verbs_in_text(text: str, words: list[str], strengths: list[Strength]) -> None:
    verbs = verbs_in(text, "x")
    assert [v.words for v in verbs] == words
    assert [v.strength for v in verbs] == strengths


@pytest.mark.parametrize(
    ("clause", "strengths", "lead_in"),
    [
        # A bullet under "Officers must:" reads must, though it has no verb of its own.
        ("west-mersea-officers-p4-b3", {M}, "west-mersea-officers-p4"),
        ("farnham-3-8-b3", {M}, "farnham-3-8"),
        # Under "...should:" a bullet reads should even when its own words say "never".
        ("southend-10-1-5-b4", {S}, "southend-10-1-5"),
        # Nested bullets take the nearest lead-in with a verb ("the Councillor should consider:").
        ("southend-10-1-5-b3-b3", {S}, "southend-10-1-5-b3"),
        # "can expect" lists are expectations, even where a bullet says "will not".
        ("west-mersea-expectations-p1-b11", {E}, "west-mersea-expectations-p1"),
        ("crawley-3-2-b3", {E}, "crawley-3-2"),
        # A lead-in without a verb ("This Protocol covers:") leaves the bullet to itself.
        ("farnham-i-5-b4", {E}, None),
        # Paragraphs read their own words.
        ("southend-9-1-14", {M}, None),
        ("west-mersea-relationship-general-p4", {S}, None),
        ("southend-10-1-4", {Y}, None),
    ],
)
def test_read_clause(clause: str, strengths: set[Strength], lead_in: str | None) -> None:
    slug = next(s for s in BY_SLUG if clause.startswith(s + "-"))
    reading = read_clause(BY_SLUG[slug], clause)
    assert set(reading.strengths) == strengths
    assert reading.lead_in == lead_in


MAP = """\
themes:
  - {{id: media, title: Media, description: Press.}}
obligations:
  - id: careful-statements
    title: Careful statements
    theme: media
    who: both
    kind: duty
    statement: Those who speak to the media take care.
    not_for_model: test
    sources:
      west-mersea: {{status: absent}}
      vale-of-grwyney: {{status: absent}}
      southend: {{status: full, strength: {first}, clauses: [southend-10-1-5-b4]{reason}}}
      farnham: {{status: absent}}
      crawley: {{status: absent}}
  - id: no-commitments
    title: No commitments
    theme: media
    who: both
    kind: prohibition
    statement: No commitments on claims.
    not_for_model: test
    sources:
      west-mersea: {{status: absent}}
      vale-of-grwyney: {{status: absent}}
      southend: {{status: full, strength: {second}, clauses: [southend-10-1-5-b4]}}
      farnham: {{status: absent}}
      crawley: {{status: absent}}
unmapped: []
"""


def _strength_messages(first: str, second: str, reason: str = "") -> list[str]:
    text = MAP.format(first=first, second=second, reason=reason)
    omap, problems = load_map("clauses.yaml", text, PROTOCOLS)
    assert omap is not None
    assert not [p for p in problems if p.path == "clauses.yaml"]
    return [str(p) for p in strength_problems(omap, PROTOCOLS)]


def test_agreeing_strengths_pass() -> None:
    assert _strength_messages("should", "should") == []


def test_a_strength_the_text_does_not_bear_is_reported_with_line_and_words() -> None:
    messages = _strength_messages("should", "must")
    assert (
        "clauses.yaml:27: obligation 'no-commitments', southend: strength is must, but "
        "10-1-5-b4 reads 'should' in its lead-in southend-10-1-5; correct the strength or "
        "give a 'strength_reason:' (warning)"
    ) in messages
    # and the clause, cited alone by both, now has two strengths: both positions named
    assert sum("cited alone here as" in m for m in messages) == 2
    assert any(m.startswith("clauses.yaml:14: ") and "'careful-statements'" in m for m in messages)


def test_a_strength_reason_waives_both_checks() -> None:
    reason = ", strength_reason: 'test reason'"
    assert _strength_messages("must", "should", reason) == []


def test_only_the_lead_ins_last_sentence_governs_its_bullets() -> None:
    # 5.7: "Councillors must have broad access ... The following principles apply here:"
    reading = read_clause(BY_SLUG["southend"], "southend-5-7-b1")
    assert reading.lead_in is None
    assert read_clause(BY_SLUG["southend"], "southend-5-7-b4").verbs[0].words == "will not"


@pytest.mark.parametrize(
    ("text", "strengths"),
    [
        # West Mersea introduction: a relative clause, not a duty
        ("Employees who are required to give advice to councillors are referred to", []),
        ("Officers are required to give advice", [M]),
        ("The law requires all employers to have disciplinary and grievance procedures.", [M]),
        ("Overly close personal familiarity is not recommended", [S]),
        ("Councillors and officers are encouraged to work together", [S]),
        ("Whilst it is always preferable to resolve matters informally", [S]),
        ("as it can create suspicion that an employee favours that councillor", []),
        ("any member has a prima facie right to inspect council documents", [Y]),
        ("councillors do, of course, have the same right as any other member of the public", [Y]),
    ],
)
def test_phrases_beyond_the_modal_verbs(text: str, strengths: list[Strength]) -> None:
    assert [v.strength for v in verbs_in(text, "x")] == strengths


@pytest.mark.parametrize(
    ("text", "strengths"),
    [
        ("Ceremonial events would normally be attended by the Mayor or Deputy Mayor", []),
        ("No Councillor may exercise any power of the Council to enter or inspect", [M]),
        ("No Councillor will refer in public or at meetings of the Council", [M]),
        ("Councillors are not authorised to initiate or certify financial transactions", [M]),
        ("Officers have a duty to implement the lawful decisions", [M]),
        ("An Officer may attend, but is not obliged to do so", [Y]),
        ("Informal and collaborative two-way contact is encouraged.", [S]),
        ("Councillors ... need to be alert to the potential for conflicts", [S]),
        ('a Councillor\u2019s "need to know" will normally be presumed', [E]),
    ],
)
def test_prohibitions_duties_and_non_verbs(text: str, strengths: list[Strength]) -> None:
    assert [v.strength for v in verbs_in(text, "x")] == strengths


@pytest.mark.parametrize(
    ("text", "strengths"),
    [
        ("It should be noted that certain employees of the Council", []),
        ("The Administration shall be entitled to confidential discussions with officers", [Y]),
        ("It is the prerogative of individual Councillors to make their own statements", [Y]),
    ],
)
def test_crawley_phrasings(text: str, strengths: list[Strength]) -> None:
    assert [v.strength for v in verbs_in(text, "x")] == strengths


def test_a_titles_capital_recommended_is_no_recommendation() -> None:
    # Crawley 9.1: "the Code of Recommended Practice on local authority publicity"
    assert verbs_in("the Code of Recommended Practice on local authority publicity", "x") == ()


def test_a_text_under_review_reads_a_bullets_own_verb_first() -> None:
    text = "1.1 Councillors must:\n\n- treat officers fairly\n- should not use their position\n"
    rev, _ = read_revision("ours.md", text.encode("utf-8"))
    assert rev is not None
    by_id = {c.id: c for c in rev.clauses}
    items = [c.id for c in rev.clauses if c.text.startswith(("treat", "should"))]
    assert len(items) == 2
    plain, own = items
    # as the map reads a protocol: every bullet continues its lead-in's 'must'
    assert read_among(by_id, own).strongest is Strength.MUST
    # as a review reads it: a bullet's own verb first, else the lead-in's
    assert read_among(by_id, own, own_first=True).strongest is Strength.SHOULD
    assert read_among(by_id, plain, own_first=True).strongest is Strength.MUST
