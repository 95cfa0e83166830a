"""Property: every command, fed mutated .txt, .docx, .md and .yaml bytes and hostile paths,
ends with a documented exit code, one message naming the file, no traceback, and nothing
half-written.

Hypothesis is derandomized (the same examples every run) and each test is bounded by
``max_examples``, so the whole module runs in well under a minute.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import ROOT, SOURCES, TESTHAM, run_cli

SETTINGS = settings(
    deadline=None,
    max_examples=25,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROTOCOL = TESTHAM + "\n1.2 Officers should reply within ten working days.\n"
MAP = """themes:
  - {id: conduct, title: Conduct, description: How councillors and officers treat each other.}
obligations:
  - id: be-courteous
    title: Councillors and officers are courteous
    theme: conduct
    who: both
    kind: duty
    statement: Councillors and officers are courteous to one another.
    not_for_model: a test
    sources:
      testham: {status: full, strength: must, clauses: [testham-1-1]}
unmapped:
  - {clause: testham-1-2, reason: a test}
"""
NAMES = st.sampled_from(
    ["plain", "with space", "ünïcödé", "x" * 120, "semi;colon", "quote'd", "new\u2028line"]
)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Protocol", 0)
    document.add_paragraph("1. Councillors and officers must be courteous.")
    document.add_paragraph("(a) Officers should reply within ten working days.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


BASES = {
    ".md": (SOURCES / "vale-of-grwyney.md").read_bytes(),
    ".txt": (SOURCES / "seeds" / "001_50e0af9ec3b3d55d.txt").read_bytes()[:6000],
    ".docx": _docx_bytes(),
}


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` with a few bytes flipped, inserted, cut or repeated."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["flip", "insert", "truncate", "repeat", "zero"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif op == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [b"\x00", b"\xff\xfe", b"\f", b"\r", b"\x1b[2J", b"---\n", b"? [a]\n: b\n"]
                )
            )
        elif op == "truncate":
            del data[at:]
        elif op == "repeat":
            data[at:at] = data[at : at + 200]
        elif op == "zero" and data:
            data[at : at + 64] = bytes(min(64, len(data) - at))
    return bytes(data)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".tmp", ".new", ".old")))


def run(*args: str) -> tuple[int, str, str]:
    try:
        return run_cli(*args)
    except SystemExit as exc:  # argparse refusing an argument: its own message, code 2
        return int(exc.code or 0), "", ""


def hostile_output(tmp: Path, kind: str, suffix: str) -> Path:
    """An output path of a hostile kind."""
    if kind == "new":
        return tmp / "out" / f"result{suffix}"
    if kind == "folder":
        (tmp / f"folder{suffix}").mkdir()
        return tmp / f"folder{suffix}"
    if kind == "fifo":
        os.mkfifo(tmp / f"fifo{suffix}")
        return tmp / f"fifo{suffix}"
    if kind == "symlink":
        (tmp / f"link{suffix}").symlink_to(tmp / "target")
        return tmp / f"link{suffix}"
    if kind == "under a file":
        (tmp / "afile").write_text("x", encoding="utf-8")
        return tmp / "afile" / f"result{suffix}"
    return Path("/dev/null")


OUTPUTS = st.sampled_from(["new", "folder", "fifo", "symlink", "under a file", "device"])


def fresh(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    return folder


def assert_one_message_naming(err: str, *names: str) -> None:
    assert "Traceback" not in err
    assert err.strip(), "a failure must say why"
    assert any(name in err for name in names), err


@SETTINGS
@given(data=st.data())
def test_diff_on_mutated_files_and_hostile_paths(tmp_path: Path, data: st.DataObject) -> None:
    tmp = fresh(tmp_path, "diff")
    suffix = data.draw(st.sampled_from(sorted(BASES)))
    new = tmp / f"{data.draw(NAMES)}{suffix}"
    new.write_bytes(data.draw(mutated(BASES[suffix])))
    out_kind = data.draw(st.sampled_from(["none", "new", "fifo", "symlink", "under a file"]))
    args = ["diff", str(SOURCES / "vale-of-grwyney.md"), str(new), "--no-obligations"]
    out = None
    if out_kind != "none":
        out = hostile_output(tmp, out_kind, ".html")
        args += ["-f", "html", "-o", str(out)]
    code, _, err = run(*args)
    assert code in (0, 1, 2)
    if code == 2:
        assert_one_message_naming(err, new.name, str(out))
    assert "Traceback" not in err
    assert leftovers(tmp) == []
    assert not (tmp / "target").exists()


def _project(tmp: Path, protocol: bytes, clauses: bytes) -> Path:
    (tmp / "source_protocols").mkdir()
    (tmp / "source_protocols" / "testham.md").write_bytes(protocol)
    (tmp / "clauses.yaml").write_bytes(clauses)
    return tmp


@st.composite
def project_files(draw: st.DrawFn) -> tuple[bytes, bytes, str]:
    which = draw(st.sampled_from(["protocol", "map"]))
    protocol, clauses = PROTOCOL.encode(), MAP.encode()
    if which == "protocol":
        protocol = draw(mutated(protocol))
    else:
        clauses = draw(mutated(clauses))
    return protocol, clauses, "testham.md" if which == "protocol" else "clauses.yaml"


@SETTINGS
@given(files=project_files())
def test_check_on_mutated_project_files(tmp_path: Path, files: tuple[bytes, bytes, str]) -> None:
    root = _project(fresh(tmp_path, "check"), *files[:2])
    code, _, err = run("--root", str(root), "check")
    assert code in (0, 1)
    if code == 1:
        # A cut protocol can also leave the map citing a clause no longer there.
        assert_one_message_naming(err, files[2], "clauses.yaml")


@pytest.mark.parametrize("command", ["export", "pages"])
@SETTINGS
@given(files=project_files(), out_kind=OUTPUTS)
def test_export_and_pages_on_mutated_files_and_hostile_folders(
    tmp_path: Path, command: str, files: tuple[bytes, bytes, str], out_kind: str
) -> None:
    tmp = fresh(tmp_path, command)
    (tmp / "project").mkdir()
    root = _project(tmp / "project", *files[:2])
    out = hostile_output(tmp, out_kind, "")
    before = sorted(p.name for p in out.iterdir()) if out.is_dir() and not out.is_symlink() else []
    code, _, err = run("--root", str(root), command, str(out))
    assert code in (0, 1, 2)
    if code == 1:
        assert_one_message_naming(err, files[2], "clauses.yaml")
    if code == 2:
        assert_one_message_naming(err, str(out))
        if out.is_dir() and not out.is_symlink():
            assert sorted(p.name for p in out.iterdir()) == before
    assert leftovers(tmp) == []
    assert not (tmp / "target").exists()


ANSWERS = (ROOT / "examples" / "answers-parish.yaml").read_bytes()


@SETTINGS
@given(answers=mutated(ANSWERS), out_kind=OUTPUTS, fmt=st.sampled_from([".md", ".docx"]))
def test_draft_on_mutated_answers_and_hostile_outputs(
    tmp_path: Path, answers: bytes, out_kind: str, fmt: str
) -> None:
    tmp = fresh(tmp_path, "draft")
    path = tmp / "answers.yaml"
    path.write_bytes(answers)
    out = hostile_output(tmp, out_kind, fmt)
    code, _, err = run("draft", "--answers", str(path), "--out", str(out), "--force")
    assert code in (0, 1, 2)
    if code:
        assert_one_message_naming(err, "answers.yaml", str(out), "--out", "--format")
    assert "Traceback" not in err
    assert leftovers(tmp) == []
    assert not (tmp / "target").exists()
