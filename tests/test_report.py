"""``check --report``: positions, strength differences, suspected duplicates, unmapped verbs."""

from __future__ import annotations

from generator.map.load import load_map
from generator.map.report import protocol_reports, render_report
from generator.sources.load import read_protocols

from .helpers import SOURCES, run_cli
from .test_strength import MAP

PROTOCOLS, _ = read_protocols(SOURCES)
PROTOCOLS.sort(key=lambda p: p.meta.source)


def _report(first: str, second: str, reason: str = "", unmapped: str = "[]") -> str:
    text = MAP.format(first=first, second=second, reason=reason).replace(
        "unmapped: []", f"unmapped: {unmapped}"
    )
    omap, _ = load_map("clauses.yaml", text, PROTOCOLS)
    assert omap is not None
    return render_report(protocol_reports(omap, PROTOCOLS))


def _section(report: str, slug: str) -> list[str]:
    lines = report.splitlines()
    start = lines.index(f"== {slug}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("== ")), None)
    return lines[start:end]


def test_positions_differences_and_duplicates_per_protocol() -> None:
    southend = _section(_report("should", "must"), "southend")
    assert southend[1] == "positions: 2 full, 0 partial, 0 absent"
    assert "strength differences: 3" in southend
    assert (
        "  no-commitments: recorded must; 10-1-5-b4 reads 'should' in its lead-in southend-10-1-5"
    ) in southend
    assert "    reason: NONE GIVEN" in southend
    assert "suspected duplicates: 1" in southend
    assert "  careful-statements = no-commitments (all cite 10-1-5-b4)" in southend
    assert _section(_report("should", "must"), "crawley")[1:3] == [
        "positions: 0 full, 0 partial, 2 absent",
        "strength differences: 0",
    ]


def test_a_reason_is_shown_with_its_difference() -> None:
    southend = _section(
        _report("must", "should", ", strength_reason: 'Read as a rule.'"), "southend"
    )
    assert (
        "  careful-statements: recorded must; 10-1-5-b4 reads 'should' in its lead-in "
        "southend-10-1-5" in southend
    )
    assert "    reason: Read as a rule." in southend


def test_unmapped_clauses_with_a_normative_verb_are_listed() -> None:
    unmapped = "[{clause: southend-2-4, reason: scope}, {clause: southend-1-2-4, reason: defn}]"
    southend = _section(_report("should", "should", unmapped=unmapped), "southend")
    assert "unmapped clauses with a normative verb: 1" in southend
    assert "  2-4 reads 'should' (unmapped: scope)" in southend


def test_check_report_on_the_real_map() -> None:
    code, out, err = run_cli("check", "--report")
    assert code == 0, err
    for slug in ("west-mersea", "vale-of-grwyney", "southend", "farnham", "crawley"):
        assert f"== {slug}" in out
    assert "reason: NONE GIVEN" not in out  # every difference on the real map is explained
