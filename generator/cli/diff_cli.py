"""The ``diff`` command: compare two revisions of a protocol, clause by clause."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.core.fileio import check_target, format_named_by, write_atomic, write_error
from generator.core.problems import Problem, Severity
from generator.core.types import Clause
from generator.diff.compare import Comparison, Options, compare, match_protocol, obligation_effects
from generator.diff.importers import read_any
from generator.diff.render import Format, render
from generator.project import load_project
from generator.sources.load import read_protocols

# Exit statuses, as diff(1).
SAME, DIFFERENT, TROUBLE = 0, 1, 2


def register(sub: Any, add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add ``diff`` to the command line."""
    p = add(sub, "diff", diff_command)
    p.add_argument("old", type=Path, help="the earlier revision (.md, .txt or .docx)")
    p.add_argument("new", type=Path, help="the later revision (.md, .txt or .docx)")
    p.add_argument(
        "-f",
        "--format",
        choices=[f.value for f in Format],
        help="output format (default: from the --output file's extension, .html, .md or "
        ".json, else text)",
    )
    p.add_argument("-o", "--output", type=Path, help="write to FILE instead of the terminal")
    p.add_argument("--force", action="store_true", help="overwrite the --output file if it exists")
    p.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour text output: auto (only on a terminal, unless NO_COLOR is set), "
        "always or never",
    )
    p.add_argument(
        "--no-obligations",
        action="store_true",
        help="do not summarise the effect on the obligation map (clauses.yaml under --root)",
    )
    p.add_argument(
        "--ignore-numbers",
        action="store_true",
        help="compare wording only: do not report renumbering (for texts numbered "
        "differently, such as a council's text against an unnumbered model)",
    )


def diff_command(args: argparse.Namespace) -> int:
    """Compare two revisions of a protocol clause by clause and show what really changed.

    Each revision may be in this project's Markdown format (with or without front matter),
    plain text (one paragraph per line as Word or LibreOffice "save as text" writes it, text
    copied from a web page, or pdftotext output with page breaks and running headers; UTF-8,
    UTF-16 or Windows-1252) or a Word document (.docx, typed or automatic numbering, or one
    paragraph per printed line). Clauses are paired by wording and number, so a paragraph
    inserted near the top does not make everything after it look changed: changes are
    reported as added, removed, modified (with a word-level redline; cosmetic when only case,
    punctuation or spacing changed), moved, renumbered, split or merged, and a change in the
    force of the normative verb (should -> must, must not -> must) is called out.

    Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble (a file that cannot
    be read, is of unknown kind, damaged, or has no clauses; an --output that is not a
    regular file or cannot be written), with one line naming the file.

    Example:
      python -m generator diff crawley_2020.txt crawley_2024.docx --format html -o changes.html
    """
    output: Path | None = args.output
    named = args.format or format_named_by(output)
    fmt = Format(named) if named in {f.value for f in Format} else Format.TEXT
    if output is not None:
        refused = check_target(output, args.force)
        if refused is not None:
            print(refused, file=sys.stderr)
            return TROUBLE
    old, problems_old = read_any(args.old)
    new, problems_new = read_any(args.new)
    problems = problems_old + problems_new
    for p in problems:
        print(p, file=sys.stderr)
    if old is None or new is None or _errors(problems):
        return TROUBLE
    old_name, new_name = _names(args.old, args.new)
    comparison = compare(
        old.clauses,
        new.clauses,
        Options(ignore_numbers=args.ignore_numbers),
        old_name=old_name,
        new_name=new_name,
    )
    if not args.no_obligations:
        comparison = with_obligations(comparison, old.clauses, Path(args.root), new.clauses)
    color = output is None and fmt is Format.TEXT and _use_color(args.color)
    text = render(comparison, fmt, color=color)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            write_atomic(output, text)
        except OSError as exc:
            print(write_error(output, exc), file=sys.stderr)
            return TROUBLE
        counts = comparison.summary()
        total = sum(counts.values())
        print(f"{output}: {total} change(s) written", file=sys.stderr)
    return SAME if comparison.identical else DIFFERENT


def with_obligations(
    comparison: Comparison, old: Sequence[Clause], root: Path, new: Sequence[Clause] = ()
) -> Comparison:
    """Add the effect on the obligation map when the old revision is one of its protocols.

    Reading clauses.yaml takes a moment, so it is read only after the old revision has been
    matched to a protocol in ``root/source_protocols``.
    """
    if not (root / "clauses.yaml").is_file() or not (root / "source_protocols").is_dir():
        return comparison
    protocols, _ = read_protocols(root / "source_protocols")
    if match_protocol(old, protocols) is None:
        return comparison
    project, problems = load_project(root)
    protocol = match_protocol(old, project.protocols)
    if project.obligations is None or protocol is None:
        return comparison
    if _errors(problems):
        print(
            f"{root / 'clauses.yaml'}: has errors, so the effect on obligations is not shown; "
            "run: python -m generator check",
            file=sys.stderr,
        )
        return comparison
    summary = obligation_effects(
        comparison, old, protocol, project.obligations, project.protocols, new
    )
    return replace(comparison, obligations=summary)


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def _names(old: Path, new: Path) -> tuple[str, str]:
    """File names, or the paths as given when both files have the same name."""
    if old.name != new.name:
        return old.name, new.name
    return str(old), str(new)


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
