"""Bad source protocols give clear, located messages and a non-zero exit, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import TESTHAM, run_cli

GOOD = TESTHAM


def _project(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    (tmp_path / "source_protocols").mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (tmp_path / "source_protocols" / name).write_bytes(data)
    return tmp_path


def _check(root: Path) -> tuple[int, str]:
    code, _out, err = run_cli("--root", str(root), "check")
    return code, err


def test_good_file_passes(tmp_path: Path) -> None:
    code, err = _check(_project(tmp_path, {"testham.md": GOOD}))
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (GOOD.replace("tier: parish", "tier: [parish"), "testham.md:5:"),
        (
            GOOD.replace("tier: parish", "tier: pariah"),
            "testham.md:4: unknown tier 'pariah' (closest: parish); tiers are parish",
        ),
        (
            GOOD.replace("1.1 Councillors", "1.1 Councillors must.\n\n1.1 Councillors"),
            "testham.md:14: duplicate clause id 'testham-1-1': clause 1.1 repeats the one at "
            "line 12",
        ),
        (
            GOOD.split("# Protocol")[0] + "# Protocol\n\n## 1. Scope\n",
            "testham.md:7: no clauses found",
        ),
        (
            GOOD.replace("council: Testham Parish Council\n", ""),
            "testham.md:2: missing required key 'council'",
        ),
        (GOOD.replace("---\n\n#", "\n#", 1), "testham.md:1: front matter is not closed"),
        (
            GOOD.replace("source: test.txt", "source: test.txt\nadopted: 2023-13-01x"),
            "testham.md:6: 'adopted': '2023-13-01x' is not a date",
        ),
        (
            GOOD.replace("source: test.txt", "source: test.txt\nreview: 2026"),
            "testham.md:6: unknown key 'review' (closest: review_due, retrieved)",
        ),
    ],
    ids=[
        "yaml-syntax",
        "unknown-tier",
        "duplicate-id",
        "no-clauses",
        "missing-key",
        "unclosed-front-matter",
        "bad-date",
        "unknown-key",
    ],
)
def test_bad_protocol_gives_located_message(tmp_path: Path, content: str, expected: str) -> None:
    code, err = _check(_project(tmp_path, {"testham.md": content}))
    assert code == 1
    assert expected in err, err


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    data = GOOD.replace("must be courteous", "must be caf\xe9").encode("latin-1")
    code, err = _check(_project(tmp_path, {"testham.md": data}))
    assert code == 1
    assert "testham.md:12: not UTF-8: byte 0xe9" in err


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "a-one.md": GOOD.replace("tier: parish", "tier: city"),
            "b-two.md": b"\x80\x81",
            "c-three.md": GOOD.replace("council: Testham Parish Council\n", ""),
        },
    )
    code, err = _check(root)
    assert code == 1
    assert "a-one.md:4: unknown tier 'city'" in err
    assert "b-two.md:1: not UTF-8" in err
    assert "c-three.md:2: missing required key 'council'" in err
    assert "3 error(s)" in err


def test_bad_file_name(tmp_path: Path) -> None:
    code, err = _check(_project(tmp_path, {"Bad_Name.md": GOOD}))
    assert code == 1 and "not a valid protocol slug" in err


def test_export_writes_nothing_when_input_is_bad(tmp_path: Path) -> None:
    root = _project(tmp_path, {"testham.md": GOOD.replace("tier: parish", "tier: city")})
    out = tmp_path / "out"
    code, _, err = run_cli("--root", str(root), "export", str(out))
    assert code == 1 and "unknown tier" in err
    assert not out.exists()
