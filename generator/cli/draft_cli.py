"""The ``draft`` command: a council's own protocol from the model, as Word or Markdown.

A thin shell: read the answers (file and options), validate everything, build the
:class:`~generator.drafting.model_protocol.ModelProtocol`, render it, write it atomically,
and say what was chosen and why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.core.fileio import write_atomic
from generator.core.problems import Problem, Severity
from generator.drafting.answer_values import MAX_LENGTH, text_problem
from generator.drafting.answers import COMMAND_LINE, KEYS, LIST_KEYS, Answers, read_answers
from generator.drafting.docx_writer import model_docx
from generator.drafting.model_checks import draft_problems
from generator.drafting.model_protocol import GROUP_TITLE, ModelProtocol, build, candidates
from generator.map.obligations import ModelScope
from generator.project import load_project
from generator.site.model_pages import model_markdown

FORMATS = ("docx", "md")
UNMAPPED = "is neither cited by an obligation nor listed under 'unmapped'"


def register(sub: Any, add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``draft`` command to the command line."""
    p = add(sub, "draft", draft_command)
    p.add_argument("--answers", type=Path, metavar="FILE", help="YAML answers file (see examples/)")
    p.add_argument("--out", type=Path, metavar="FILE", help="the file to write (.docx or .md)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="docx or md (default: from the --out file's extension, else docx)",
    )
    p.add_argument("--force", action="store_true", help="replace --out if it already exists")
    p.add_argument(
        "--list",
        action="store_true",
        help="list the clauses that can be switched on or off, with their ids, and stop",
    )
    group = p.add_argument_group("answers as options (each overrides the same key in --answers)")
    for key in KEYS:
        flag = "--" + key.replace("_", "-")
        if key in LIST_KEYS:
            group.add_argument(
                flag,
                action="append",
                metavar="ID",
                help=f"optional clause id to {key} (repeat, or separate ids with commas)",
            )
        else:
            group.add_argument(flag, metavar="TEXT", help=_HELP.get(key, key.replace("_", " ")))


_HELP = {
    "council_name": "the council's full name, e.g. 'Little Snoring Parish Council' (required)",
    "tier": "parish, town, community, district, borough, county or unitary (required)",
    "nation": "england (default) or wales",
    "governance": "principal councils in England: executive (default) or committee",
    "head_officer_title": "e.g. Clerk, Town Clerk, Chief Executive (default by tier)",
    "civic_head_title": "the chair of the council: Chair, Mayor, Town Mayor (default by tier)",
    "leader_title": "executive councils: e.g. Leader of the Council",
    "proper_officer_title": "parish, town, community: who is the Proper Officer (default: "
    "the head officer)",
    "rfo_title": "parish, town, community: who is the Responsible Financial Officer "
    "(default: the head officer)",
    "monitoring_officer_council": "parish, town, community: the principal council whose "
    "monitoring officer serves the area",
    "staffing_committee": "e.g. Staffing Committee ('the' optional)",
    "officer_complaints_to": "who hears a councillor's concern about an officer (default: "
    "the head officer)",
    "head_officer_complaints_to": "who hears a councillor's concern about the head officer "
    "(never the head officer)",
    "adopted": "date of adoption, YYYY-MM-DD",
    "minute_reference": "the minute recording the adoption, e.g. 26/045",
    "review_due": "date of the next review, YYYY-MM-DD or YYYY-MM",
}


def draft_command(args: argparse.Namespace) -> int:
    """Draft your council's protocol from the model, as a Word (.docx) or Markdown file.

    Give your council's details in an answers file (--answers, YAML; see examples/) or as
    options (--council-name, --tier, ...); options override the file. Only council_name and
    tier are required: the head officer's title, the chair's title and the rest have
    defaults by tier. Core clauses are always included; optional clauses follow the
    defaults for your tier unless listed under include or exclude (--list shows them).
    Sections and clauses are numbered after that choice, with real Word numbering.

    Prints which optional clauses were included and why, and which details were filled in
    with a default. Refuses unknown keys, missing required ones, unknown clause ids and an
    existing output file (unless --force), naming the file and line. Exit status: 0 written,
    1 bad input, nothing written.

    Example:
      python -m generator draft --answers examples/answers-parish.yaml --out my-protocol.docx
    """
    root = Path(args.root)
    project, load_problems = load_project(root)
    # Clauses of the sources not yet mapped do not affect the model: not fatal here.
    unmapped = [p for p in load_problems if UNMAPPED in p.message]
    load_errors = [
        p for p in load_problems if p.severity is Severity.ERROR and UNMAPPED not in p.message
    ]
    if unmapped:
        print(
            f"note: {len(unmapped)} source clause(s) are not yet in the obligation map "
            "(run 'python -m generator check' for the list); the model is drafted anyway",
            file=sys.stderr,
        )
    if project.obligations is None or load_errors:
        if project.obligations is None:
            print(
                f"error: {root / 'clauses.yaml'} not found; the model protocol is assembled "
                "from it",
                file=sys.stderr,
            )
        _report(load_errors)
        return 1
    omap = project.obligations
    if args.list:
        print(list_optional(candidates(omap)))
        return 0

    answers, problems = _answers(args)
    fmt, out, out_problems = _output(args)
    problems += out_problems
    if answers is None or _errors(problems):
        _report(problems)
        return 1
    model, build_problems = build(omap, project.protocols, answers)
    problems += build_problems
    problems += [
        Problem(answers.path, 0, f"the draft would read badly: {m}") for m in draft_problems(model)
    ]
    _report(problems)
    if _errors(problems):
        return 1
    assert out is not None
    if fmt == "md":
        data: bytes | str = model_markdown(model)
    else:
        data = model_docx(model, when=dt.datetime.now(dt.UTC).replace(microsecond=0))
    try:
        write_atomic(out, data)
    except OSError as exc:
        print(
            f"{out}: cannot write the file ({exc.strerror or exc}); nothing written",
            file=sys.stderr,
        )
        return 1
    print(summary(model, answers, out))
    return 0


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def _report(problems: list[Problem]) -> None:
    for p in problems:
        print(p, file=sys.stderr)
    n = sum(1 for p in problems if p.severity is Severity.ERROR)
    if n:
        print(f"{n} error(s); nothing written", file=sys.stderr)


def _answers(args: argparse.Namespace) -> tuple[Answers | None, list[Problem]]:
    overrides: dict[str, Any] = {}
    for key in KEYS:
        value = getattr(args, key, None)
        if value is not None and key in LIST_KEYS:
            value = [v.strip() for item in value for v in item.split(",") if v.strip()]
        overrides[key] = value
    if args.answers is None:
        return read_answers(COMMAND_LINE, "", overrides)
    path = Path(args.answers)
    name = str(args.answers)
    if not path.is_file():
        return None, [
            Problem(
                name,
                0,
                "answers file not found" + (" (it is a directory)" if path.is_dir() else ""),
            )
        ]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "not UTF-8; save the file as UTF-8")]
    return read_answers(name, text, overrides)


def _output(args: argparse.Namespace) -> tuple[str, Path | None, list[Problem]]:
    out: Path | None = args.out
    if out is None:
        return (
            "docx",
            None,
            [
                Problem(
                    COMMAND_LINE,
                    0,
                    "--out FILE is required: the file to write, e.g. --out my-protocol.docx",
                )
            ],
        )
    suffix = out.suffix.lower().lstrip(".")
    fmt = args.format or (suffix if suffix in FORMATS else "docx")
    problems: list[Problem] = []
    if suffix not in FORMATS:
        problems.append(
            Problem(
                COMMAND_LINE,
                0,
                f"--out '{out}': the draft is written as Word (.docx) or Markdown (.md), so "
                f"the file name must end in .docx or .md (e.g. '{out.with_suffix('.docx')}')",
            )
        )
    elif suffix != fmt:
        problems.append(
            Problem(
                COMMAND_LINE,
                0,
                f"--format {fmt} but --out '{out}' ends in .{suffix}; name the file "
                f"'{out.with_suffix('.' + fmt)}' or drop --format",
            )
        )
    trouble = text_problem("--out", str(out)) if len(str(out)) <= MAX_LENGTH else None
    if trouble or len(out.name) > 200:
        problems.append(
            Problem(
                COMMAND_LINE,
                0,
                trouble
                or f"--out: the file name is {len(out.name)} characters long; use a shorter name",
            )
        )
        return fmt, out, problems
    if out.is_dir():
        problems.append(Problem(str(out), 0, "is a directory; --out needs a file name"))
    elif out.exists() and not args.force:
        problems.append(
            Problem(
                str(out),
                0,
                "already exists; nothing written. Use --force to replace it, or "
                "choose another --out file",
            )
        )
    return fmt, out, problems


def list_optional(pool: list[Any]) -> str:
    """The clauses that can be switched on or off, grouped by their default."""
    lines = ["Clauses that can be switched on or off (ids for include / exclude):"]
    for scope, heading in (
        (ModelScope.LOCAL, "On by default for parish, town and community councils"),
        (ModelScope.PRINCIPAL, "On by default for principal councils"),
        (ModelScope.OPTIONAL, "Off by default"),
    ):
        items = [o for o in pool if o.model_scope is scope]
        if not items:
            continue
        lines += ["", f"{heading}:"]
        lines += [f"  {o.id}\n      {o.title}" for o in items]
    return "\n".join(lines)


def summary(model: ModelProtocol, answers: Answers, out: Path) -> str:
    """What the command did, in words: what was written, what was chosen, what defaulted."""
    lines = [
        f"Wrote {out}: {answers.council_name} ({answers.tier.value} council; drafted for "
        f"{answers.kind.title}), "
        f"{len(model.clauses)} clauses in {len(model.sections)} sections.",
    ]
    on = [d for d in model.decisions if d.included]
    off = [d for d in model.decisions if not d.included]
    lines += ["", f"Optional clauses included ({len(on)}):"]
    lines += [f"  + {d.id}: {d.reason}" for d in on] or ["  (none)"]
    lines += ["", f"Optional clauses left out ({len(off)}; 'draft --list' shows their titles):"]
    by_reason: dict[str, list[str]] = {}
    for d in off:
        by_reason.setdefault(d.reason, []).append(d.id)
    for reason, ids in by_reason.items():
        lines.append(f"  - {reason}:")
        lines += textwrap.wrap(
            ", ".join(ids),
            width=96,
            initial_indent="      ",
            subsequent_indent="      ",
            break_on_hyphens=False,
        )
    if not off:
        lines.append("  (none)")
    if model.defaulted:
        lines += [
            "",
            f"Filled in with the default for {GROUP_TITLE[model.group]} (set these in your "
            "answers file to change them):",
        ]
        lines += [f"  {v.name}: {v.value}" for v in model.defaulted]
    missing = [c.label for c in model.cover if any(s.kind.value == "placeholder" for s in c.text)]
    if missing:
        lines += [
            "",
            f"Left for you to fill in on the cover: {', '.join(m.lower() for m in missing)} "
            "(or give adopted, minute_reference, review_due).",
        ]
    return "\n".join(lines)
