"""The drafted Word file as a clerk's word processor shows it: converted by LibreOffice.

python-docx proves the structure; this proves the numbering Word stores is the numbering a
reader sees (1. / 1.1), that the cover block and title print, and that no placeholder is left.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.drafting.docx_writer import model_docx
from generator.drafting.model_protocol import plain
from tests.helpers import ROOT, run_cli
from tests.test_model_docx import parish_model

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = pytest.mark.slow


def _pdf_text(docx: Path) -> str:
    """``docx`` converted by LibreOffice (its own profile, so it runs beside another
    LibreOffice) and read back with pdftotext -layout."""
    if LIBREOFFICE is None or shutil.which("pdftotext") is None:
        pytest.fail("libreoffice and pdftotext are needed: run `make test` to install them")
    profile = docx.parent / "profile"
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = subprocess.run(
        ["pdftotext", "-layout", str(docx.with_suffix(".pdf")), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    work = tmp_path_factory.mktemp("rendered")
    docx = work / "little-snoring.docx"
    code, _, err = run_cli(
        "draft", "--answers", str(ROOT / "examples" / "answers-parish.yaml"), "--out", str(docx)
    )
    assert code == 0, err
    return _pdf_text(docx)


def test_title_and_cover_block_print(pdf_text: str) -> None:
    first_page = pdf_text.split("\f")[0]
    assert "Little Snoring Parish Council" in first_page
    assert re.search(r"Adopted\s+14 May 2026", first_page)
    assert re.search(r"Minute reference\s+26/045", first_page)


def test_word_numbering_renders_as_section_and_clause_numbers(pdf_text: str) -> None:
    numbers = re.findall(r"^\s*(\d+(?:\.\d+)*)\.?\s+\S", pdf_text, flags=re.MULTILINE)
    assert "1" in numbers and "1.1" in numbers and "1.2" in numbers and "2.1" in numbers
    sections = [int(n) for n in numbers if "." not in n and int(n) < 30]
    assert sections[:3] == [1, 2, 3]


def test_no_placeholder_or_variable_is_left(pdf_text: str) -> None:
    assert "{" not in pdf_text and "[" not in pdf_text


CLERK_CLAUSE = "A clause the clerk added with the Clause style alone."
CLERK_ITEM = "An item the clerk added with the Clause Item style alone."


def test_a_paragraph_in_the_clause_style_alone_is_numbered(tmp_path: Path) -> None:
    """What a clerk does in Word: type a paragraph and apply the Clause style (or Clause
    Item). It has no numbering of its own, yet LibreOffice numbers it as the next clause
    (and item), and sub-items print as 1.1.1."""
    model = parish_model()
    doc = Document(io.BytesIO(model_docx(model)))
    for style, words in (("Clause", CLERK_CLAUSE), ("Clause Item", CLERK_ITEM)):
        p = doc.add_paragraph(words, style=style)
        assert p._p.pPr.find(qn("w:numPr")) is None
    docx = tmp_path / "clerk.docx"
    doc.save(str(docx))
    text = _pdf_text(docx)
    last = model.sections[-1]
    clause = f"{last.number}.{len(last.clauses) + 1}"
    assert re.search(rf"^\s*{re.escape(clause)}\s+{CLERK_CLAUSE[:30]}", text, re.MULTILINE), text
    assert re.search(rf"^\s*{re.escape(clause)}\.1\s+{CLERK_ITEM[:30]}", text, re.MULTILINE), text
    with_items = next(c for c in model.clauses if c.items)
    first_item = plain(with_items.items[0])[:30]
    assert re.search(
        rf"^\s*{re.escape(with_items.number)}\.1\s+{re.escape(first_item)}", text, re.MULTILINE
    ), text
