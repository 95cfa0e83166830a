"""A review report as JSON, Markdown, standalone HTML or a Word document.

Every format says the same things in the same order: the summary; the core obligations of the
model that were not found, each with the model wording to add; obligations stated more weakly
than the model; every obligation by theme; their clauses that match no obligation. Their
clauses are quoted exactly as they were read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.core.markdown_text import md_escape
from generator.map.obligations import ObligationMap
from generator.review.report import FINDING_WORDS, Finding, ObligationReview, Report
from generator.views.words_display import list_separator, listing


class Format(StrEnum):
    """The output formats of ``review``."""

    HTML = "html"
    MARKDOWN = "markdown"
    DOCX = "docx"
    JSON = "json"



INTRO = (
    "This report compares a council's protocol with the obligation map: the normative ideas "
    "found across the councillor–officer protocols of five councils, and the model protocol "
    "drafted from them. It was made by a program that compares wording; a person should check "
    "every finding before relying on it, above all those marked uncertain."
)
STATUS_HELP = {
    Finding.FOUND: "a clause states it",
    Finding.PARTIAL: "a clause states part of it",
    Finding.UNCERTAIN: "a clause resembles it, but does not clearly state it",
    Finding.NOT_FOUND: "no clause resembles it",
}


@dataclass(frozen=True)
class ThemeGroup:
    """The obligations of one theme, for the 'every obligation' part of a report."""

    title: str
    obligations: tuple[ObligationReview, ...]


def themes(report: Report, omap: ObligationMap) -> tuple[ThemeGroup, ...]:
    """The report's obligations grouped by the map's themes, in map order."""
    out = []
    for t in omap.themes:
        rows = tuple(o for o in report.obligations if o.theme == t.id)
        if rows:
            out.append(ThemeGroup(t.title, rows))
    return tuple(out)


def strength_words(o: ObligationReview) -> str:
    """'should (model: must)', 'should, as the model', or '' when nothing was found."""
    if o.theirs is None:
        return ""
    text = o.theirs.value
    if o.model is o.theirs:
        text += ", as the model"
    elif o.model is not None:
        text += f" (model: {o.model.value})"
    return text


def clauses_words(o: ObligationReview) -> str:
    """The clauses found, named as the site names them and listed as a person lists them
    ('clause 3.5 and paragraph 5 under “Officers”'), never by id."""
    parts = [e.clause.parts for e in o.evidence]
    if all(parts):
        return "".join(x.text + x.after for x in listing([p for p in parts if p]))
    names = [e.clause.name for e in o.evidence]
    return "".join(n + list_separator(i, len(names)) for i, n in enumerate(names))


def to_json(report: Report) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n"


def to_markdown(
    report: Report,
    omap: ObligationMap,
    level: int = 1,
    link: Callable[[str], str] | None = None,
) -> str:
    """The report as Markdown; its title at heading ``level``; obligation titles linked to
    ``link(obligation id)`` when given (the site's obligation pages)."""

    def h(depth: int, text: str) -> str:
        return f"{'#' * (level + depth)} {text}"

    def title(o: ObligationReview) -> str:
        text = md_escape(o.title)
        return f"[{text}]({link(o.id)})" if link else text

    s = report.summary()
    out = [
        h(0, f"Review of {md_escape(report.protocol)}"),
        "",
        INTRO,
        "",
        f"Read as {report.kind}: {report.clauses} clauses.",
        "",
        "| Finding | Obligations |",
        "|---|---|",
    ]
    for f in Finding:
        out.append(f"| {FINDING_WORDS[f]} ({STATUS_HELP[f]}) | {s[f.value]} |")
    out += ["", h(1, "Core obligations to add"), ""]
    if not report.to_add:
        out.append("Every core obligation of the model was found, in full, in part or uncertain.")
    for o in report.to_add:
        where = f" (model clause {o.model_number})" if o.model_number else ""
        out += [h(2, md_escape(o.title)), "", f"Model wording{where}:", ""]
        out += [
            f"> {md_escape(line)}" if line else ">" for line in (o.model_text or "").split("\n")
        ]
        out.append("")
    out += [h(1, "Weaker than the model"), ""]
    if not report.weaker:
        out.append("No obligation found is worded more weakly than the model.")
    else:
        out += ["| Obligation | Their clauses | Theirs | Model |", "|---|---|---|---|"]
        for o in report.weaker:
            theirs, model = o.theirs.value if o.theirs else "", o.model.value if o.model else ""
            out.append(f"| {title(o)} | {md_escape(clauses_words(o))} | {theirs} | {model} |")
    out += ["", h(1, "Every obligation"), ""]
    for group in themes(report, omap):
        out += [
            h(2, md_escape(group.title)),
            "",
            "| Obligation | Finding | Their clauses | Score | Strength |",
            "|---|---|---|---|---|",
        ]
        for o in group.obligations:
            out.append(
                f"| {title(o)} (`{o.id}`) | {FINDING_WORDS[o.status]} | "
                f"{md_escape(clauses_words(o))} | {o.score:.2f} | {strength_words(o)} |"
            )
        out.append("")
    out += [h(1, "Their own content"), ""]
    if not report.unmatched:
        out.append("Every clause matched an obligation.")
    else:
        out += ["Clauses that match no obligation of the map:", ""]
        for c in report.unmatched:
            out.append(f"- **{md_escape(c.name)}** {md_escape(c.text)}")
    return "\n".join(out).rstrip() + "\n"


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["strength_words"] = strength_words
    env.filters["clauses_words"] = clauses_words
    return env


def to_html(report: Report, omap: ObligationMap) -> str:
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            summary=report.summary(),
            findings=list(Finding),
            words=FINDING_WORDS,
            help=STATUS_HELP,
            intro=INTRO,
            themes=themes(report, omap),
        )
    )


def render(report: Report, omap: ObligationMap, fmt: Format) -> str | bytes:
    """The report in one format: text, or bytes for Word."""
    if fmt is Format.JSON:
        return to_json(report)
    if fmt is Format.MARKDOWN:
        return to_markdown(report, omap)
    if fmt is Format.HTML:
        return to_html(report, omap)
    from generator.review.docx_report import to_docx

    return to_docx(report, omap)
