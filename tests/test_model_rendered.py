"""The drafted Word file as a clerk's word processor shows it: converted by LibreOffice.

python-docx proves the structure; this proves the numbering Word stores is the numbering a
reader sees (1. / 1.1), that the cover block and title print, and that no placeholder is left.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.helpers import ROOT, run_cli

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    if LIBREOFFICE is None or shutil.which("pdftotext") is None:
        pytest.fail("libreoffice and pdftotext are needed: run `make test` to install them")
    work = tmp_path_factory.mktemp("rendered")
    docx = work / "little-snoring.docx"
    code, _, err = run_cli(
        "draft", "--answers", str(ROOT / "examples" / "answers-parish.yaml"), "--out", str(docx)
    )
    assert code == 0, err
    profile = work / "profile"
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = subprocess.run(
        ["pdftotext", "-layout", str(work / "little-snoring.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


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
