"""No traceback from any command: damaged files, write errors and odd paths give one located
line and the documented exit code, and nothing is left half-written.

Documented codes: ``check``/``export``/``pages``/``draft`` exit 0 on success, 1 when the
inputs have errors, 2 when the output cannot be written; ``diff`` exits 0 same, 1 different,
2 trouble.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from generator.core import fileio

from .helpers import ROOT, SOURCES, run_cli

ANSWERS = ROOT / "examples" / "answers-parish.yaml"


def leftovers(folder: Path) -> list[str]:
    """Temporary files or folders a failed write could leave."""
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".tmp", ".new", ".old")))


# --- damaged Word files -------------------------------------------------------------------


def _docx(tmp_path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("1. Councillors and officers must be courteous.", style="List Number")
    document.add_paragraph("Officers should reply within ten days.", style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rewrite(data: bytes, change: dict[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            content = change.get(item.filename, zin.read(item.filename))
            if content is not None:
                zout.writestr(item, content)
    return out.getvalue()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">'.encode() for k in range(8)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    "damage",
    ["bad-xml", "entities", "bad-numbering", "no-styles", "truncated", "no-document"],
)
def test_damaged_word_file_gives_one_located_line_and_exit_2(tmp_path: Path, damage: str) -> None:
    good = _docx(tmp_path)
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        document = z.read("word/document.xml")
        numbering = z.read("word/numbering.xml")
    data = {
        "bad-xml": lambda: _rewrite(good, {"word/document.xml": document[: len(document) // 2]}),
        "entities": lambda: _rewrite(good, {"word/document.xml": LAUGHS}),
        "bad-numbering": lambda: _rewrite(
            good,
            {
                "word/numbering.xml": numbering.replace(b'w:ilvl="0"', b'w:ilvl="x"'),
                "word/document.xml": document.replace(b'w:val="0"', b'w:val="zz"'),
            },
        ),
        "no-styles": lambda: _rewrite(good, {"word/styles.xml": b"<x"}),
        "truncated": lambda: good[: len(good) // 2],
        "no-document": lambda: _rewrite(good, {"word/document.xml": None}),
    }[damage]()
    bad = tmp_path / "revision 2026.docx"
    bad.write_bytes(data)
    code, out, err = run_cli("diff", str(SOURCES / "crawley.md"), str(bad), "--no-obligations")
    assert code == 2, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}:"), err


def test_utf16_text_is_read(tmp_path: Path) -> None:
    text = (SOURCES / "crawley.md").read_text(encoding="utf-8")
    for codec in ("utf-16", "utf-8-sig"):
        path = tmp_path / f"crawley-{codec}.md"
        path.write_bytes(text.encode(codec))
        code, _, err = run_cli("diff", str(SOURCES / "crawley.md"), str(path), "--no-obligations")
        assert code == 0, (codec, err)


# --- -o and --out refuse what is not a regular file ----------------------------------------


def _targets(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo.html"
    os.mkfifo(fifo)
    link = tmp_path / "link.html"
    link.symlink_to(tmp_path / "elsewhere.html")
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "missing" / "x.html")
    folder = tmp_path / "folder.html"
    folder.mkdir()
    return {
        "fifo": fifo,
        "symlink": link,
        "dangling symlink": dangling,
        "folder": folder,
        "device": Path("/dev/null"),
    }


@pytest.mark.parametrize("what", ["fifo", "symlink", "dangling symlink", "folder", "device"])
def test_diff_output_refuses_what_is_not_a_regular_file(tmp_path: Path, what: str) -> None:
    target = _targets(tmp_path)[what]
    before = target.lstat()
    code, _, err = run_cli(
        "diff", str(SOURCES / "crawley.md"), str(SOURCES / "farnham.md"), "-o", str(target),
        "--force", "--no-obligations",
    )  # fmt: skip
    assert code == 2
    assert err.startswith(f"{target}:") and len(err.strip().splitlines()) == 1, err
    after = target.lstat()
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert not (tmp_path / "elsewhere.html").exists()


@pytest.mark.parametrize("what", ["fifo", "symlink", "device"])
def test_draft_out_refuses_what_is_not_a_regular_file(tmp_path: Path, what: str) -> None:
    target = _targets(tmp_path)[what].with_suffix(".md")
    if what == "fifo":
        os.mkfifo(target)
    elif what == "symlink":
        target.symlink_to(tmp_path / "elsewhere.md")
    else:
        target = Path("/dev/null")
    code, _, err = run_cli(
        "draft", "--answers", str(ANSWERS), "--out", str(target), "--force", "--format", "md"
    )
    assert code in (1, 2), err
    assert str(target) in err and "Traceback" not in err
    assert not (tmp_path / "elsewhere.md").exists()


# --- write errors ---------------------------------------------------------------------------


def _fail_after(monkeypatch: pytest.MonkeyPatch, writes: int, error: int) -> None:
    """Make the ``writes``-th file write fail with ``error`` (ENOSPC: the disk is full)."""
    real = Path.write_bytes
    count = {"n": 0}

    def write_bytes(self: Path, data: bytes) -> int:
        count["n"] += 1
        if count["n"] > writes:
            raise OSError(error, os.strerror(error), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_failed_export_leaves_the_previous_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    out = tmp_path / "data"
    code, _, err = run_cli("export", str(out))
    assert code == 0, err
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "protocols.json").write_text("[] ", encoding="utf-8")  # a previous, different run
    before["protocols.json"] = b"[] "
    _fail_after(monkeypatch, 1, error)
    code, stdout, err = run_cli("export", str(out))
    assert code == 2
    assert stdout == ""
    assert err.strip().splitlines()[-1].startswith(f"{out}: cannot write: ")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert leftovers(tmp_path) == []


def test_failed_pages_leaves_the_previous_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pages"
    out.mkdir()
    (out / "index.md").write_text("previous\n", encoding="utf-8")
    _fail_after(monkeypatch, 5, errno.ENOSPC)
    code, _, err = run_cli("pages", str(out))
    assert code == 2
    assert "the disk is full" in err and "Traceback" not in err
    assert [p.name for p in out.iterdir()] == ["index.md"]
    assert (out / "index.md").read_text(encoding="utf-8") == "previous\n"
    assert leftovers(tmp_path) == []


def test_export_refuses_a_folder_holding_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, _, err = run_cli("export", str(tmp_path))
    assert code == 2
    assert "notes.txt" in err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("command", ["export", "pages"])
def test_a_file_where_a_folder_should_be(tmp_path: Path, command: str) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    for target in (afile, afile / "data"):
        code, _, err = run_cli(command, str(target))
        assert code == 2, err
        assert err.startswith(str(target)) and len(err.strip().splitlines()) == 1, err
    assert afile.read_text(encoding="utf-8") == "x"


def test_draft_write_error_gives_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio.os, "fsync", full)
    out = tmp_path / "protocol.docx"
    code, _, err = run_cli("draft", "--answers", str(ANSWERS), "--out", str(out))
    assert code == 2
    assert err.strip().splitlines()[-1] == (
        f"{out}: cannot write: No space left on device (the disk is full)"
    )
    assert list(tmp_path.iterdir()) == []


def test_diff_output_write_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(fd: int) -> None:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(fileio.os, "fsync", denied)
    out = tmp_path / "changes.html"
    code, _, err = run_cli(
        "diff", str(SOURCES / "crawley.md"), str(SOURCES / "crawley.md"), "-o", str(out),
        "--no-obligations",
    )  # fmt: skip
    assert code == 2
    assert err.strip() == f"{out}: cannot write: Permission denied (no permission to write there)"
    assert list(tmp_path.iterdir()) == []


# --- project files that are not what they should be ------------------------------------------


def _copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(SOURCES, root / "source_protocols", ignore=shutil.ignore_patterns("seeds"))
    shutil.copy(ROOT / "clauses.yaml", root / "clauses.yaml")
    return root


@pytest.mark.parametrize(
    "damage",
    ["front-matter typo", "not UTF-8", "repeated number"],
)
def test_one_bad_protocol_gives_its_own_errors_not_a_cascade(tmp_path: Path, damage: str) -> None:
    root = _copy_project(tmp_path)
    path = root / "source_protocols" / "crawley.md"
    text = path.read_bytes()
    if damage == "front-matter typo":
        text = text.replace(b"tier: borough", b"tier: borugh")
    elif damage == "not UTF-8":
        text = text.replace(b"1.6. All Councillors", b"1.6. All Councillors\xff")
    else:
        text = text.replace(b"1.3. This protocol", b"1.2. This protocol")
    path.write_bytes(text)
    code, _, err = run_cli("--root", str(root), "check")
    assert code == 1
    errors = [line for line in err.splitlines() if line and "error(s)" not in line]
    assert errors and all("crawley" in line for line in errors), errors[:5]
    assert "unknown protocol" not in err
    assert len(errors) <= 3, errors[:5]


def test_a_folder_named_clauses_yaml(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    (root / "clauses.yaml").unlink()
    (root / "clauses.yaml").mkdir()
    code, _, err = run_cli("--root", str(root), "check")
    assert code == 1
    assert "clauses.yaml: is a folder" in err


def test_a_dangling_link_named_md(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    (root / "source_protocols" / "ghost.md").symlink_to(tmp_path / "nowhere.md")
    (root / "source_protocols" / "folder.md").mkdir()
    code, _, err = run_cli("--root", str(root), "check")
    assert code == 1
    assert "ghost.md: is a broken symbolic link" in err
    assert "folder.md: is a folder" in err
    assert "unknown protocol" not in err


@pytest.mark.parametrize(
    "yaml_text",
    ["? [a, b]\n: x\n", "themes:\n  ? {a: 1}\n  : x\n", 'themes: "\x01"\n', "[" * 5000],
    ids=["complex key", "nested complex key", "control character", "deep nesting"],
)
def test_hostile_yaml_is_one_located_error(tmp_path: Path, yaml_text: str) -> None:
    root = _copy_project(tmp_path)
    (root / "clauses.yaml").write_text(yaml_text, encoding="utf-8")
    code, _, err = run_cli("--root", str(root), "check")
    assert code == 1
    assert "clauses.yaml:" in err


@pytest.mark.parametrize("what", ["fifo", "folder", "missing", "device"])
def test_diff_input_that_is_not_a_file(tmp_path: Path, what: str) -> None:
    path = {"fifo": tmp_path / "old.txt", "folder": tmp_path / "old.md"}.get(
        what, tmp_path / "missing.md" if what == "missing" else Path("/dev/zero")
    )
    if what == "fifo":
        os.mkfifo(path)  # reading it would block for ever
    elif what == "folder":
        path.mkdir()
    code, out, err = run_cli("diff", str(path), str(SOURCES / "crawley.md"), "--no-obligations")
    assert code == 2 and out == ""
    assert err.startswith(f"{path}: ") and len(err.strip().splitlines()) == 1, err
