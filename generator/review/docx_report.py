"""A review report as a Word document a clerk can attach to committee papers.

Plain python-docx: built-in heading and table styles, A4, UK English, the document's title,
subject and keywords filled in. Deterministic: fixed creation date and a stable zip.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from generator.drafting.docx_writer import package, reference_document, without_table_look
from generator.map.obligations import ObligationMap
from generator.review.render import INTRO, STATUS_HELP, clauses_words, strength_words, themes
from generator.review.report import FINDING_WORDS, Finding, Report

FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def to_docx(report: Report, omap: ObligationMap) -> bytes:
    doc = reference_document()  # the model's parts: A4, en-GB, styles valid for Word
    props = doc.core_properties
    props.title = f"Review of {report.protocol}"
    props.subject = "Councillor–officer protocol reviewed against the obligation map"
    props.author = "Councillor–officer protocols generator"
    props.keywords = "councillor; officer; protocol; review"
    props.language = "en-GB"
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.last_modified_by = props.author
    props.revision = 1

    doc.add_heading(f"Review of {report.protocol}", level=0)
    doc.add_paragraph(INTRO)
    doc.add_paragraph(f"Read as {report.kind}: {report.clauses} clauses.")
    summary = report.summary()
    _table(
        doc,
        ("Finding", "Meaning", "Obligations"),
        [(FINDING_WORDS[f], STATUS_HELP[f], str(summary[f.value])) for f in Finding],
    )

    doc.add_heading("Core obligations to add", level=1)
    if not report.to_add:
        doc.add_paragraph(
            "Every core obligation of the model was found, in full, in part or uncertain."
        )
    for o in report.to_add:
        doc.add_heading(o.title, level=2)
        where = f" (model clause {o.model_number})" if o.model_number else ""
        doc.add_paragraph(f"Model wording{where}:")
        for line in (o.model_text or "").split("\n"):
            doc.add_paragraph(line, style="Clause Note")

    doc.add_heading("Weaker than the model", level=1)
    if not report.weaker:
        doc.add_paragraph("No obligation found is worded more weakly than the model.")
    else:
        _table(
            doc,
            ("Obligation", "Their clauses", "Theirs", "Model"),
            [
                (
                    o.title,
                    clauses_words(o),
                    o.theirs.value if o.theirs else "",
                    o.model.value if o.model else "",
                )
                for o in report.weaker
            ],
        )

    doc.add_heading("Every obligation", level=1)
    for group in themes(report, omap):
        doc.add_heading(group.title, level=2)
        _table(
            doc,
            ("Obligation", "Finding", "Their clauses", "Strength"),
            [
                (o.title, FINDING_WORDS[o.status], clauses_words(o), strength_words(o))
                for o in group.obligations
            ],
        )

    doc.add_heading("Their own content", level=1)
    if not report.unmatched:
        doc.add_paragraph("Every clause matched an obligation.")
    for c in report.unmatched:
        p = doc.add_paragraph()
        p.add_run(f"{c.name} ").bold = True
        p.add_run(c.text)
    for table in doc.tables:
        without_table_look(table)
    return package(doc)


def _table(doc: DocumentObject, headings: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A grid table: a header row of ``headings`` (bold, repeated on each page), then ``rows``."""
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    _header(table)
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def _header(table: object) -> None:
    """Mark a table's first row as a header row (repeated on each page, read as headers)."""
    row = table.rows[0]  # type: ignore[attr-defined]
    tr_pr = row._tr.get_or_add_trPr()
    el = tr_pr.makeelement(qn("w:tblHeader"), {})
    tr_pr.append(el)
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
