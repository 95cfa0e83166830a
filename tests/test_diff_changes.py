"""Extended, split and merged clauses, changes of force, renumbered runs and warnings' lines,
as a reviewer reads them."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest

from generator.diff.compare import (
    ChangeKind,
    Direction,
    RenumberedRun,
    compare,
    grouped,
    strength_change,
)
from generator.diff.importers import read_revision
from generator.diff.render import Format, render
from generator.diff.report_words import run_headline

from .helpers import SOURCES, run_cli

CRAWLEY = (SOURCES / "crawley.md").read_text(encoding="utf-8")


def revise(text: str) -> str:
    """Crawley with 1.6 extended, 2.3 split, 1.4 and 1.5 merged, 2.5 negated and 2.7 softened."""
    text = text.replace(
        "1.6. All Councillors and officers should abide by this protocol.",
        "1.6. All Councillors and officers should abide by this protocol. Where a Councillor "
        "or an officer is unsure how this protocol applies to a particular matter, they should "
        "ask the Monitoring Officer for advice before acting, and keep a note of the advice.",
    )
    text = text.replace(
        "are indispensable to one another. However, their roles",
        "are indispensable to one another.\n\n2.3A. However, their roles",
    )
    text = re.sub(r"\n\n1\.5\. ", " ", text)
    text = text.replace(
        "2.5. Officers must be politically", "2.5. Officers must not be politically"
    )
    text = text.replace(
        "2.7. Councillors should be aware", "2.7. Councillors are encouraged to be aware"
    )
    return text


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rev") / "crawley-2026.md"
    path.write_text(revise(CRAWLEY), encoding="utf-8")
    return path


def test_extended_split_and_merged_are_reported_as_such(revised: Path) -> None:
    code, out, err = run_cli("diff", str(SOURCES / "crawley.md"), str(revised), "--color", "never")
    assert code == 1, err
    headlines = [line for line in out.splitlines() if line and not line.startswith(" ")]
    # Joining two paragraphs keeps every word: only the break went.
    assert "Merged 1.4 + 1.5 → 1.4 (wording unchanged)" in headlines
    assert "Modified 1.6" in headlines
    assert any(line.startswith("Split 2.3 → 2.3 + ") for line in headlines)
    assert "Modified 2.5 (reversed: “must” → “must not”)" in headlines
    assert "Modified 2.7 (weakened: “should” → “are encouraged to”)" in headlines
    assert (
        "Summary: 0 added, 0 removed, 3 modified, 0 moved, 0 renumbered, 1 split, 1 merged" in out
    )
    assert "Removed" not in out and "Added" not in out


def test_obligations_of_merged_clauses_are_still_covered(revised: Path) -> None:
    code, out, _ = run_cli("diff", str(SOURCES / "crawley.md"), str(revised), "-f", "json")
    assert code == 1
    data = json.loads(out)
    effects = data["obligations"]
    assert effects["no_longer_covered"] == []
    assert effects["reversed"]
    merged = next(c for c in data["changes"] if c["kind"] == "merged")
    assert merged["old_parts"] == ["1.4", "1.5"]


def test_removed_words_kept_elsewhere_are_not_no_longer_covered(tmp_path: Path) -> None:
    """1.5 deleted from its place and its words appended to 1.6: 'reworded', not 'no longer
    covered'."""
    text = CRAWLEY
    m = re.search(r"1\.5\. (.*)\n", text)
    assert m
    sentence = m.group(1)
    text = text.replace(m.group(0), "")
    text = text.replace(
        "1.6. All Councillors and officers should abide by this protocol.",
        f"1.6. All Councillors and officers should abide by this protocol. Further, {sentence}",
    )
    path = tmp_path / "crawley-2026.md"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("diff", str(SOURCES / "crawley.md"), str(path), "--color", "never")
    assert code == 1
    assert "No longer covered" not in out


@pytest.mark.parametrize(
    ("old", "new", "direction"),
    [
        ("Officers must reply.", "Officers must not reply.", Direction.REVERSED),
        ("Officers must not reply.", "Officers must reply.", Direction.REVERSED),
        ("Officers should reply.", "Officers are encouraged to reply.", Direction.WEAKENED),
        ("Officers should reply.", "Officers are expected to reply.", Direction.STRENGTHENED),
        ("Officers are expected to reply.", "Officers will reply.", None),
        ("Officers will reply.", "Officers shall reply.", Direction.STRENGTHENED),
        ("Officers may reply.", "Officers are required to reply.", Direction.STRENGTHENED),
        ("Officers should not reply.", "Officers must not reply.", Direction.STRENGTHENED),
        ("Officers cannot reply.", "Officers can reply.", Direction.REVERSED),
        (
            "Officers are not expected to reply.",
            "Officers are expected to reply.",
            Direction.REVERSED,
        ),
        ("Officers should reply.", "Officers should reply promptly.", None),
    ],
)
def test_changes_of_force(old: str, new: str, direction: Direction | None) -> None:
    change = strength_change(old, new)
    assert (change.direction if change else None) is direction


def test_renumbered_run_of_unnumbered_clauses_never_reads_none() -> None:
    old, _ = read_revision("a.txt", b"Heading\n\nFirst.\n\nSecond.\n\nThird.\n")
    new, _ = read_revision("b.txt", b"Heading\n\n1. First.\n\n2. Second.\n\n3. Third.\n")
    assert old is not None and new is not None
    comparison = compare(old.clauses, new.clauses)
    runs = [g for g in grouped(comparison.changes) if isinstance(g, RenumberedRun)]
    assert runs
    assert re.fullmatch(
        r"Renumbered unnumbered → \d–3 \(\d clauses, wording unchanged\)", run_headline(runs[0])
    )
    for fmt in Format:
        assert "None" not in render(comparison, fmt).replace('"old_number": null', "")


def test_warnings_name_the_line_of_the_text_file(tmp_path: Path) -> None:
    lines = ["Protocol", "", "1. Scope", "", "1.1 First clause here.", "", "1.1 Repeated by"]
    lines += ["mistake here.", "", "1.2 Last."]
    path = tmp_path / "published.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run_cli("diff", str(path), str(path))
    assert code == 0
    assert f"{path}:7: " in err and "line 5" in err, err


def test_warnings_name_the_paragraph_of_the_word_file(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["Protocol", "1. Scope", "1.1 First clause.", "1.1 Repeated clause.", "1.2 Last."]:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    path = tmp_path / "revision.docx"
    path.write_bytes(out.getvalue())
    code, _, err = run_cli("diff", str(path), str(path))
    assert code == 0
    assert f"{path}:4: " in err and "paragraph 3" in err, err


def test_split_is_found_when_neither_part_resembles_the_whole() -> None:
    text = (
        "1. Scope\n\n1.1 Councillors and officers must treat each other with courtesy and "
        "respect at all times. Officers must reply to councillors' enquiries within ten "
        "working days, or say when a full reply will follow.\n\n1.2 Last clause here.\n"
    )
    split = text.replace("at all times. Officers", "at all times.\n\n1.2 Officers").replace(
        "1.2 Last", "1.3 Last"
    )
    old, _ = read_revision("a.md", text.encode())
    new, _ = read_revision("b.md", split.encode())
    assert old is not None and new is not None
    changes = compare(old.clauses, new.clauses).changes
    kinds = [(c.kind, c.old_number, tuple(p.number for p in c.new_parts)) for c in changes]
    assert (ChangeKind.SPLIT, "1.1", ("1.1", "1.2")) in kinds
    assert all(c.kind is not ChangeKind.REMOVED for c in changes)
