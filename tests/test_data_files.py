"""Fixed content shipped as data (generator/data/*.yaml): read once, every bad entry named by
file and line, all at once; the shipped files load and say what the code relies on."""

from __future__ import annotations

import pytest

from generator.core.problems import InputError
from generator.views.glossary import TERMS, find_terms, load_terms
from generator.views.legislation import SOURCES, cited_sources, load_sources
from generator.views.origins import ORIGINS, Origin, load_origins

GOOD_TERM = """\
- id: clerk
  term: Clerk
  pattern: '(?:town )?clerk'
  meaning: The senior paid officer.
"""


def _problems(load: object, text: str) -> list[str]:
    with pytest.raises(InputError) as raised:
        load(text)  # type: ignore[operator]
    return [str(p) for p in raised.value.problems]


def test_the_shipped_files_load() -> None:
    assert [t.id for t in TERMS][:3] == ["clerk", "proper-officer", "head-of-paid-service"]
    assert find_terms("The Town Clerk told the Monitoring Officer")[0].term.id == "clerk"
    assert {s.id for s in SOURCES} >= {"code-of-conduct", "officers-code", "lga-1972"}
    assert [s.id for s in cited_sources("Under the Officers' Code of Conduct")] == ["officers-code"]
    assert Origin("west-mersea", "farnham", "the 2025 model councillor–officer protocol") in (
        ORIGINS
    )


def test_a_good_entry_loads_with_optional_fields_left_out() -> None:
    (term,) = load_terms(GOOD_TERM)
    assert (term.id, term.pattern, term.principal, term.local) == (
        "clerk",
        "(?:town )?clerk",
        "",
        "",
    )


def test_every_bad_entry_is_named_by_line_at_once() -> None:
    text = (
        GOOD_TERM
        + "- id: Bad Id\n  term: X\n  pattern: 'x'\n  meaning: y\n"  # line 5
        + "- id: mayor\n  term: Mayor\n  patern: 'mayor'\n  meaning: y\n"  # line 9
        + "- id: chair\n  term: Chair\n  pattern: '(chair'\n  meaning: ''\n"  # line 13
        + "- id: clerk\n  term: Again\n  pattern: '(clerk)'\n  meaning: y\n"  # line 17
    )
    assert _problems(load_terms, text) == [
        "generator/data/glossary.yaml:9: entry 'mayor': missing pattern",
        "generator/data/glossary.yaml:11: entry 'mayor': unknown field 'patern' "
        "(closest: pattern, term)",
        "generator/data/glossary.yaml:16: entry 'chair': 'meaning' must be non-empty text",
        "generator/data/glossary.yaml:17: entry 'clerk': id repeats the entry at line 1",
    ]


def test_ids_and_patterns_are_checked() -> None:
    text = (
        "- id: Bad Id\n  term: X\n  pattern: 'x'\n  meaning: y\n"
        "- id: chair\n  term: Chair\n  pattern: '(chair'\n  meaning: y\n"
        "- id: clerk\n  term: Clerk\n  pattern: '(clerk)'\n  meaning: y\n"
        "- id: any\n  term: Any\n  pattern: 'x*'\n  meaning: y\n"
    )
    problems = _problems(load_terms, text)
    assert problems[0].startswith("generator/data/glossary.yaml:1: entry 'Bad Id': id must be")
    assert problems[1].startswith(
        "generator/data/glossary.yaml:5: entry 'chair': pattern is not a regular expression"
    )
    assert problems[2].endswith(
        "entry 'clerk': pattern has a capturing group: write (?:...) instead of (...)"
    )
    assert problems[3].endswith(
        "entry 'any': pattern matches empty text, so it would match everywhere"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("terms: []\n", "generator/data/glossary.yaml:1: expected a list of entries"),
        ("- id: x\n  term: [\n", "generator/data/glossary.yaml:3: not valid YAML"),
        ("- just text\n", "generator/data/glossary.yaml:1: an entry must be a mapping"),
        ("- id: x\n  term: 3\n", "generator/data/glossary.yaml:1: entry 'x': missing pattern"),
        (
            "- id: x\n  term: 3\n  pattern: x\n  meaning: y\n",
            "generator/data/glossary.yaml:2: entry 'x': 'term' must",
        ),
    ],
)
def test_the_file_itself_is_checked(text: str, expected: str) -> None:
    assert _problems(load_terms, text)[0].startswith(expected)


def test_legislation_needs_the_entries_the_code_relies_on() -> None:
    text = "- id: nolan\n  title: Nolan\n  pattern: 'nolan'\n  about: The principles.\n"
    assert _problems(load_sources, text) == [
        "generator/data/legislation.yaml: no entry with id 'code-of-conduct': the page needs "
        "it (the councillors' code is told apart from the officers' code)",
        "generator/data/legislation.yaml: no entry with id 'officers-code': the page needs it "
        "(its citations are taken out before looking for the councillors' code)",
    ]


def test_origins_are_slugs_of_two_protocols() -> None:
    text = (
        "- council: Farnham\n  model: west-mersea\n  model_name: the model\n"
        "- council: farnham\n  model: farnham\n  model_name: the model\n"
    )
    assert _problems(load_origins, text) == [
        "generator/data/origins.yaml:1: entry: council 'Farnham' is not a protocol slug "
        "(e.g. 'west-mersea')",
        "generator/data/origins.yaml:4: entry: a protocol cannot be its own model",
    ]


def test_legislation_links_go_only_to_the_official_texts() -> None:
    entries = [
        ("code-of-conduct", "https://www.legislation.gov.uk/ukpga/2011/20/contents"),
        ("officers-code", "javascript:alert(1)"),
    ]
    text = "".join(
        f"- id: {i}\n  title: T\n  pattern: '{i}'\n  about: A.\n  url: '{u}'\n" for i, u in entries
    )
    assert _problems(load_sources, text) == [
        "generator/data/legislation.yaml:6: 'officers-code': url must be an https address on "
        "legislation.gov.uk or gov.uk"
    ]
    assert all(s.url.startswith("https://www.") for s in SOURCES if s.url)
