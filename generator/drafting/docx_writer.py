"""The model protocol as a Word document a clerk can edit. ModelProtocol in, bytes out.

The document starts from the project's own reference package, ``word/`` beside this module:
plain XML parts a reviewer can read (like pandoc's ``--reference-doc``), holding every style,
the list numbering, the page set-up, the settings and a theme, each defined once. Nothing else
is carried in: no thumbnail, no ``stylesWithEffects.xml`` (which Word would need kept in step
with the styles), no custom XML, no revision ids. This module only adds the text and fills in
the document properties.

What makes it a real Word document, not a printout:

- A4 portrait, 2.5 cm margins; Arial 11 pt and British English (``w:lang en-GB``) in the
  document defaults, so Word's spelling checker uses UK English everywhere.
- The title, subject, author, last author, keywords, description, category and language in
  the document properties.
- Section titles in **Heading 1** (so they appear in Word's navigation pane and a table of
  contents); the appendix of optional clauses groups them under **Heading 2**.
- **Real Word numbering bound to the styles**: one multilevel list in ``numbering.xml``
  (``1.`` / ``1.1`` / ``1.1.1``) whose levels belong to the Heading 1, Clause and Clause
  Item styles. Paragraphs carry only their style, no numbering of their own: a clerk who
  applies the Clause style in Word gets the next clause number, and one who inserts or
  deletes a clause gets the numbers after it renumbered. The printed model's appendix of
  optional clauses is the last numbered section.
- Cross-references are printed as text ("paragraph 5.1"): Word does not update them on its
  own, which is why the model keeps them few.
- Placeholders (in the model for no council in particular) are printed in [brackets] and
  highlighted, so they are found by eye and by Find.
- Deterministic: the 'created' and 'modified' times are the ``when`` given (a fixed date
  when none is), zip entries have a fixed date and a fixed order; two builds of the same
  model are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from generator.drafting.model_protocol import (
    GROUP_TITLE,
    ModelProtocol,
    SpanKind,
    Text,
    plain,
    section_key,
)

REFERENCE = Path(__file__).with_name("word")
"""The reference package: the Word parts every document starts from."""
LANG = "en-GB"
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The 'created' and 'modified' time of documents built without a date (the site's)."""
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's date: the earliest a zip can hold."""
FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
"""Zip entries written first (readers that stream a package expect them there); the rest
follow in name order."""
# Style ids, as defined in word/word/styles.xml (the first three carry the numbering).
HEADING_STYLE = "Heading1"
SUBHEADING_STYLE = "Heading2"
CLAUSE_STYLE = "Clause"
ITEM_STYLE = "ClauseItem"
NOTE_STYLE = "ClauseNote"
# The protocol's list, as defined in word/word/numbering.xml.
ABSTRACT_NUM_ID = 1
NUM_ID = 1
PROJECT_AUTHOR = "Councillor–officer protocols project"


@functools.lru_cache(maxsize=4)  # a rebuild under `mkdocs serve` asks again for the same model
def model_docx(model: ModelProtocol, when: dt.datetime | None = None) -> bytes:
    """The model protocol as .docx bytes. ``when`` is the 'created' and 'modified' time
    (default: a fixed date, so the site's downloads do not change from build to build)."""
    doc = Document(io.BytesIO(_reference()))
    _properties(doc, model, when or EPOCH)
    _cover(doc, model)
    for section in model.sections:
        _add(doc, HEADING_STYLE, section.title)
        for clause in section.clauses:
            _runs(_add(doc, CLAUSE_STYLE), clause.text)
            for item in clause.items:
                _runs(_add(doc, ITEM_STYLE), item)
    if model.tier is None:
        _appendix(doc, model)
    _footer(doc, model)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


def reference_document() -> DocumentObject:
    """A new, empty document on the project's reference package (its styles, numbering and A4
    page), for any Word file the project writes: the same parts, valid the same way."""
    return Document(io.BytesIO(_reference()))


def without_table_look(table: Table) -> None:
    """A table added with python-docx, made valid for Word 2007 (see :func:`_no_look`)."""
    _no_look(table)


def package(doc: DocumentObject) -> bytes:
    """The document's bytes, zipped with fixed dates and order (same input, same bytes)."""
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


@functools.cache
def _reference() -> bytes:
    """The reference package zipped (once): every file under REFERENCE."""
    files = {
        path.relative_to(REFERENCE).as_posix(): path.read_bytes()
        for path in REFERENCE.rglob("*")
        if path.is_file()
    }
    return _zip(files)


def _add(doc: DocumentObject, style_id: str, text: str = "") -> Paragraph:
    """A new paragraph at the end of the body in the style with id ``style_id`` (set by id:
    python-docx's look-up by name scans every style each time)."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = style_id
    return paragraph


def _runs(p: Paragraph, text: Text) -> Paragraph:
    """Add ``text`` to ``p``: placeholders in [brackets], the words inside highlighted.

    The brackets stay unhighlighted, so a paragraph never starts with a highlighted
    character: LibreOffice and Word format a paragraph's number (8.1) and the tab after it
    like its first character, and the highlight would spill into the number."""
    for span in text:
        if span.kind is SpanKind.PLACEHOLDER:
            p.add_run("[")
            p.add_run(span.text).font.highlight_color = WD_COLOR_INDEX.YELLOW
            p.add_run("]")
        else:
            p.add_run(span.text)
    return p


def _properties(doc: DocumentObject, model: ModelProtocol, when: dt.datetime) -> None:
    props = doc.core_properties
    council = plain(model.council, brackets=False)
    if model.tier is None:
        props.title = f"Model {model.title.lower()} for {GROUP_TITLE[model.group]}"
        props.author = PROJECT_AUTHOR
    else:
        props.title = f"{council}: {model.title}"
        props.author = council
    props.subject = "Councillor–officer protocol"
    props.category = "Councillor–officer protocol"
    props.keywords = "councillor; officer; protocol; local government; model protocol"
    props.language = LANG
    props.comments = (
        "Drafted from the model councillor–officer protocol, which is assembled clause by "
        "clause from five councils' published protocols."
    )
    props.last_modified_by = props.author
    props.created = when
    props.modified = when
    props.revision = 1


def _cover(doc: DocumentObject, model: ModelProtocol) -> None:
    _runs(_add(doc, "Title"), model.council)
    _add(doc, "Subtitle", model.title)
    if model.tier is None:
        doc.add_paragraph().add_run(
            f"A model protocol for {GROUP_TITLE[model.group]}. Replace each highlighted "
            "[bracketed] text with your council's own wording, and delete this paragraph. "
            "Optional clauses you may add are listed at the end."
        ).italic = True
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _no_look(table)
    for line in model.cover:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(line.label).bold = True
        _runs(cells[1].paragraphs[0], line.text)
    _widths(table, (Cm(4.5), Cm(11.5)))


def _widths(table: Table, widths: tuple[Length, Length]) -> None:
    """Fixed column widths (Word reads the cells', LibreOffice the grid's)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _no_look(table: Table) -> None:
    """Drop python-docx's ``w:tblLook``: its attribute form is not in the first edition of
    the standard (Word 2007), and the Table Grid style has no conditional formats to switch."""
    tblpr = table._tbl.tblPr
    for look in tblpr.findall(qn("w:tblLook")):
        tblpr.remove(look)


def _appendix(doc: DocumentObject, model: ModelProtocol) -> None:
    """For the printed model: the clauses that are off by default, to copy in if wanted.

    The appendix is the last numbered section, so its clauses are numbered like the rest
    and keep their Clause style when copied into the section named. Each is introduced by
    its title and why it is off; the ids the ``draft`` command takes are in a table at the
    end, not in the text.
    """
    off = [d for d in model.decisions if not d.included]
    if not off:
        return
    heading = _add(doc, HEADING_STYLE, "Optional clauses not included above")
    heading.paragraph_format.page_break_before = True
    doc.add_paragraph(
        "These clauses are off by default for this kind of council. To use one, copy it into "
        "the section named, or draft your protocol with the 'draft' command and list its id "
        "(in the table at the end) under 'include'."
    )
    ordered = sorted(off, key=lambda d: section_key(d.section))
    section = None
    for d in ordered:
        if d.section != section:
            section = d.section
            _add(doc, SUBHEADING_STYLE, d.heading)
        note = _add(doc, NOTE_STYLE)
        note.add_run(d.title).bold = True
        note.add_run(f" ({d.reason})")
        _runs(_add(doc, CLAUSE_STYLE), d.text)
    _add(doc, SUBHEADING_STYLE, "Ids for the draft command")
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    _no_look(table)
    header = table.rows[0]
    header.cells[0].paragraphs[0].add_run("Clause").bold = True
    header.cells[1].paragraphs[0].add_run("Id").bold = True
    _repeat_header(header)
    for d in ordered:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(d.title)
        cells[1].paragraphs[0].add_run(d.id)
    _widths(table, (Cm(10.5), Cm(5.5)))


def _repeat_header(row: _Row) -> None:
    """Repeat ``row`` at the top of each page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def _footer(doc: DocumentObject, model: ModelProtocol) -> None:
    p = doc.sections[0].footer.paragraphs[0]
    if model.tier is None:
        label = f"Model {model.title.lower()} for {GROUP_TITLE[model.group]}"
    else:
        label = f"{plain(model.council)}: {model.title.lower()}"
    p.add_run(f"{label}  ·  page ")
    _field(p, "PAGE")
    p.add_run(" of ")
    _field(p, "NUMPAGES")


def _field(p: Paragraph, code: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice compute when they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite python-docx's zip with fixed dates and a fixed entry order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return _zip({name: source.read(name) for name in source.namelist()})


def _zip(files: dict[str, bytes]) -> bytes:
    """A zip of ``files``: FIRST_ENTRIES first, then by name; fixed dates and permissions."""
    order = [n for n in FIRST_ENTRIES if n in files]
    order += sorted(n for n in files if n not in FIRST_ENTRIES)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, files[name])
    return out.getvalue()
