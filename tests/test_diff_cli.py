"""``python -m generator diff`` as a user meets it: formats, exit codes as diff(1), files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import SEEDS, SOURCES, run_cli

OLD = """\
# Protocol on Relations

## 1. Introduction

1.1 This protocol guides councillors and officers in their relations with one another.

1.2 Councillors and officers may raise concerns with the Monitoring Officer.

## 2. Conduct

2.1 Officers should reply to councillors' enquiries within ten working days.

2.2 Councillors should not criticise officers in public or on social media.

2.3 The Clerk keeps a record of every complaint made under this protocol.
"""

NEW = """\
# Protocol on Relations

## 1. Introduction

1.1 This protocol guides councillors and officers in their relations with one another.

1.2 Councillors and officers must raise concerns with the Monitoring Officer.

## 2. Conduct

2.1 This protocol applies to co-opted members as it does to elected councillors.

2.2 Officers should reply to councillors' enquiries within ten working days.

2.3 Councillors should not criticise officers in public or on social media.

## 3. Records

3.1 The Clerk keeps a record of every complaint made under this protocol.
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "protocol_2020.md", tmp_path / "protocol_2024.md"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_json_has_the_documented_shape(files: tuple[Path, Path]) -> None:
    old, new = files
    code, out, err = run_cli("diff", str(old), str(new), "--format", "json")
    assert code == 1, err
    data = json.loads(out)
    assert data["old"] == "protocol_2020.md" and data["new"] == "protocol_2024.md"
    assert data["summary"] == {
        "added": 2,
        "removed": 0,
        "modified": 1,
        "moved": 1,
        "renumbered": 2,
        "split": 0,
        "merged": 0,
    }
    changes = {(c["kind"], c["new_number"]): c for c in data["changes"]}
    modified = changes[("modified", "1.2")]
    assert {
        k: modified[k] for k in ("old_number", "new_number", "cosmetic", "text_changed", "strength")
    } == {
        "old_number": "1.2",
        "new_number": "1.2",
        "cosmetic": False,
        "text_changed": True,
        "strength": {"old": "may", "new": "must", "direction": "strengthened"},
    }
    assert modified["old_text"].startswith("Councillors and officers may")
    assert modified["new_text"].startswith("Councillors and officers must")
    added = changes[("added", "2.1")]
    assert added["old_number"] is None and added["new_text"].startswith("This protocol applies")
    renumbered = changes[("renumbered", "2.2")]
    assert renumbered["old_number"] == "2.1" and renumbered["text_changed"] is False
    moved = changes[("moved", "3.1")]
    assert {k: moved[k] for k in ("old_number", "text_changed", "cosmetic", "strength")} == {
        "old_number": "2.3",
        "text_changed": False,
        "cosmetic": False,
        "strength": None,
    }
    assert moved["old_text"] == moved["new_text"]
    # unchanged clauses are not listed
    assert ("modified", "1.1") not in changes


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "[-may-]{+must+}"),
        ("markdown", "<del>may</del><ins>must</ins>"),
        ("html", '<html lang="en-GB">'),
        ("json", '"kind": "modified"'),
    ],
)
def test_every_format(files: tuple[Path, Path], fmt: str, expected: str) -> None:
    code, out, err = run_cli("diff", str(files[0]), str(files[1]), "-f", fmt)
    assert code == 1, err
    assert expected in out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("changes.html", '<html lang="en-GB">'),
        ("changes.HTM", '<html lang="en-GB">'),
        ("changes.md", "<del>may</del><ins>must</ins>"),
        ("changes.json", '"kind": "modified"'),
        ("changes.txt", "[-may-]{+must+}"),
        ("changes.log", "[-may-]{+must+}"),
    ],
)
def test_the_output_file_s_extension_names_the_format(
    files: tuple[Path, Path], tmp_path: Path, name: str, expected: str
) -> None:
    # "-o changes.html" without --format is a web page, never text that a browser would read
    # as markup.
    out = tmp_path / name
    code, _, err = run_cli("diff", str(files[0]), str(files[1]), "-o", str(out))
    assert code == 1, err
    assert expected in out.read_text(encoding="utf-8")


def test_text_output_has_a_legend_and_no_colour_when_not_a_terminal(
    files: tuple[Path, Path],
) -> None:
    _, out, _ = run_cli("diff", str(files[0]), str(files[1]))
    assert "Legend: [-deleted-] {+inserted+}" in out
    assert "\x1b[" not in out
    assert "Renumbered 2.1–2.2 → 2.2–2.3 (2 clauses, wording unchanged)" in out


def test_colour_on_request(files: tuple[Path, Path]) -> None:
    _, out, _ = run_cli("diff", str(files[0]), str(files[1]), "--color", "always")
    assert "\x1b[31m[-may-]" in out


def test_exit_status_0_when_no_differences(files: tuple[Path, Path]) -> None:
    code, out, _ = run_cli("diff", str(files[0]), str(files[0]))
    assert code == 0
    assert "No differences." in out


def test_same_protocol_in_two_forms_has_no_differences() -> None:
    """The published text and its transcription are the same revision."""
    code, out, err = run_cli(
        "diff", str(SEEDS / "004_42e29fca7d98e6d8.txt"), str(SOURCES / "crawley.md")
    )
    assert code == 0, out + err


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("scan.pdf", b"%PDF-1.4 ...", "it is a PDF"),
        ("notes.xyz", b"hello", "unknown kind of file"),
        ("empty.txt", b"\n \n", "no clauses found"),
        ("broken.docx", b"not a zip at all", "not a Word document"),
    ],
)
def test_exit_status_2_on_trouble_names_the_file(
    tmp_path: Path, files: tuple[Path, Path], name: str, data: bytes | None, message: str
) -> None:
    bad = tmp_path / name
    if data is not None:
        bad.write_bytes(data)
    code, out, err = run_cli("diff", str(bad), str(files[1]))
    assert code == 2
    assert out == ""
    assert str(bad) in err and message in err


def test_output_file_is_written_and_not_overwritten_without_force(
    tmp_path: Path, files: tuple[Path, Path]
) -> None:
    target = tmp_path / "changes.html"
    code, out, err = run_cli("diff", *map(str, files), "-f", "html", "-o", str(target))
    assert code == 1 and out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run_cli("diff", *map(str, files), "-f", "html", "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run_cli("diff", *map(str, files), "-f", "html", "-o", str(target), "--force")
    assert code == 1
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_ignore_numbers(tmp_path: Path) -> None:
    old, new = tmp_path / "a.md", tmp_path / "b.md"
    old.write_text("# T\n\n## A\n\nCouncillors should be courteous.\n", encoding="utf-8")
    new.write_text("# T\n\n## A\n\n1.1 Councillors should be courteous.\n", encoding="utf-8")
    assert run_cli("diff", str(old), str(new))[0] == 1
    assert run_cli("diff", str(old), str(new), "--ignore-numbers")[0] == 0


def test_front_matter_is_not_compared(tmp_path: Path) -> None:
    source = (SOURCES / "farnham.md").read_text(encoding="utf-8")
    other = tmp_path / "farnham-copy.md"
    other.write_text(source.replace('adopted: "2023-03"', 'adopted: "2024-05"'), "utf-8")
    assert run_cli("diff", str(SOURCES / "farnham.md"), str(other))[0] == 0
