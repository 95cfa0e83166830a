"""The effect of a revision on the obligation map: no longer covered, newly covered,
strengthened, weakened, reworded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.core.types import Protocol
from generator.diff.compare import EffectKind, compare, match_protocol, obligation_effects
from generator.map.obligations import (
    Obligation,
    ObligationKind,
    ObligationMap,
    Source,
    Status,
    Strength,
    Who,
)
from generator.sources.load import parse_protocol
from generator.sources.parse import parse_body

from .helpers import SEEDS, run_cli

FRONT = "---\ncouncil: {name}\ntitle: Protocol\ntier: town\nsource: x.txt\n---\n"

HERE = """\
# Protocol

## 1. Conduct

1.1 Councillors should treat officers with courtesy and respect at all times.

1.2 Officers must not be asked to do party political work of any kind.

1.3 The Clerk keeps a written record of every complaint made under this protocol.
"""

ELSEWHERE = """\
# Protocol

## 1. Information

1.1 Councillors have the same rights as any member of the public to request information
under the Freedom of Information Act 2000.
"""


def protocol(slug: str, body: str) -> Protocol:
    data = (FRONT.format(name=slug.title()) + body).encode()
    parsed, problems = parse_protocol(f"{slug}.md", data)
    assert parsed is not None, problems
    return parsed


def source(status: Status, *clauses: str) -> Source:
    strength = None if status is Status.ABSENT else Strength.SHOULD
    return Source(status, strength, clauses, None, 1)


def obligation(oid: str, here: Source, elsewhere: Source) -> Obligation:
    return Obligation(
        id=oid,
        title=oid.replace("-", " "),
        theme="conduct",
        who=Who.BOTH,
        kind=ObligationKind.DUTY,
        statement="",
        sources={"here": here, "elsewhere": elsewhere},
        line=1,
    )


@pytest.fixture
def world() -> tuple[Protocol, Protocol, ObligationMap]:
    here, elsewhere = protocol("here", HERE), protocol("elsewhere", ELSEWHERE)
    absent = source(Status.ABSENT)
    obligations = (
        obligation("courtesy", source(Status.FULL, "here-1-1"), absent),
        obligation("no-party-work", source(Status.FULL, "here-1-2"), absent),
        obligation("complaints-recorded", source(Status.PARTIAL, "here-1-3"), absent),
        obligation("foi-rights", absent, source(Status.FULL, "elsewhere-1-1")),
    )
    omap = ObligationMap("clauses.yaml", (), obligations, (), {o.id: o for o in obligations})
    return here, elsewhere, omap


def test_each_kind_of_effect(world: tuple[Protocol, Protocol, ObligationMap]) -> None:
    here, elsewhere, omap = world
    new_body = (
        HERE.replace("should treat", "must treat")
        .replace("must not be asked", "should not be asked")
        .replace(
            "1.3 The Clerk keeps a written record of every complaint made under this protocol.\n",
            "1.3 Councillors have the same rights as any member of the public to request "
            "information under the Freedom of Information Act.\n",
        )
    )
    old, _ = parse_body("old", HERE)
    new, _ = parse_body("new", new_body)
    comparison = compare(old, new)
    summary = obligation_effects(comparison, old, here, omap, (here, elsewhere))
    assert summary.protocol == "here"
    assert [(e.kind, e.obligation, e.clauses) for e in summary.effects] == [
        (EffectKind.NO_LONGER_COVERED, "complaints-recorded", ("1.3",)),
        (EffectKind.NEWLY_COVERED, "foi-rights", ("1.3",)),
        (EffectKind.STRENGTHENED, "courtesy", ("1.1",)),
        (EffectKind.WEAKENED, "no-party-work", ("1.2",)),
    ]


def test_a_revision_is_matched_to_its_protocol(
    world: tuple[Protocol, Protocol, ObligationMap],
) -> None:
    here, elsewhere, _ = world
    revision, _ = parse_body("r", HERE.replace("at all times", "always"))
    assert match_protocol(revision, [elsewhere, here]) is here
    unrelated, _ = parse_body("u", "# T\n\n1.1 Something else entirely.\n")
    assert match_protocol(unrelated, [elsewhere, here]) is None


def test_cli_reports_the_effect_on_the_map(tmp_path: Path) -> None:
    seed = SEEDS / "004_42e29fca7d98e6d8.txt"
    revised = tmp_path / "crawley_2024.txt"
    revised.write_text(
        seed.read_text(encoding="utf-8").replace(
            "officers should abide by this protocol", "officers must abide by this protocol"
        ),
        encoding="utf-8",
    )
    code, out, err = run_cli("diff", str(seed), str(revised), "--format", "json")
    assert code == 1, err
    effects = json.loads(out)["obligations"]
    assert effects["protocol"] == "crawley"
    assert any(e["clauses"] == ["1.6"] for e in effects["strengthened"]), effects
    code, out, _ = run_cli("diff", str(seed), str(revised), "-f", "json", "--no-obligations")
    assert json.loads(out)["obligations"] is None
