"""The diff on what reviewers actually have, built from the real protocols.

Each protocol is written in the shapes a reviewer hands over: a Word file, one paragraph per
line (Word's or LibreOffice's "save as text", a web page copied), UTF-16 text, text with a
byte-order mark; and, through LibreOffice and ``pdftotext`` (tests marked ``slow``), a
LibreOffice text export, a PDF's text in ``pdftotext``'s default and ``-layout`` modes, and a
Word file with one paragraph per printed line (the PDF text opened in LibreOffice and saved
as .docx). Identical content must give no change; a known revision must give exactly the
intended entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from generator.core.types import Clause, Kind
from generator.diff.compare import ChangeKind, Comparison, compare
from generator.diff.importers import Revision, read_any
from generator.sources.load import read_protocols

from .diff_shapes import pdftotext, soffice, write_docx, write_paragraph_lines
from .helpers import SOURCES

PROTOCOLS = {p.slug: p for p in read_protocols(SOURCES)[0]}
EXTRA = (
    "Where a Councillor or an officer is unsure how this protocol applies to a particular "
    "matter, they should ask the Monitoring Officer for advice before acting, and keep a "
    "note of the advice they were given."
)
INSERTED = (
    "Councillors and officers should each complete the Council's training on this protocol "
    "within three months of their election or appointment."
)


def numbered(clauses: tuple[Clause, ...]) -> list[Clause]:
    return [c for c in clauses if c.number and c.kind is Kind.PARAGRAPH and len(c.text) > 80]


def revise(clauses: tuple[Clause, ...]) -> tuple[tuple[Clause, ...], set[tuple[str, str]]]:
    """A known revision: one 'should' made 'must', one clause extended by a long sentence,
    one removed, one paragraph added. Returns the clauses and the intended entries."""
    candidates = numbered(clauses)
    should = next(c for c in candidates if " should " in c.text)
    extended = next(c for c in candidates if c is not should and c.text.endswith("."))
    removed = next(c for c in reversed(candidates) if c not in (should, extended))
    out: list[Clause] = []
    for c in clauses:
        if c is should:
            out.append(replace(c, text=c.text.replace(" should ", " must ", 1)))
        elif c is extended:
            out.append(replace(c, text=f"{c.text} {EXTRA}"))
            out.append(replace(c, id=f"{c.id}-new", number=None, label=None, text=INSERTED))
        elif c is not removed:
            out.append(c)
    intended = {
        ("modified", str(should.number)),
        ("modified", str(extended.number)),
        ("removed", str(removed.number)),
        ("added", "-"),
    }
    return tuple(out), intended


def entries(comparison: Comparison) -> set[tuple[str, str]]:
    return {(c.kind.value, (c.new or c.old).number or "-") for c in comparison.changes}  # type: ignore[union-attr]


def read(path: Path) -> Revision:
    revision, problems = read_any(path)
    assert revision is not None, problems
    return revision


def diff(old: Path, new: Path) -> Comparison:
    return compare(read(old).clauses, read(new).clauses)


Shape = Callable[[tuple[Clause, ...], Path], Path]


def _utf16(clauses: tuple[Clause, ...], path: Path) -> Path:
    return write_paragraph_lines(clauses, path.with_suffix(".txt"), encoding="utf-16")


def _bom(clauses: tuple[Clause, ...], path: Path) -> Path:
    return write_paragraph_lines(clauses, path.with_suffix(".txt"), encoding="utf-8-sig")


FAST_SHAPES: dict[str, Shape] = {
    "docx": lambda cs, p: write_docx(cs, p.with_suffix(".docx"), running="Protocol"),
    "lines": lambda cs, p: write_paragraph_lines(cs, p.with_suffix(".txt")),
    "utf16": _utf16,
    "bom": _bom,
}


@pytest.mark.parametrize("slug", sorted(PROTOCOLS))
@pytest.mark.parametrize("shape", sorted(FAST_SHAPES))
def test_shape_of_identical_content_gives_no_change(slug: str, shape: str, tmp_path: Path) -> None:
    made = FAST_SHAPES[shape](PROTOCOLS[slug].clauses, tmp_path / slug)
    comparison = diff(SOURCES / f"{slug}.md", made)
    assert comparison.identical, [(c.kind.value, c.old_text[:60]) for c in comparison.changes]


@pytest.mark.parametrize("slug", ["crawley", "farnham", "southend"])
@pytest.mark.parametrize("shape", sorted(FAST_SHAPES))
def test_shape_of_a_known_revision_gives_exactly_its_entries(
    slug: str, shape: str, tmp_path: Path
) -> None:
    clauses, intended = revise(PROTOCOLS[slug].clauses)
    old = FAST_SHAPES[shape](PROTOCOLS[slug].clauses, tmp_path / "old")
    new = FAST_SHAPES[shape](clauses, tmp_path / "new")
    assert entries(diff(old, new)) == intended
    # And against this project's own Markdown of the old revision.
    assert entries(diff(SOURCES / f"{slug}.md", new)) == intended


def test_strength_of_the_known_revision_is_called_out(tmp_path: Path) -> None:
    clauses, _ = revise(PROTOCOLS["crawley"].clauses)
    new = write_paragraph_lines(clauses, tmp_path / "new.txt")
    comparison = diff(SOURCES / "crawley.md", new)
    strengths = [c.strength for c in comparison.changes if c.strength]
    assert [(s.old, s.new, s.direction.value) for s in strengths] == [
        ("should", "must", "strengthened")
    ]


# --- through LibreOffice and pdftotext ------------------------------------------------------


def _office_shapes(work: Path, slug: str, running: str) -> dict[str, dict[str, Path]]:
    """A protocol, old and revised, in every LibreOffice and pdftotext shape."""
    clauses, _ = revise(PROTOCOLS[slug].clauses)
    out: dict[str, dict[str, Path]] = {}
    for name, cs in (("old", PROTOCOLS[slug].clauses), ("new", clauses)):
        folder = work / slug / name
        folder.mkdir(parents=True)
        docx = write_docx(cs, folder / f"{slug}-{name}.docx", running=running)
        pdf = soffice(docx, "pdf", folder / "pdf")
        text = pdftotext(pdf, folder / f"{slug}-{name}.pdftotext.txt")
        out[name] = {
            "libreoffice-txt": soffice(docx, "txt", folder / "txt"),
            "pdftotext": text,
            "pdftotext-layout": pdftotext(pdf, folder / f"{slug}-{name}.layout.txt", True),
            "printed-lines-docx": soffice(text, "docx", folder / "lines"),
        }
    return out


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Crawley in every LibreOffice and pdftotext shape."""
    running = "Crawley Borough Council — Councillor/Officer Protocol"
    return _office_shapes(tmp_path_factory.mktemp("office"), "crawley", running)


@pytest.fixture(scope="module")
def farnham_office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Farnham (a word hyphenated across a page break, tables) in the same shapes."""
    running = "Farnham Town Council protocol"
    return _office_shapes(tmp_path_factory.mktemp("office"), "farnham", running)


OFFICE_SHAPES = ["libreoffice-txt", "pdftotext", "pdftotext-layout", "printed-lines-docx"]


@pytest.mark.slow
@pytest.mark.parametrize("shape", OFFICE_SHAPES)
def test_office_shape_of_identical_content(office: dict[str, dict[str, Path]], shape: str) -> None:
    made = office["old"][shape]
    assert diff(made, made).identical
    # Against the Markdown, only paragraph breaks a PDF lost may differ, every word kept.
    comparison = diff(SOURCES / "crawley.md", made)
    unexpected = [
        (c.kind.value, c.old_text[:60])
        for c in comparison.changes
        if not (c.kind in (ChangeKind.SPLIT, ChangeKind.MERGED) and c.cosmetic)
    ]
    assert unexpected == []


@pytest.mark.slow
@pytest.mark.parametrize("shape", OFFICE_SHAPES)
def test_office_shape_of_a_known_revision(office: dict[str, dict[str, Path]], shape: str) -> None:
    _, intended = revise(PROTOCOLS["crawley"].clauses)
    assert entries(diff(office["old"][shape], office["new"][shape])) == intended


@pytest.mark.slow
@pytest.mark.parametrize("shape", OFFICE_SHAPES)
def test_office_shape_of_a_known_revision_of_farnham(
    farnham_office: dict[str, dict[str, Path]], shape: str
) -> None:
    _, intended = revise(PROTOCOLS["farnham"].clauses)
    shapes = farnham_office
    assert entries(diff(shapes["old"][shape], shapes["new"][shape])) == intended


@pytest.mark.slow
def test_pdftotext_output_has_what_the_importer_removes(
    office: dict[str, dict[str, Path]],
) -> None:
    """The PDF text really has form feeds, running headers, page numbers and a column of
    bullet glyphs: the shape tests above are not passing on an easy input."""
    text = office["old"]["pdftotext"].read_text(encoding="utf-8")
    assert "\f" in text
    running = r"^\f?Crawley Borough Council — Councillor/Officer Protocol$"
    assert len(re.findall(running, text, re.M)) > 3
    assert re.search(r"^Page \d+$", text, re.M)
    assert re.search(r"^\uf0b7$", text, re.M)


def test_a_short_text_of_one_paragraph_per_line_keeps_its_paragraphs(tmp_path: Path) -> None:
    """Lines no longer than a printed line, no blank line: still one paragraph each."""
    lines = [
        "Protocol on Member and Officer Relations",
        "Scope",
        "Councillors and officers must treat each other with courtesy at all times.",
        "Officers should reply to a councillor's enquiry within ten working days.",
        "Councillors may ask the Clerk for advice on any matter in this protocol.",
        "Complaints",
        "A complaint about an officer is made to the Clerk, who will reply in writing.",
        "A complaint about the Clerk is made to the Chair of the Council.",
    ]
    old = tmp_path / "old.txt"
    old.write_text("\n".join(lines) + "\n", encoding="utf-8")
    revision = read(old)
    paragraphs = [c.text for c in revision.clauses if c.kind is Kind.PARAGRAPH]
    assert paragraphs == [line for line in lines if line.endswith(".")]
    new = tmp_path / "new.txt"
    edited = "Officers must reply to a councillor's enquiry within five working days."
    new.write_text("\n".join([*lines[:3], edited, *lines[4:]]), encoding="utf-8")
    changes = diff(old, new).changes
    assert [(c.kind.value, c.old_text) for c in changes] == [("modified", lines[3])]
