"""Replaced obligation ids and corrections in clauses.yaml: read, validated, exported."""

from __future__ import annotations

from generator.map.load import load_map
from generator.outputs.opendata import obligations_data
from generator.sources.load import read_protocols

from .helpers import SOURCES
from .test_obligations import GOOD

PROTOCOLS, _ = read_protocols(SOURCES)
PROTOCOLS.sort(key=lambda p: p.meta.source)


def _load(extra: str) -> tuple[object, list[str]]:
    omap, problems = load_map("clauses.yaml", GOOD + extra, PROTOCOLS)
    return omap, [str(p) for p in problems if p.path == "clauses.yaml"]


HISTORY = """\
replaced:
  - {id: silent-copies, replaced_by: no-silent-copies, reason: Renamed.}
corrections:
  - {date: 2026-11-30, obligation: silent-copies, change: Renamed., reason: Clearer.}
  - {date: 2026-11-30, obligation: no-silent-copies, protocol: southend, change: must,
     reason: Reads must.}
"""


def test_history_is_read_and_exported() -> None:
    omap, messages = _load(HISTORY)
    assert not [m for m in messages if "replaced" in m or "correction" in m], messages
    data = obligations_data(omap, PROTOCOLS, {})  # type: ignore[arg-type]
    assert data["replaced"] == [
        {
            "id": "silent-copies",
            "replaced_by": "no-silent-copies",
            "reason": "Renamed.",
            "url": "obligations/silent-copies/",
        }
    ]
    assert [c["date"] for c in data["corrections"]] == ["2026-11-30", "2026-11-30"]
    assert data["corrections"][1]["protocol"] == "southend"


def test_a_redirect_to_a_missing_id_is_an_error_with_its_line() -> None:
    _, messages = _load(
        "replaced:\n  - {id: old-one, replaced_by: no-such-obligation, reason: Gone.}\n"
    )
    assert (
        "clauses.yaml:20: replaced 'old-one' redirects to 'no-such-obligation', which is not "
        "an obligation"
    ) in messages


def test_a_replaced_id_that_still_exists_is_an_error() -> None:
    _, messages = _load(
        "replaced:\n  - {id: no-silent-copies, replaced_by: no-silent-copies, reason: Same.}\n"
    )
    assert any("replaced 'no-silent-copies' is still an obligation" in m for m in messages)


def test_bad_corrections_are_all_reported() -> None:
    _, messages = _load(
        "corrections:\n"
        "  - {date: 2026-02-30, obligation: no-silent-copies, change: x, reason: y}\n"
        "  - {date: 2026-11, obligation: nothing-here, change: x, reason: y}\n"
        "  - {date: 2026-11, obligation: no-silent-copies, protocol: nowhere, change: x,"
        " reason: y}\n"
        "  - {date: 2026-11, obligation: no-silent-copies, change: x}\n"
    )
    joined = "\n".join(messages)
    assert "clauses.yaml:20: correction to 'no-silent-copies': date: '2026-02-30'" in joined
    assert "February 2026 has no day 30" in joined
    assert "clauses.yaml:21: correction to 'nothing-here': no obligation or replaced id" in joined
    assert "clauses.yaml:22: correction to 'no-silent-copies': unknown protocol 'nowhere'" in joined
    assert "clauses.yaml:23: correction to 'no-silent-copies': each correction needs" in joined


def test_the_old_address_says_where_the_obligation_went() -> None:
    from generator.site.pages_history import CORRECTIONS, history_pages

    omap, _ = _load(HISTORY)
    pages = history_pages(omap, PROTOCOLS)  # type: ignore[arg-type]
    old = pages["obligations/silent-copies.md"]
    assert "[No copying without agreement](no-silent-copies.md)" in old
    assert "Renamed\\." in old and "(../corrections.md)" in old
    listed = pages[CORRECTIONS]
    assert "## 30 November 2026" in listed
    assert "- **[No copying without agreement](obligations/no-silent-copies.md)**" in listed
    assert "Southend\\-on\\-Sea Borough Council" in listed


def test_the_corrections_page_exists_before_the_first_correction() -> None:
    from generator.site.pages_history import CORRECTIONS, history_pages

    omap, _ = _load("")
    pages = history_pages(omap, PROTOCOLS)  # type: ignore[arg-type]
    assert list(pages) == [CORRECTIONS]
    assert "No corrections have been made to the map yet." in pages[CORRECTIONS]


def test_prose_names_obligations_by_title_and_leaves_other_words() -> None:
    from generator.views.words_display import Piece, prose

    titles = {"even-handed-treatment-of-groups": "Groups are treated even-handedly"}
    replaced = {"old-obligation": "even-handed-treatment-of-groups"}
    pieces = prose(
        "9.2.8 is even-handedly about even-handed-treatment-of-groups, under the lead-in; "
        "merged with old-obligation.",
        titles,
        replaced,
    )
    assert pieces == (
        Piece("9.2.8 is even-handedly about "),
        Piece(
            "even-handed-treatment-of-groups",
            "even-handed-treatment-of-groups",
            "Groups are treated even-handedly",
        ),
        Piece(", under the lead-in; merged with "),
        Piece("old-obligation", replaced=True),
        Piece("."),
    )
    assert "".join(p.text for p in pieces).startswith("9.2.8 is even-handedly")
