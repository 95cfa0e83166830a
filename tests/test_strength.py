"""The strength reader: real clause texts, their lead-ins, and the checks built on it."""

from __future__ import annotations

import pytest

from generator.diff.importers import read_revision
from generator.map.load import load_map
from generator.map.obligations import Strength
from generator.map.quotes import quote_problems, quoted_phrases
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
        ("If the matter cannot be resolved informally, it may be necessary", [], []),
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
        # Crawley 1.4
        ("responsibilities ... which they are under a duty to discharge.", [M]),
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


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Says 'will be' factual, not 'must be'.", ["will be", "must be"]),
        ("The Council's own words: “should aim” and ‘needs to’.", ["should aim", "needs to"]),
        ('A "need to know" test', ["need to know"]),
        ("the Clerk's duty, the officer’s view", []),
        (
            "'a member has no right to \"a roving commission\"' limits it",
            ['a member has no right to "a roving commission"'],
        ),
    ],
)
def test_quoted_phrases(text: str, phrases: list[str]) -> None:
    assert quoted_phrases(text) == phrases


def _quote_messages(note: str) -> list[str]:
    text = MAP.format(first="should", second="should", reason=f", note: {note}")
    omap, problems = load_map("clauses.yaml", text, PROTOCOLS)
    assert omap is not None
    assert not [p for p in problems if p.path == "clauses.yaml"]
    return [str(p) for p in quote_problems(omap, PROTOCOLS)]


@pytest.mark.parametrize(
    "note",
    [
        # 10.1.5 as printed, in another case, with straight for curly quotes, and with an
        # omission marked by an ellipsis
        "\"Says 'should consider'.\"",
        "\"Says 'SHOULD   Consider'.\"",
        "\"Quotes 'the Councillor should ... consider'.\"",
        # a phrase elsewhere in Southend's protocol passes too
        "\"Unlike 9.1.14, which says 'must not'.\"",
    ],
)
def test_a_note_quoting_the_protocol_passes(note: str) -> None:
    assert _quote_messages(note) == []


def test_a_misquote_is_reported_with_its_line() -> None:
    messages = _quote_messages("\"Says 'must always consider'.\"")
    assert messages == [
        "clauses.yaml:14: obligation 'careful-statements', southend: the note quotes "
        "'must always consider', which is not in the clauses cited nor elsewhere in the "
        "protocol; quote the text exactly or drop the quotation marks (warning)"
    ]


@pytest.mark.parametrize(
    ("text", "strengths"),
    [
        # West Mersea and Farnham 10.4: a condition and a possibility, then the permission
        (
            "If the matter cannot be resolved informally, it may be necessary to invoke the "
            "council's disciplinary procedure.",
            [],
        ),
        (
            "The Borough council's monitoring officer may be able to offer a "
            "mediation/conciliation role or it may be necessary to seek independent advice.",
            [Y],
        ),
        # Crawley 4.4, Southend 2.4, 6.1.1, 9.1.10 and 5.4: possibilities, not permissions
        (
            "the Head of Service, Deputy Chief Executive or Chief Executive as the case may "
            "be will be responsible for deciding what action, if any, should be taken",
            [E, S],
        ),
        ("This Protocol covers the main issues which may arise in Councillor-Officer", []),
        ("They may not be able to carry out the work required", [Y]),
        ("and may need to seek instructions from their managers.", []),
        ("decisions which Councillors may not agree with or support.", []),
        ("Councillors may wish to seek the advice of senior colleagues", [Y]),
        # the prohibition and the permission themselves still read
        ("They cannot be used to promote a party group.", [M]),
        ("Chief Officers (or their nominees) may deal with any request", [Y]),
    ],
)
def test_facts_and_possibilities_are_not_verbs(text: str, strengths: list[Strength]) -> None:
    assert [v.strength for v in verbs_in(text, "x")] == strengths


def test_a_lead_in_ending_this_includes_passes_on_the_sentence_before() -> None:
    # Southend 10.2.5: "... Officers must not include criticisms of Councillors or other
    # Officers in correspondence. This includes:" then the bullying bullet
    reading = read_clause(BY_SLUG["southend"], "southend-10-2-5-b1")
    assert reading.lead_in == "southend-10-2-5"
    assert reading.strengths == {M}
    assert [v.words for v in reading.verbs] == ["must not"]


def _mixed_messages(reason: str = "") -> list[str]:
    # Southend 9.1.15: 'A Councillor may copy correspondence ...' then '... should state
    # that it is confidential': two sentences, two strengths
    text = MAP.format(first="may", second="may", reason=reason).replace(
        "southend-10-1-5-b4", "southend-9-1-15"
    )
    omap, problems = load_map("clauses.yaml", text, PROTOCOLS)
    assert omap is not None
    assert not [p for p in problems if p.path == "clauses.yaml"]
    return [str(p) for p in strength_problems(omap, PROTOCOLS)]


def test_clauses_reading_several_strengths_need_a_reason_naming_the_sentence() -> None:
    messages = _mixed_messages()
    assert (
        "clauses.yaml:27: obligation 'no-commitments', southend: the clauses cited read more "
        "than one strength (should: 'should' in 9-1-15; may: 'may' in 9-1-15); say in a "
        "'strength_reason:' which sentence carries this obligation (warning)"
    ) in messages
    assert len(messages) == 2  # both positions
    reason = ", strength_reason: \"Carried by 'A Councillor may copy correspondence'.\""
    assert _mixed_messages(reason) == [messages[1]]


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
