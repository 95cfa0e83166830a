"""The model protocol as a Word document a clerk can edit. ModelProtocol in, bytes out.

What makes it a real Word document, not a printout:

- A4 portrait, 2.5 cm margins; British English (``w:lang en-GB``) on the document defaults
  and on every style used, so Word's spelling checker uses UK English.
- The title and subject, author and keywords in the document properties.
- Section titles in **Heading 1** (so they appear in Word's navigation pane and a table of
  contents); the appendix of optional clauses uses **Heading 2**.
- **Real Word numbering**: one multilevel numbering definition in ``numbering.xml`` with
  levels ``1.`` / ``1.1`` / ``1.1.1``, applied with ``w:numPr`` to every section title
  (level 0), clause (level 1) and clause item (level 2). A clerk who inserts a clause gets
  the numbers after it renumbered by Word.
- Cross-references are printed as text ("paragraph 5.1"): Word does not update them on its
  own, which is why the model keeps them few.
- Placeholders (in the model for no council in particular) are printed in [brackets] and
  highlighted, so they are found by eye and by Find.
- Deterministic: no clock time unless asked for, fixed zip timestamps; two builds of the same
  model are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from generator.drafting.model_protocol import (
    GROUP_TITLE,
    ModelProtocol,
    SpanKind,
    Text,
    plain,
    section_key,
)

LANG = "en-GB"
FONT = "Arial"
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The fixed 'modified' time of documents built with the site (no clock time)."""
CLAUSE_STYLE = "Clause"
ITEM_STYLE = "Clause Item"
ABSTRACT_NUM_ID = 90
NUM_ID = 90
LEVELS = (
    # (format, left indent, hanging indent) in twentieths of a point
    ("%1.", 709, 709),
    ("%1.%2", 709, 709),
    ("%1.%2.%3", 1559, 850),
)


@functools.lru_cache(maxsize=4)  # a rebuild under `mkdocs serve` asks again for the same model
def model_docx(model: ModelProtocol, when: dt.datetime | None = None) -> bytes:
    """The model protocol as .docx bytes. ``when`` is the 'modified' time (default: fixed)."""
    doc = Document()
    _page(doc)
    _styles(doc)
    _numbering(doc)
    _properties(doc, model, when or EPOCH)
    _cover(doc, model)
    for section in model.sections:
        heading = _add(doc, "Heading 1", section.title)
        _number(heading, 0)
        for clause in section.clauses:
            p = _add(doc, CLAUSE_STYLE)
            _runs(p, clause.text)
            _number(p, 1)
            for item in clause.items:
                q = _add(doc, ITEM_STYLE)
                _runs(q, item)
                _number(q, 2)
    if model.tier is None:
        _appendix(doc, model)
    _footer(doc, model)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


def _add(doc: DocumentObject, style: str, text: str = "") -> Paragraph:
    """``doc.add_paragraph(text, style)``, without python-docx looking the style up by name
    (it scans every style in the document each time: most of the time a document took)."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = doc.styles[style].style_id
    return paragraph


def _page(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    section.footer_distance = Cm(1.2)


def _lang(rpr: object) -> None:
    """Set w:lang en-GB on a w:rPr element (replacing any)."""
    element = rpr  # an lxml element with the CT_RPr API
    for old in element.findall(qn("w:lang")):  # type: ignore[attr-defined]
        element.remove(old)  # type: ignore[attr-defined]
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")
    element.append(lang)  # type: ignore[attr-defined]


def _styles(doc: DocumentObject) -> None:
    styles = doc.styles
    # Document defaults: font and language for everything.
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _lang(rpr)
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    _font(normal.element)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, before, after in (
        ("Title", 24, 0, 6),
        ("Subtitle", 14, 0, 18),
        ("Heading 1", 14, 18, 6),
        ("Heading 2", 12, 12, 4),
    ):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold = name != "Subtitle"
        style.font.italic = False
        fmt = style.paragraph_format
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.keep_with_next = True
        _no_border(style.element)
        _font(style.element)
    from docx.enum.style import WD_STYLE_TYPE

    clause = styles.add_style(CLAUSE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    clause.base_style = normal
    clause.quick_style = True
    clause.paragraph_format.space_after = Pt(8)
    item = styles.add_style(ITEM_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    item.base_style = clause
    item.quick_style = True
    item.paragraph_format.space_after = Pt(4)
    for style in styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH or style.type == WD_STYLE_TYPE.CHARACTER:
            rpr = style.element.get_or_add_rPr()
            _lang(rpr)


def _font(style_element: object) -> None:
    """Use FONT for every script, removing the template's theme-font attributes (which
    would win over the plain font name)."""
    rpr = style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _no_border(style_element: object) -> None:
    """Remove the default template's bottom border under Title."""
    ppr = style_element.find(qn("w:pPr"))  # type: ignore[attr-defined]
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _numbering(doc: DocumentObject) -> None:
    """Add the multilevel numbering definition (1. / 1.1 / 1.1.1) and one num using it."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(ABSTRACT_NUM_ID))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel")
    abstract.append(multi)
    name = OxmlElement("w:name")
    name.set(qn("w:val"), "Protocol numbering")
    abstract.append(name)
    for ilvl, (text, left, hanging) in enumerate(LEVELS):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (
            ("w:start", "1"),
            ("w:numFmt", "decimal"),
            ("w:lvlText", text),
            ("w:lvlJc", "left"),
        ):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        tabs = OxmlElement("w:tabs")
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), "num")
        tab.set(qn("w:pos"), str(left))
        tabs.append(tab)
        ppr.append(tabs)
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(left))
        ind.set(qn("w:hanging"), str(hanging))
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    # abstractNum elements must come before every num element.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(NUM_ID))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(ABSTRACT_NUM_ID))
    num.append(ref)
    numbering.append(num)


def _number(p: Paragraph, level: int) -> None:
    """Apply the protocol numbering at ``level`` (0, 1 or 2) to a paragraph with w:numPr."""
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), str(NUM_ID))
    numpr.append(ilvl)
    numpr.append(num_id)
    # numPr goes after pStyle, keepNext etc. (schema order): after pStyle is enough here.
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numpr)
    else:
        ppr.insert(0, numpr)


def _runs(p: Paragraph, text: Text) -> None:
    for span in text:
        if span.kind is SpanKind.PLACEHOLDER:
            run = p.add_run(f"[{span.text}]")
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        else:
            p.add_run(span.text)


def _properties(doc: DocumentObject, model: ModelProtocol, when: dt.datetime) -> None:
    props = doc.core_properties
    council = plain(model.council, brackets=False)
    if model.tier is None:
        props.title = f"Model {model.title.lower()} for {GROUP_TITLE[model.group]}"
        props.author = "Councillor–officer protocols project"
    else:
        props.title = f"{council}: {model.title}"
        props.author = council
    props.subject = "Councillor–officer protocol"
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
    title = _add(doc, "Title")
    _runs(title, model.council)
    _add(doc, "Subtitle", model.title)
    if model.tier is None:
        note = doc.add_paragraph()
        note.add_run(
            f"A model protocol for {GROUP_TITLE[model.group]}. Replace each highlighted "
            "[bracketed] text with your council's own wording, and delete this paragraph. "
            "Optional clauses you may add are listed at the end."
        ).italic = True
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for line in model.cover:
        cells = table.add_row().cells
        label = cells[0].paragraphs[0]
        label.add_run(line.label).bold = True
        _runs(cells[1].paragraphs[0], line.text)
    table.autofit = False
    for column, width in zip(table.columns, (Cm(4.5), Cm(11.5)), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                para.paragraph_format.space_after = Pt(2)
                para.paragraph_format.space_before = Pt(2)
    doc.add_paragraph()


def _appendix(doc: DocumentObject, model: ModelProtocol) -> None:
    """For the printed model: the clauses that are off by default, to copy in if wanted."""
    off = [d for d in model.decisions if not d.included]
    if not off:
        return
    heading = _add(doc, "Heading 1", "Optional clauses not included above")
    heading.paragraph_format.page_break_before = True
    doc.add_paragraph(
        "These clauses are off by default for this kind of council. To use one, copy it into "
        "the section named, or draft your protocol with the 'draft' command and list its id "
        "under 'include'."
    )
    section = None
    for d in sorted(off, key=lambda d: section_key(d.section)):
        if d.section != section:
            section = d.section
            _add(doc, "Heading 2", f"For section {section}")
        p = doc.add_paragraph()
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.space_after = Pt(2)
        p.add_run(d.title).bold = True
        note = doc.add_paragraph()
        note.paragraph_format.keep_with_next = True
        note.paragraph_format.space_after = Pt(2)
        run = note.add_run(f"Id: {d.id}. {d.reason[0].upper()}{d.reason[1:]}.")
        run.italic = True
        run.font.size = Pt(9)
        if d.text:
            q = doc.add_paragraph()
            _runs(q, d.text)


def _footer(doc: DocumentObject, model: ModelProtocol) -> None:
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    if model.tier is None:
        label = f"Model {model.title.lower()} for {GROUP_TITLE[model.group]}"
    else:
        label = f"{plain(model.council)}: {model.title.lower()}"
    p.add_run(f"{label}  ·  page ")
    _field(p, "PAGE")
    p.add_run(" of ")
    _field(p, "NUMPAGES")
    for run in p.runs:
        run.font.size = Pt(9)


def _field(p: Paragraph, code: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "18")
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps and sorted-as-written entries: same input, same
    bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
