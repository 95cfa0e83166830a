"""The command line as a user meets it: help with examples, export in the documented shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli.app import build_parser

from .helpers import ROOT, run_cli, run_python

COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", command, "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0
    assert "Example" in result.stdout, result.stdout


def test_check_passes_on_the_project_and_prints_coverage() -> None:
    code, out, err = run_cli("check")
    assert code == 0, err
    for slug in ("west-mersea", "vale-of-grwyney", "southend", "farnham", "crawley"):
        assert f"{slug}: " in out


def test_export_writes_protocols_json_in_the_documented_shape(tmp_path: Path) -> None:
    code, _, err = run_cli("export", str(tmp_path))
    assert code == 0, err
    data = json.loads((tmp_path / "protocols.json").read_text(encoding="utf-8"))
    protocols = {p["id"]: p for p in data["protocols"]}
    assert list(protocols) == ["west-mersea", "vale-of-grwyney", "southend", "farnham", "crawley"]
    farnham = protocols["farnham"]
    assert {
        k: farnham[k] for k in ("council", "tier", "adopted", "review_due", "source", "url")
    } == {
        "council": "Farnham Town Council",
        "tier": "town",
        "adopted": "2023-03",
        "review_due": "2026",
        "source": "003_c5b9d41acba015e5.txt",
        "url": "protocols/farnham/",
    }
    clause = next(c for c in farnham["clauses"] if c["id"] == "farnham-3-5")
    assert clause["number"] == "3.5" and clause["parent"] == "farnham-3-2"
    assert clause["heading"] == ["Roles of Councillors and Officers", "Councillors"]
    assert clause["url"] == "protocols/farnham/#farnham-3-5"
    assert isinstance(clause["line"], int)
    ids = [c["id"] for p in data["protocols"] for c in p["clauses"]]
    assert len(ids) == len(set(ids))


def test_export_is_byte_identical_twice(tmp_path: Path) -> None:
    """Two exports, in processes whose string hashing differs, write the same bytes."""
    run_python("-m", "generator", "export", str(tmp_path / "a"), hash_seed="1")
    run_python("-m", "generator", "export", str(tmp_path / "b"), hash_seed="2")
    names = ("protocols.json", "obligations.json", "matrix.csv")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(names)
    for name in names:
        a, b = tmp_path / "a" / name, tmp_path / "b" / name
        assert a.read_bytes() == b.read_bytes(), name


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "protocols"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "check" in result.stdout
