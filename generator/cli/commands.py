"""The commands behind the CLI. Each reads, validates, then writes; each returns an exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.core.fileio import WriteError, write_tree_swap
from generator.core.problems import Problem, Severity
from generator.drafting.printed import model_words
from generator.map.obligations import coverage
from generator.map.report import protocol_reports, render_report
from generator.outputs.opendata import matrix_csv, obligations_data, protocols_data, to_json
from generator.project import Project, load_project


def _report(problems: list[Problem], strict: bool = False) -> bool:
    """Print problems to stderr; True when they stop the command."""
    for p in sorted(problems, key=lambda p: (p.path, p.line, p.message)):
        print(p, file=sys.stderr)
    n_err = sum(1 for p in problems if p.severity is Severity.ERROR)
    n_warn = len(problems) - n_err
    if problems:
        print(f"{n_err} error(s), {n_warn} warning(s)", file=sys.stderr)
    return n_err > 0 or (strict and n_warn > 0)


def _load(args: argparse.Namespace, strict: bool = False) -> Project | None:
    project, problems = load_project(Path(args.root))
    return None if _report(problems, strict) else project


def check(args: argparse.Namespace) -> int:
    """Read and validate the source protocols and clauses.yaml; print every problem.

    Problems print as PATH:LINE: message; the exit status is 1 if there are errors (or,
    with --strict, warnings). Prints each protocol's clause count and map coverage. With
    --report, also prints per protocol: positions, strength differences with their reasons,
    suspected duplicates (obligations citing the same clauses) and unmapped clauses that
    contain a normative verb.
    Then lists the positions still to review: those 'ingest' suggested (marked 'suggested:
    true'), each as clauses.yaml:LINE. Remove 'suggested: true' once a person has checked it.

    Example:
      python -m generator check --strict
      python -m generator check --report
    """
    project, problems = load_project(Path(args.root))
    failed = _report(problems, args.strict)
    for p in project.protocols:
        line = f"{p.slug}: {sum(1 for _ in p.body_clauses())} clauses"
        if project.obligations:
            cited, unmapped, total = coverage(project.obligations, p)
            pct = 100 * (cited + unmapped) / total if total else 100.0
            line += f", {cited} cited, {unmapped} unmapped, {pct:.0f}% accounted for"
        print(line)
    if project.obligations:
        print(
            f"{len(project.obligations.obligations)} obligations in "
            f"{len(project.obligations.themes)} themes"
        )
        _to_review(project)
        if getattr(args, "report", False):
            reports = protocol_reports(project.obligations, project.protocols)
            print()
            print(render_report(reports), end="")
    return 1 if failed else 0


def _to_review(project: Project) -> None:
    """List the suggested positions not yet reviewed, by protocol, located in clauses.yaml."""
    omap = project.obligations
    if omap is None:
        return
    for p in project.protocols:
        rows = [
            (s.line, o.id, s)
            for o in omap.obligations
            if (s := o.sources.get(p.slug)) is not None and s.suggested
        ]
        if not rows:
            continue
        print(f"{p.slug}: {len(rows)} suggested position(s) still to review:")
        for line, oid, s in sorted(rows):
            what = s.status.value + (f", {s.strength.value}" if s.strength else "")
            cited = f" ({', '.join(s.clauses)})" if s.clauses else ""
            print(f"  {omap.path}:{line}: {oid}: {what}{cited}")


def export(args: argparse.Namespace) -> int:
    """Write open data: DIR/protocols.json, DIR/obligations.json and DIR/matrix.csv.

    Nothing is written unless everything validates; DIR is replaced whole, or not at all
    (a failed write leaves the previous output as it was). Exit status: 0 written, 1 the
    sources have errors, 2 the output could not be written.

    Example:
      python -m generator export build/data
    """
    project = _load(args)
    if project is None:
        return 1
    files = {"protocols.json": to_json(protocols_data(project.protocols), pretty=True)}
    if project.obligations:
        files["obligations.json"] = to_json(
            obligations_data(
                project.obligations,
                project.protocols,
                model_words(project.obligations, project.protocols),
            ),
            pretty=True,
        )
        files["matrix.csv"] = matrix_csv(project.obligations, project.protocols)
    try:
        write_tree_swap(Path(args.dir), files)
    except WriteError as exc:
        print(exc, file=sys.stderr)
        return 2
    for name in sorted(files):
        print(Path(args.dir) / name)
    return 0


def pages(args: argparse.Namespace) -> int:
    """Write the generated site pages (Markdown and data) into DIR, for any static-site engine.

    MkDocs adds the same pages itself through hooks.py; this command is for engines that
    run no hooks, and for reviewing the generated Markdown. DIR is replaced whole, or not at
    all. Exit status: 0 written, 1 the sources have errors, 2 the output could not be written.

    Example:
      python -m generator pages build/pages
    """
    from generator.site.build import build_pages

    project = _load(args)
    if project is None:
        return 1
    files = build_pages(project)
    try:
        write_tree_swap(Path(args.dir), files)
    except WriteError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"{len(files)} files written to {args.dir}")
    return 0
