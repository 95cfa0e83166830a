"""Reviewers' input shapes, built from the real protocols: Word files, LibreOffice "save as
text", PDF text from ``pdftotext`` and Word files with one paragraph per printed line.

Each builder takes a protocol's clauses and writes a file in one shape, as a clerk's tools
would make it; the diff tests then assert that two shapes of the same text give no changes.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.core.types import Clause, Kind

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


def _add_page_field(paragraph: Any) -> None:
    """A PAGE field, so the printed footer carries the page number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(end)


def write_docx(
    clauses: Sequence[Clause], path: Path, *, running: str | None = None, edit: Any = None
) -> Path:
    """A Word file of the clauses, numbers typed, headings styled, bullets as list items;
    ``running`` puts a running header and a page-number footer on every page."""
    import docx

    document = docx.Document()
    table: Any = None
    for c in clauses:
        text = " | ".join(c.cells) if c.cells else c.text
        label = f"{c.label} " if c.label else ""
        if c.kind is Kind.ROW:
            if table is None or len(c.cells) != len(table.columns):
                table = document.add_table(rows=0, cols=len(c.cells))
            cells = table.add_row().cells
            for cell, value in zip(cells, c.cells, strict=True):
                cell.text = value
            continue
        table = None
        if c.kind is Kind.HEADING:
            document.add_heading(label + text, level=min(max(c.level - 1, 0), 3))
        elif c.kind is Kind.ITEM:
            style = "List Bullet" if c.level <= 1 else "List Bullet 2"
            document.add_paragraph(label + text, style=style)
        else:
            document.add_paragraph(label + text)
    if running:
        section = document.sections[0]
        section.header.paragraphs[0].text = running
        footer = section.footer.paragraphs[0]
        footer.text = "Page "
        _add_page_field(footer)
    document.save(str(path))
    return path


def write_paragraph_lines(clauses: Sequence[Clause], path: Path, encoding: str = "utf-8") -> Path:
    """One paragraph per line, no blank lines, bullets with a glyph: text copied from a page."""
    lines: list[str] = []
    for c in clauses:
        text = "\t".join(c.cells) if c.cells else c.text
        label = f"{c.label} " if c.label else ""
        if c.kind is Kind.ITEM:
            lines.append(f"• {label}{text}")
        else:
            lines.append(label + text)
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def soffice(source: Path, target: str, outdir: Path) -> Path:
    """Convert with LibreOffice (``target``: 'txt', 'docx', 'pdf'); returns the new file."""
    assert LIBREOFFICE is not None, "libreoffice is needed: run `make system-deps`"
    filters = {"txt": "txt:Text (encoded):UTF8", "docx": "docx:MS Word 2007 XML", "pdf": "pdf"}
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".profile"
    args = [LIBREOFFICE, f"-env:UserInstallation=file://{profile}", "--headless"]
    if source.suffix == ".txt":
        args.append("--infilter=Text (encoded):UTF8,LF,,,")
    args += ["--convert-to", filters[target], "--outdir", str(outdir), str(source)]
    subprocess.run(args, check=True, capture_output=True, timeout=240)
    made = outdir / f"{source.stem}.{target}"
    assert made.is_file(), f"LibreOffice did not write {made}"
    return made


def pdftotext(pdf: Path, out: Path, layout: bool = False) -> Path:
    """``pdftotext`` as a reviewer runs it: default mode (form feeds between pages)."""
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), str(out)]
    subprocess.run(args, check=True, capture_output=True, timeout=120)
    return out
