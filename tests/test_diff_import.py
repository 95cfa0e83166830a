"""Importing revisions: published plain text and Word documents read as the transcriptions are,
and a realistic revision of a real protocol diffed from each form."""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest

from generator.core.types import Clause, Kind
from generator.diff.compare import ChangeKind, Comparison, compare
from generator.diff.importers import SourceKind, detect_kind, read_revision, text_to_markdown
from generator.sources.load import parse_protocol, split_front_matter
from generator.sources.parse import parse_body

from .helpers import SEEDS, SOURCES

NUMBERED = {
    "crawley": ("004_42e29fca7d98e6d8.txt", 1.0),
    "farnham": ("003_c5b9d41acba015e5.txt", 1.0),
    # Southend's two-column "Quick Guide" table cannot be rebuilt from PDF text (7 rows).
    "southend": ("002_db7651e3bb7fa4df.txt", 0.95),
}


def transcription(slug: str) -> tuple[Clause, ...]:
    path = SOURCES / f"{slug}.md"
    protocol, problems = parse_protocol(str(path), path.read_bytes())
    assert protocol is not None, problems
    return protocol.clauses


def agreement(expected: Sequence[Clause], actual: Sequence[Clause]) -> float:
    """Share of the transcription's clauses found, in order, with the same number and text."""
    want = [(c.number, c.text) for c in expected]
    got = [(c.number, c.text) for c in actual]
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / len(want)


@pytest.mark.parametrize("slug", sorted(NUMBERED))
def test_seed_text_imports_as_the_hand_transcription(slug: str) -> None:
    seed, least = NUMBERED[slug]
    revision, problems = read_revision(seed, (SEEDS / seed).read_bytes())
    assert revision is not None, problems
    assert revision.kind is SourceKind.TEXT
    rate = agreement(transcription(slug), revision.clauses)
    assert rate >= least, f"{slug}: {rate:.1%} of clauses agree"


def test_imported_clauses_point_at_lines_of_the_original() -> None:
    seed = "004_42e29fca7d98e6d8.txt"
    text = (SEEDS / seed).read_text(encoding="utf-8").split("\n")
    revision, _ = read_revision(seed, (SEEDS / seed).read_bytes())
    assert revision is not None
    for clause in revision.clauses:
        if clause.number:
            assert text[clause.line - 1].strip().startswith(clause.number), clause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph broken after its first line by a blank line
        (
            "1.1. Councillors and officers should work together in a way\n\nthat builds trust.\n",
            [("1.1", "Councillors and officers should work together in a way that builds trust.")],
        ),
        # a word hyphenated across a line break
        (
            "2.1 Cabinet Members on cross-\ncutting issues.\n",
            [("2.1", "Cabinet Members on cross-cutting issues.")],
        ),
        # private-use bullet glyphs, with "o" sub-bullets
        (
            "3.1 The aims:\n\n\uf0a7 to define roles so as:\n\no to clarify\n"
            "o to avoid conflict\n\n\uf0a7 to lay down procedures\n",
            [
                ("3.1", "The aims:"),
                (None, "to define roles so as:"),
                (None, "to clarify"),
                (None, "to avoid conflict"),
                (None, "to lay down procedures"),
            ],
        ),
        # a running URL at a page foot, and a page number
        (
            "4.1 First paragraph.\n\nhttp://www.example.gov.uk/part2.pdf\n 4.2 Second one.\n\n12\n",
            [("4.1", "First paragraph."), ("4.2", "Second one.")],
        ),
        # a bare number needs a dot to be a clause number; "2020" continues the sentence
        (
            "5.1 A review was held in\n2020 with the LGA.\n",
            [("5.1", "A review was held in 2020 with the LGA.")],
        ),
        # markup characters are text, never Markdown
        (
            "6.1 Use <b>tags</b>, &amp; [links](x), `code` and 5 * 3 as typed.\n",
            [("6.1", "Use <b>tags</b>, &amp; [links](x), `code` and 5 * 3 as typed.")],
        ),
        # but the bold markers of a Word export are formatting, not words
        ("7.1 **Officers must:**\n\n- reply.\n", [("7.1", "Officers must:"), (None, "reply.")]),
    ],
)
def test_pdf_debris_is_repaired(text: str, expected: list[tuple[str | None, str]]) -> None:
    markdown, _ = text_to_markdown(text)
    clauses, problems = parse_body("t", markdown)
    assert not problems
    got = [(c.number, c.text) for c in clauses if c.kind is not Kind.HEADING]
    assert got == expected


def test_bullet_nesting_follows_the_glyphs() -> None:
    text = "1.1 Consider:\n\n\uf0a7 one\n\n\uf0a7 two:\n\n• two a\n• two b\n\uf0a7 three\n"
    clauses, _ = parse_body("t", text_to_markdown(text)[0])
    assert [(c.text, c.level) for c in clauses if c.kind is Kind.ITEM] == [
        ("one", 1),
        ("two:", 1),
        ("two a", 2),
        ("two b", 2),
        ("three", 1),
    ]


def test_numbered_headings_are_told_from_numbered_paragraphs() -> None:
    text = (
        "Protocol on Relations\n\n1. INTRODUCTION\n\n1.1 Content\n\n"
        "1.1.1 This Protocol applies to all councillors.\n\n"
        "1.1.2 It is reviewed every year by the Standards Committee and its\n\n"
        "members.\n"
    )
    clauses, _ = parse_body("t", text_to_markdown(text)[0])
    assert [(c.kind.value, c.number, c.level) for c in clauses] == [
        ("heading", None, 1),
        ("heading", "1", 2),
        ("heading", "1.1", 3),
        ("paragraph", "1.1.1", 0),
        ("paragraph", "1.1.2", 0),
    ]


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.md", b"# T\n\n1.1 x\n", SourceKind.MARKDOWN),
        ("a.txt", b"---\ncouncil: X\n---\n# T\n", SourceKind.MARKDOWN),
        ("a", b"PROTOCOL\n\n1.1 Text.\n", SourceKind.TEXT),
        ("a.txt", b"PROTOCOL\n\n1.1 Text.\n", SourceKind.TEXT),
        ("a.pdf", b"%PDF-1.7\n", None),
        ("a.docx", b"not a zip", None),
        ("a.xyz", b"hello", None),
    ],
)
def test_kind_is_detected_from_content_and_extension(
    name: str, data: bytes, kind: SourceKind | None
) -> None:
    found, why = detect_kind(name, data)
    assert found is kind
    assert bool(why) is (kind is None)


# --- Word documents -------------------------------------------------------------------------


def _decimal_list(document: docx.document.Document) -> int:
    """Add a three-level 1. / 1.1. / 1.1.1. list to numbering.xml; return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{".".join(f"%{n}" for n in range(1, k + 2))}."/></w:lvl>'
        for k in range(3)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'
    )
    numbering.find(qn("w:num")).addprevious(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return 90


def to_docx(clauses: Sequence[Clause], word_numbering: bool) -> bytes:
    """A Word document of these clauses: numbers typed, or made by Word's list numbering."""
    document = docx.Document()
    num_id = _decimal_list(document) if word_numbering else 0
    rows: list[Clause] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0].cells))
            for r, row in enumerate(rows):
                for k, cell in enumerate(row.cells):
                    table.cell(r, k).text = cell
            rows.clear()

    for c in clauses:
        if c.kind is Kind.ROW:
            rows.append(c)
            continue
        flush()
        typed = f"{c.label} {c.text}" if c.label and not word_numbering else c.text
        if c.kind is Kind.HEADING:
            paragraph = document.add_heading(typed, 0 if c.level == 1 else c.level - 1)
        elif c.kind is Kind.ITEM:
            style = "List Bullet" if c.level == 1 else "List Bullet 2"
            paragraph = document.add_paragraph(c.text, style=style)
        elif c.kind is Kind.QUOTE:
            paragraph = document.add_paragraph(c.text, style="Quote")
        else:
            paragraph = document.add_paragraph(typed)
        if word_numbering and c.number:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = c.number.count(".")
            num_pr.get_or_add_numId().val = num_id
    flush()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def from_docx(clauses: Sequence[Clause], word_numbering: bool) -> tuple[Clause, ...]:
    data = to_docx(clauses, word_numbering)
    revision, problems = read_revision("revision.docx", data)
    assert revision is not None, problems
    assert revision.kind is SourceKind.WORD
    return revision.clauses


def same_clauses(expected: Sequence[Clause], actual: Sequence[Clause]) -> None:
    def view(cs: Sequence[Clause]) -> list[tuple[str, str | None, str, int]]:
        return [(c.kind.value, c.number, c.text, c.level) for c in cs]

    assert view(actual) == view(expected)


@pytest.mark.parametrize("slug", sorted(NUMBERED))
def test_word_document_with_typed_numbers_imports_as_the_transcription(slug: str) -> None:
    expected = transcription(slug)
    same_clauses(expected, from_docx(expected, word_numbering=False))


def test_word_list_numbering_gives_the_printed_numbers() -> None:
    expected = transcription("crawley")
    same_clauses(expected, from_docx(expected, word_numbering=True))


def test_word_numbering_formats_and_restarts() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">'
            '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/>'
            '<w:lvlText w:val="%1.%2"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="%3)"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>')
    )
    for level, text in [
        (0, "Roles"),
        (1, "Councillors decide."),
        (2, "policy;"),
        (2, "budget."),
        (1, "Officers advise."),
        (0, "Conduct"),
        (1, "Be courteous."),
    ]:
        paragraph = document.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = 91
    out = io.BytesIO()
    document.save(out)
    revision, problems = read_revision("r.docx", out.getvalue())
    assert revision is not None, problems
    assert [(c.number, c.text) for c in revision.clauses] == [
        ("III", "Roles"),
        ("3.1", "Councillors decide."),
        (None, "a) policy;"),
        (None, "b) budget."),
        ("3.2", "Officers advise."),
        ("IV", "Conduct"),
        ("4.1", "Be courteous."),
    ]


# --- a realistic revision: Crawley 2020 -> 2024 ------------------------------------------

NEW_23 = (
    "Councillors and officers must treat one another with courtesy in meetings, in "
    "writing and online, including on social media."
)


def _renumber(text: str, section: int, start: int, shift: int, dot: str) -> str:
    """Shift clause numbers section.start onward by ``shift`` at line starts."""

    def bump(m: re.Match[str]) -> str:
        n = int(m.group(2))
        return f"{m.group(1)}{section}.{n + shift}{dot}" if n >= start else m.group(0)

    return re.sub(rf"(?m)^(\s*){section}\.(\d+){re.escape(dot)}(?= )", bump, text)


def revise(text: str) -> str:
    """The 2024 review, applied to Crawley's text in either form (seed or transcription):
    2.3 inserted (2.3-2.9 renumbered), 1.6 'should' -> 'must', 4.4 reworded, 5.2 removed,
    7.6 loses its full stop, 8.3 moved to the end as 9.3 (8.4-8.6 renumbered)."""
    text = text.replace(
        "officers should abide by this protocol", "officers must abide by this protocol"
    )
    text = _renumber(text, 2, 3, 1, ".")
    text = text.replace("2.4. Both Councillors", f"2.3. {NEW_23}\n\n2.4. Both Councillors")
    text = re.sub(
        r"will be responsible for deciding",
        "will be responsible, within ten working days, for deciding",
        text,
    )
    text = re.sub(
        r"will be responsible for(\s+)deciding",
        r"will be responsible, within ten "
        r"working days, for\1deciding",
        text,
    )
    text = re.sub(
        r"5\.2\. The Monitoring Officer will address.*?complaint\.\s*\n", "", text, flags=re.S
    )
    text = text.replace(
        "under the Freedom of Information Act.", "under the Freedom of Information Act"
    )
    moved = re.search(
        r"8\.3\. Cabinet Members are encouraged.*?activities\.[ ]*\n", text, flags=re.S
    )
    assert moved is not None
    text = text.replace(moved.group(0), "")
    text = _renumber(text, 8, 4, -1, ".")
    return text.rstrip() + "\n\n" + moved.group(0).replace("8.3.", "9.3.", 1).strip() + "\n"


EXPECTED = [
    ("modified", "1.6", "1.6"),
    ("added", None, "2.3"),
    *[("renumbered", f"2.{n}", f"2.{n + 1}") for n in range(3, 10)],
    ("modified", "4.4", "4.4"),
    ("removed", "5.2", None),
    ("modified", "7.6", "7.6"),
    *[("renumbered", f"8.{n}", f"8.{n - 1}") for n in range(4, 7)],
    ("moved", "8.3", "9.3"),
]


def check_realistic(comparison: Comparison) -> None:
    assert [(c.kind.value, c.old_number, c.new_number) for c in comparison.changes] == EXPECTED
    by_number = {c.new_number or c.old_number: c for c in comparison.changes}
    strength = by_number["1.6"].strength
    assert strength is not None and (strength.old, strength.new) == ("should", "must")
    assert by_number["7.6"].cosmetic
    assert not by_number["4.4"].cosmetic and by_number["4.4"].strength is None
    moved = by_number["9.3"]
    assert not moved.text_changed
    assert (moved.old_section, moved.new_section) == ("8. PUBLICITY AND THE MEDIA", "9. PUBLICITY")
    assert comparison.summary()[ChangeKind.RENUMBERED] == 10


def old_crawley() -> tuple[Clause, ...]:
    seed = "004_42e29fca7d98e6d8.txt"
    revision, _ = read_revision(seed, (SEEDS / seed).read_bytes())
    assert revision is not None
    return revision.clauses


def test_realistic_revision_as_published_text() -> None:
    new_text = revise((SEEDS / "004_42e29fca7d98e6d8.txt").read_text(encoding="utf-8"))
    revision, problems = read_revision("crawley_2024.txt", new_text.encode())
    assert revision is not None, problems
    check_realistic(compare(old_crawley(), revision.clauses))


def revised_transcription() -> tuple[Clause, ...]:
    text = (SOURCES / "crawley.md").read_text(encoding="utf-8")
    _, body, _, _ = split_front_matter("crawley.md", text)
    clauses, problems = parse_body("crawley", revise(body))
    assert not problems
    return clauses


@pytest.mark.parametrize("word_numbering", [False, True], ids=["typed", "word-numbering"])
def test_realistic_revision_as_word_document(word_numbering: bool) -> None:
    new = from_docx(revised_transcription(), word_numbering)
    check_realistic(compare(old_crawley(), new))


def test_realistic_revision_markdown_against_word() -> None:
    """The same revision in two forms has no differences."""
    new = revised_transcription()
    assert compare(new, from_docx(new, word_numbering=True)).identical


def test_empty_text_has_no_clauses(tmp_path: Path) -> None:
    revision, problems = read_revision("empty.txt", b"\n\n")
    assert revision is None
    assert "no clauses found" in str(problems[0])
