"""Reading the whole project: the protocols and the obligation map, validated together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.problems import Problem
from generator.core.types import Protocol
from generator.drafting.model_checks import check_wording
from generator.map.obligations import ObligationMap, load_map
from generator.sources.load import read_protocols


@dataclass(frozen=True)
class Project:
    """Everything the generator reads, after validation."""

    root: Path
    """The project directory."""
    protocols: tuple[Protocol, ...]
    """The protocols, in the order of their seed files."""
    obligations: ObligationMap | None
    """The obligation map, or None when clauses.yaml is missing."""


def load_project(root: Path) -> tuple[Project, list[Problem]]:
    """Read and validate ``source_protocols/`` and ``clauses.yaml``; all problems at once."""
    protocols, problems = read_protocols(root / "source_protocols")
    protocols.sort(key=lambda p: (p.meta.source, p.slug))
    omap: ObligationMap | None = None
    map_path = root / "clauses.yaml"
    if map_path.exists():
        rel = _display(map_path, root)
        data = map_path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            problems.append(Problem(rel, line, "not UTF-8; save the file as UTF-8"))
        else:
            omap, bad = load_map(rel, text, protocols)
            problems += bad
            if omap is not None:
                problems += check_wording(omap)
    return Project(root, tuple(protocols), omap), problems


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        try:
            return str(path.relative_to(root))
        except ValueError:
            return str(path)
