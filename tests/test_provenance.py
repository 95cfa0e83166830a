"""Where each protocol's text comes from: read from its front matter, checked, published."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.outputs.opendata import protocols_data
from generator.sources.load import parse_protocol, read_protocols
from tests.conftest import ROOT

BODY = "\n# Title\n\n1. A clause.\n"


def _front(**extra: str) -> bytes:
    lines = ["council: Test Council", "title: A Protocol", "tier: town", "source: x.txt"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return ("---\n" + "\n".join(lines) + "\n---\n" + BODY).encode()


def test_the_five_protocols_each_say_where_their_text_comes_from() -> None:
    protocols, problems = read_protocols(ROOT / "source_protocols")
    assert not problems
    assert len(protocols) == 5
    for p in protocols:
        m = p.meta
        assert m.document_title, p.slug
        assert m.transcription, p.slug
        # a link, or an honest sentence saying why there is none (or both)
        assert m.source_url or m.source_url_note, p.slug
        assert m.source_url is None or m.source_url.startswith("https://"), p.slug
    urls = {p.slug: p.meta.source_url for p in protocols}
    assert urls["farnham"] is None and urls["west-mersea"] is None
    assert "valeofgrwyney.org" in (urls["vale-of-grwyney"] or "")


def test_provenance_is_in_protocols_json() -> None:
    protocols, _ = read_protocols(ROOT / "source_protocols")
    data = {p["id"]: p for p in protocols_data(protocols)["protocols"]}
    southend = data["southend"]
    assert southend["document_title"] == "Part 5(d) – Protocol on Councillor / Officer Relations"
    assert southend["source_url"].startswith("https://democracy.southend.gov.uk/")
    assert southend["retrieved"] is None  # not recorded, and said so
    assert southend["transcription_method_url"] == "methodology/#sources"
    assert southend["fidelity_url"] == "methodology/#fidelity"
    assert data["farnham"]["source_url"] is None
    assert "could be found" in data["farnham"]["source_url_note"]


def test_retrieved_takes_a_date_or_unknown() -> None:
    protocol, problems = parse_protocol("t.md", _front(retrieved='"2025-11-20"'), "t")
    assert not problems and protocol is not None
    assert protocol.meta.retrieved is not None
    assert protocol.meta.retrieved.human() == "20 November 2025"
    protocol, problems = parse_protocol("t.md", _front(retrieved="unknown"), "t")
    assert not problems and protocol is not None and protocol.meta.retrieved is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"retrieved": '"2025-13"'}, "t.md:6: 'retrieved': '2025-13' has no month 13"),
        ({"retrieved": '"2026-02-30"'}, "February 2026 has no day 30"),
        ({"retrieved": "last week"}, "or 'unknown' when it was not recorded"),
        ({"source_url": "www.example.org/protocol"}, "is not a web address starting http"),
        ({"source_url": "javascript:alert(1)"}, "is not a web address starting http"),
        ({"source_url": '"https://example.org/a b"'}, "is not a web address"),
        ({"document_title": '""'}, "'document_title' must be a line of text"),
        ({"transcription": "[1, 2]"}, "'transcription' must be a line of text"),
        ({"source_ulr": "https://example.org/"}, "unknown key 'source_ulr' (closest: source_url"),
    ],
)
def test_bad_provenance_is_reported_with_file_line_and_cause(
    extra: dict[str, str], message: str
) -> None:
    protocol, problems = parse_protocol("t.md", _front(**extra), "t")
    assert protocol is None
    assert any(message in str(p) for p in problems), [str(p) for p in problems]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = _front(retrieved="soon", source_url="ftp://x.org/")
    _, problems = parse_protocol("t.md", data, "t")
    assert len(problems) == 2
