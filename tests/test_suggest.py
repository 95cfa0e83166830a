"""One 'closest' rule and wording for every message naming something unknown."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.app import main
from generator.core.suggest import closest, hint

from .helpers import run_cli
from .test_bad_input import GOOD, _project


def test_closest_best_first_and_nothing_when_unalike() -> None:
    assert closest("borugh", ["parish", "borough", "town"]) == ["borough"]
    assert closest("review", ["review_due", "reviewed", "adopted"], n=3) == [
        "reviewed",
        "review_due",
    ]
    assert closest("zzzz", ["parish"]) == []
    assert hint("zzzz", ["parish"]) == ""
    assert hint("borugh", ["borough"]) == " (closest: borough)"


def test_sources_and_map_say_it_the_same_way(tmp_path: Path) -> None:
    root = _project(tmp_path, {"testham.md": GOOD.replace("tier: parish", "tier: pariah")})
    code, _, err = run_cli("--root", str(root), "check")
    assert code == 1 and "unknown tier 'pariah' (closest: parish)" in err


def test_the_command_line_offers_the_closest_command_and_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for args, expected in (
        (["chek"], "invalid choice: 'chek' (closest: check); choose from check, export"),
        (["diff", "a", "b", "--format", "jsn"], "invalid choice: 'jsn' (closest: json)"),
    ):
        with pytest.raises(SystemExit) as exit_:
            main(args)
        assert exit_.value.code == 2
        assert expected in capsys.readouterr().err
