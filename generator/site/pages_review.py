"""The 'Check your protocol' page: how a clerk reviews their council's protocol against the
map, with the report for one of the mapped protocols reviewed as if it were new."""

from __future__ import annotations

from generator.core import links
from generator.project import Project
from generator.review.match import review
from generator.review.reference import build_reference, model_kind
from generator.review.render import to_markdown

CHECK = "check.md"
EXAMPLE = "west-mersea"
"""The protocol shown: West Mersea's own is due for review in November 2026."""


def review_pages(project: Project) -> dict[str, str | bytes]:
    """``{'check.md': page}``, or nothing without the map."""
    omap = project.obligations
    if omap is None or not project.protocols:
        return {}
    by_slug = {p.slug: p for p in project.protocols}
    p = by_slug.get(EXAMPLE, project.protocols[0])
    reference = build_reference(omap, project.protocols, p.slug, model_kind(p.meta.tier))
    report = review(f"{p.slug}.md", "markdown", p.clauses, reference)
    example = to_markdown(
        report, omap, level=3, link=lambda oid: links.rel(CHECK, links.obligation_page(oid))
    )
    others = len(project.protocols) - 1
    page = [
        "# Check your protocol",
        "",
        "If your council has its own councillor–officer protocol, you can compare it with the "
        "obligation map on this site and with the model protocol. The report lists, for every "
        "obligation, whether your protocol states it (found, partial, uncertain or not found), "
        "which of your clauses say it, and how strongly (must, should, may or expected) "
        "against the model's wording; then the clauses of yours that match no obligation; and, "
        "for each core obligation of the model you do not have, the model wording to add.",
        "",
        "The report is made by a program that compares wording. Check every finding before you "
        "rely on it, above all those marked uncertain, and the strength: a program reads the "
        "verb, a person reads the meaning.",
        "",
        "## How to run it",
        "",
        "Save your protocol as a Word document (`.docx`), as plain text (`.txt`, for example "
        "copied from a PDF) or as Markdown, then, in a copy of this project:",
        "",
        "```sh",
        "python -m generator review our-protocol.docx -o review.html",
        "python -m generator review our-protocol.txt -f docx -o review.docx --tier town",
        "python -m generator review our-protocol.txt -f json",
        "```",
        "",
        "- `-f` / `--format`: `html` (a page that opens in any browser, readable on a phone), "
        "`markdown`, `docx` (a report you can attach to committee papers) or `json`; by "
        "default taken from the `-o` file's extension.",
        "- `-o FILE`: where to write the report; an existing file is replaced only with "
        "`--force`, and a report is never left half-written.",
        "- `--tier`: your council's tier, so the model wording suggested uses the right titles "
        "(Clerk or Chief Executive).",
        "",
        "It exits with 0 when the report was made and 2 when something was wrong (a file that "
        "cannot be read, or an existing output file), with the file and the cause named.",
        "",
        "To add your council to the map, `python -m generator ingest our-protocol.txt --slug "
        'our-council --council "Our Town Council" --tier town` writes your protocol into '
        "`source_protocols/` and its suggested positions into `clauses.yaml`, each marked "
        "*suggested, not yet reviewed* until a person confirms it; `python -m generator "
        "check` lists what is still to review.",
        "",
        f"## Example: {p.meta.council}",
        "",
        f"{p.meta.council}'s protocol, reviewed as if it were new: its own clauses and "
        f"positions were left out, so it is compared only with the other {others} councils' "
        "protocols and the model. Its curated positions are on its "
        f"[protocol page]({links.rel(CHECK, links.protocol_page(p.slug))}).",
        "",
        example,
    ]
    return {CHECK: "\n".join(page)}
