"""The ``review`` and ``ingest`` commands: a council's own protocol against the map."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.core.fileio import check_target, format_named_by, write_atomic
from generator.core.problems import Problem, Severity
from generator.core.types import Tier
from generator.diff.importers import read_any
from generator.project import Project, load_project
from generator.review.ingest import NewProtocol, prepare
from generator.review.match import review
from generator.review.reference import build_reference, model_kind
from generator.review.render import Format, render

# Exit statuses.
OK, TROUBLE = 0, 2


def register(sub: Any, add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add ``review`` and ``ingest`` to the command line."""
    p = add(sub, "review", review_command)
    p.add_argument(
        "theirs", type=Path, metavar="THEIRS", help="their protocol (.md, .txt or .docx)"
    )
    p.add_argument(
        "-f",
        "--format",
        choices=[f.value for f in Format],
        help="html, markdown, docx or json (default: from the --output file's extension, "
        "else markdown)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the report to FILE")
    p.add_argument("--force", action="store_true", help="overwrite the --output file if it exists")
    p.add_argument(
        "--tier",
        choices=[t.value for t in Tier],
        help="their council's tier, for the model wording suggested (default: the 'tier' in "
        "THEIRS's front matter, else parish)",
    )
    p.add_argument(
        "--hold-out",
        metavar="SLUG",
        help="leave one mapped protocol's clauses and positions out of the comparison (to see "
        "how one of the mapped protocols would fare as a new council's)",
    )
    register_ingest(sub, add)


def review_command(args: argparse.Namespace) -> int:
    """Review a council's own protocol against the obligation map and the model protocol.

    Every obligation of the map is reported as found (their clause numbers, a score from 0 to
    1, and their strength against the model's: must, should, may or expected), partial,
    uncertain (a person should look) or not_found; then their clauses that match no
    obligation (their own content); and, for each core obligation of the model not found,
    the model wording to add. THEIRS may be this project's Markdown, plain text as published
    (from a PDF) or a Word document, read as ``diff`` reads them.

    Formats: html (a standalone, accessible page), markdown, docx (for committee papers) and
    json. The report is written to --output atomically, and an existing file is replaced only
    with --force.

    Exit status: 0 the report was made; 2 trouble (a file that cannot be read or has no
    clauses, errors in clauses.yaml, an --output that exists or cannot be written).

    Example:
      python -m generator review our-protocol.docx -o review.html
    """
    fmt, output, problems = _output(args)
    if problems:
        _print(problems)
        return TROUBLE
    revision, problems = read_any(args.theirs)
    _print(problems)
    if revision is None or _errors(problems):
        return TROUBLE
    project = _project(Path(args.root))
    if project is None or project.obligations is None:
        return TROUBLE
    slugs = [p.slug for p in project.protocols]
    if args.hold_out and args.hold_out not in slugs:
        _print(
            [
                Problem(
                    "--hold-out",
                    0,
                    f"no mapped protocol '{args.hold_out}'; one of: {', '.join(slugs)}",
                )
            ]
        )
        return TROUBLE
    reference = build_reference(
        project.obligations, project.protocols, args.hold_out, model_kind(_tier(args))
    )
    report = review(args.theirs.name, revision.kind.value, revision.clauses, reference)
    data = render(report, project.obligations, fmt)
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return OK
    try:
        write_atomic(output, data)
    except OSError as exc:
        _print([Problem(str(output), 0, f"cannot write: {exc.strerror or exc}")])
        return TROUBLE
    s = report.summary()
    print(
        f"{output}: {s['found']} found, {s['partial']} partial, {s['uncertain']} uncertain, "
        f"{s['not_found']} not found; {len(report.to_add)} core obligation(s) to add",
        file=sys.stderr,
    )
    return OK


def _tier(args: argparse.Namespace) -> Tier:
    """--tier, else the tier in THEIRS's front matter (a source protocol), else parish."""
    if args.tier:
        return Tier(args.tier)
    try:
        head = args.theirs.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError:
        return Tier.PARISH
    found = re.search(r"^tier:\s*['\"]?([a-z]+)", head.split("\n---", 1)[0], re.MULTILINE)
    if head.startswith("---") and found and found.group(1) in {t.value for t in Tier}:
        return Tier(found.group(1))
    return Tier.PARISH


def _output(args: argparse.Namespace) -> tuple[Format, Path | None, list[Problem]]:
    output: Path | None = args.output
    named = args.format or format_named_by(output)
    fmt = Format(named) if named in {f.value for f in Format} else Format.MARKDOWN
    if output is None:
        if fmt is Format.DOCX and sys.stdout.isatty():
            return (
                fmt,
                None,
                [
                    Problem(
                        "--format docx",
                        0,
                        "a Word document cannot be shown here; give --output FILE.docx",
                    )
                ],
            )
        return fmt, None, []
    if output.is_dir():
        return (
            fmt,
            output,
            [Problem(str(output), 0, "is a directory; give a file name for --output")],
        )
    refused = check_target(output, args.force)  # never a link, a FIFO or a device
    if refused is not None:
        return fmt, output, [Problem(str(output), 0, refused.split(": ", 1)[1])]
    return fmt, output, []


def _project(root: Path) -> Project | None:
    project, problems = load_project(root)
    if _errors(problems):
        _print([p for p in problems if p.severity is Severity.ERROR])
        print(
            f"{root / 'clauses.yaml'}: has errors, so nothing can be reviewed against it; "
            "run: python -m generator check",
            file=sys.stderr,
        )
        return None
    if project.obligations is None:
        print(f"{root / 'clauses.yaml'}: no obligation map to review against", file=sys.stderr)
        return None
    return project


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def _print(problems: list[Problem]) -> None:
    for p in problems:
        print(p, file=sys.stderr)


def register_ingest(sub: Any, add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add(sub, "ingest", ingest_command)
    p.add_argument("file", type=Path, metavar="FILE", help="the protocol (.md, .txt or .docx)")
    p.add_argument("--slug", required=True, help="its short id, e.g. 'little-snoring'")
    p.add_argument("--council", required=True, help="the council's name")
    p.add_argument("--tier", required=True, choices=[t.value for t in Tier], help="its tier")
    p.add_argument("--title", help="the protocol's title (default: its first heading)")
    p.add_argument("--adopted", help="when it was adopted: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--review-due", help="when it is next due for review")
    p.add_argument("--based-on", help="the model or earlier text it says it follows")


def ingest_command(args: argparse.Namespace) -> int:
    """Add a council's protocol to source_protocols/ and suggest its positions in clauses.yaml.

    FILE may be this project's Markdown, plain text as published (from a PDF) or a Word
    document. The protocol is written as source_protocols/SLUG.md (with front matter) beside
    its seed text, and every obligation of clauses.yaml gets this protocol's suggested
    position, marked 'suggested: true' for a person to confirm (python -m generator check
    lists them). Existing files are never overwritten, and clauses.yaml keeps its comments and
    order. Nothing is written if anything is wrong.

    Exit status: 0 added; 2 trouble (an unreadable file, a slug already used or invalid, a
    seed or source file that already exists, errors in clauses.yaml).

    Example:
      python -m generator ingest little-snoring.txt --slug little-snoring \\
          --council "Little Snoring Parish Council" --tier parish
    """
    root = Path(args.root)
    new = NewProtocol(
        file=args.file,
        slug=args.slug,
        council=args.council,
        tier=Tier(args.tier),
        title=args.title,
        adopted=args.adopted,
        review_due=args.review_due,
        based_on=args.based_on,
    )
    result, problems = prepare(root, new)
    for p in problems:
        print(p, file=sys.stderr)
    if result is None:
        return TROUBLE
    seed_path = root / "source_protocols" / "seeds" / result.seed_name
    source_path = root / "source_protocols" / f"{args.slug}.md"
    written: list[Path] = []
    try:
        for path, text in ((seed_path, result.seed), (source_path, result.source)):
            write_atomic(path, text)
            written.append(path)
        write_atomic(root / "clauses.yaml", result.clauses_yaml)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        print(f"cannot write: {exc.strerror or exc}; nothing was added", file=sys.stderr)
        return TROUBLE
    s = result.report.summary()
    print(f"{source_path}: added ({result.report.clauses} clauses)")
    print(
        f"clauses.yaml: suggested positions for {args.slug}: {s['found']} full, "
        f"{s['partial']} partial, {s['uncertain']} uncertain (written as absent), "
        f"{s['not_found']} absent; {result.unmapped} clause(s) under unmapped"
    )
    print("to review them: python -m generator check")
    return OK
