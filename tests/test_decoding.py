"""One decoder for every user file (generator/core/decoding.py): UTF-8 with or without a byte
order mark and UTF-16 with one are read alike everywhere; anything else gets a located message.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.core.decoding import WINDOWS_1252, decode_text
from generator.core.problems import Severity
from generator.diff.importers import read_revision
from generator.sources.load import parse_protocol

from .helpers import run_cli
from .test_bad_input import GOOD, _project

TEXT = "Protocol\nCouncillors’ café — “quoted”\n"
ENCODINGS = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "utf-16-le with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16-be with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
}


@pytest.mark.parametrize("data", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_accepted_encodings_give_the_same_text(data: bytes) -> None:
    assert decode_text("x.md", data) == (TEXT, [])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"one\ntwo caf\xe9\n", "x.md:2: not UTF-8: byte 0xe9 cannot be decoded; save the file"),
        (codecs.BOM_UTF32_LE + "a".encode("utf-32-le"), "x.md:1: the file is UTF-32 text"),
        ("line\nmore".encode("utf-16-le"), "x.md:1: the file has NUL bytes: it is UTF-16"),
        (b"ok\nok\n\x00", "x.md:3: the file has NUL bytes"),
        (
            codecs.BOM_UTF16_LE + "a\nb".encode("utf-16-le") + b"\x00\xd8",
            "x.md:2: not valid UTF-16",
        ),
    ],
    ids=["latin-1", "utf-32", "utf-16 without BOM", "binary", "truncated utf-16"],
)
def test_anything_else_is_refused_with_its_line(data: bytes, message: str) -> None:
    text, problems = decode_text("x.md", data)
    assert text is None
    assert [p.severity for p in problems] == [Severity.ERROR]
    assert str(problems[0]).startswith(message), str(problems[0])


def test_fallback_reads_windows_1252_with_a_warning() -> None:
    text, problems = decode_text("x.txt", b"one\n\x93caf\xe9\x94\n", fallback=WINDOWS_1252)
    assert text == "one\n“café”\n"
    assert [(p.line, p.severity) for p in problems] == [(2, Severity.WARNING)]
    assert "read as Windows-1252" in problems[0].message


def test_a_protocol_saved_as_utf16_by_word_reads_as_utf8() -> None:
    utf8, problems = parse_protocol("testham.md", GOOD.encode("utf-8"))
    assert utf8 is not None and not problems
    for data in (GOOD.encode("utf-16"), codecs.BOM_UTF8 + GOOD.encode("utf-8")):
        other, problems = parse_protocol("testham.md", data)
        assert not problems
        assert other == utf8


def test_check_reads_a_utf16_protocol_and_a_bom_map(tmp_path: Path) -> None:
    root = _project(tmp_path, {"testham.md": GOOD.encode("utf-16")})
    code, _, err = run_cli("--root", str(root), "check")
    assert (code, err) == (0, "")
    (root / "clauses.yaml").write_bytes(b"\x80")
    code, _, err = run_cli("--root", str(root), "check")
    assert code == 1 and "clauses.yaml:1: not UTF-8: byte 0x80" in err


def test_the_diff_reads_a_utf16_text_revision() -> None:
    body = "1. Scope\n\n1.1 Councillors and officers must be courteous.\n"
    plain, _ = read_revision("new.txt", body.encode("utf-8"))
    wide, problems = read_revision("new.txt", body.encode("utf-16"))
    assert plain is not None and wide is not None and not problems
    assert wide.clauses == plain.clauses
