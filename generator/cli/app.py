"""Command-line interface: a thin shell over the library. ``python -m generator --help``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator.cli import commands, diff_cli, draft_cli, review_cli
from generator.core.suggest import hint

ROOT = Path(__file__).resolve().parents[2]

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse, offering the closest command or option value for a mistyped one (its
    sub-commands' parsers are of this class too)."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            names = [str(c) for c in choices]
            raise argparse.ArgumentError(
                action,
                f"invalid choice: '{value}'{hint(str(value), names)}; "
                f"choose from {', '.join(names)}",
            )
        super()._check_value(action, value)


def _add(
    sub: argparse._SubParsersAction[_Parser], name: str, func: Handler
) -> argparse.ArgumentParser:
    doc = (func.__doc__ or "").strip()
    summary = doc.splitlines()[0] if doc else name
    parser = sub.add_parser(
        name,
        help=summary,
        description=doc,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=func)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m generator",
        description=(
            "Councillor-officer protocols: check the sources and the obligation map, export "
            "open data, build site pages, draft a model protocol, diff two revisions, review a "
            "council's own protocol against the map and add it."
        ),
        epilog="Example: python -m generator check",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="project directory holding source_protocols/ and clauses.yaml (default: this one)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _add(sub, "check", commands.check)
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument(
        "--report",
        action="store_true",
        help="also print, per protocol, positions, strength differences and their reasons, "
        "suspected duplicates and unmapped clauses with a normative verb",
    )

    p = _add(sub, "export", commands.export)
    p.add_argument("dir", type=Path, help="directory to write protocols.json and obligations.json")

    p = _add(sub, "pages", commands.pages)
    p.add_argument("dir", type=Path, help="directory to write the generated site pages into")

    for register in (diff_cli.register, draft_cli.register, review_cli.register):
        register(sub, _add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
