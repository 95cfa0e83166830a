"""The 'Check your protocol' page: how a clerk reviews their council's protocol against the
map, with the report for one of the mapped protocols reviewed as if it were new.

The example report is the review's own :class:`~generator.review.report.Report`, rendered by
the site's template (``pages/check.md.j2``) with the review's words for findings and strengths.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.types import Protocol
from generator.project import Project
from generator.review.match import review
from generator.review.reference import build_reference, model_kind
from generator.review.render import (
    INTRO,
    STATUS_HELP,
    ThemeGroup,
    clauses_words,
    strength_words,
    themes,
)
from generator.review.report import FINDING_WORDS, Finding, Report
from generator.site.render import render

CHECK = "check.md"
EXAMPLE = "west-mersea"
"""The protocol shown: West Mersea's own is due for review in November 2026."""


@dataclass(frozen=True)
class FindingCount:
    words: str
    help: str
    count: int


@dataclass(frozen=True)
class CheckPage:
    protocol: Protocol
    """The protocol reviewed as the example."""
    others: int
    """How many other protocols it is compared with."""
    report: Report
    intro: str
    findings: tuple[FindingCount, ...]
    themes: tuple[ThemeGroup, ...]


def review_pages(project: Project) -> dict[str, str | bytes]:
    """``{'check.md': page}``, or nothing without the map."""
    omap = project.obligations
    if omap is None or not project.protocols:
        return {}
    by_slug = {p.slug: p for p in project.protocols}
    p = by_slug.get(EXAMPLE, project.protocols[0])
    reference = build_reference(omap, project.protocols, p.slug, model_kind(p.meta.tier))
    report = review(f"{p.slug}.md", "markdown", p.clauses, reference)
    summary = report.summary()
    view = CheckPage(
        protocol=p,
        others=len(project.protocols) - 1,
        report=report,
        intro=INTRO,
        findings=tuple(
            FindingCount(FINDING_WORDS[f], STATUS_HELP[f], summary[f.value]) for f in Finding
        ),
        themes=themes(report, omap),
    )
    page = render(
        "pages/check.md.j2",
        view=view,
        page=CHECK,
        finding_words=FINDING_WORDS,
        clauses_words=clauses_words,
        strength_words=strength_words,
    )
    return {CHECK: page}
