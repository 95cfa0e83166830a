"""Reading the whole project: the protocols and the obligation map, validated together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.decoding import decode_text
from generator.core.problems import Problem
from generator.core.types import Protocol
from generator.drafting.model_checks import check_wording
from generator.map.load import load_map
from generator.map.obligations import ObligationMap
from generator.map.quotes import quote_problems
from generator.map.strength import strength_problems
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
    # A protocol file that failed to load has reported its own errors: the map's entries
    # for it are not checked again (no cascade of "unknown protocol").
    unreadable = frozenset(f.stem for f in (root / "source_protocols").glob("*.md")) - {
        p.slug for p in protocols
    }
    if map_path.exists() or map_path.is_symlink():
        rel = _display(map_path, root)
        if not map_path.is_file():
            what = "a folder" if map_path.is_dir() else _not_regular(map_path)
            problems.append(Problem(rel, 0, f"is {what}; the obligation map must be a file"))
            return Project(root, tuple(protocols), None), problems
        try:
            data = map_path.read_bytes()
        except OSError as exc:
            problems.append(Problem(rel, 0, f"cannot read: {exc.strerror or exc}"))
            data = None
        text, bad = decode_text(rel, data) if data is not None else (None, [])
        problems += bad
        if text is not None:
            omap, bad = load_map(rel, text, protocols, unreadable)
            problems += bad
            # The model and strength checks read every protocol's entries: with one missing
            # they would only repeat its errors, so they wait until it loads.
            if omap is not None and not unreadable:
                problems += check_wording(omap)
                problems += strength_problems(omap, protocols)
                problems += quote_problems(omap, protocols)
    return Project(root, tuple(protocols), omap), problems


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        try:
            return str(path.relative_to(root))
        except ValueError:
            return str(path)


def _not_regular(path: Path) -> str:
    """What a path that is neither a file nor a folder is, in a few words."""
    if path.is_symlink() and not path.exists():
        return "a broken symbolic link"
    return "not a regular file (a pipe, a socket or a device)"
