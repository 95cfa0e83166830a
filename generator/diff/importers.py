"""Reading one revision of a protocol in any published form, as clauses.

Three forms are read: this project's source Markdown (with or without front matter), plain
text as published (extracted from a PDF, with its numbering typed in the text and its debris),
and Word documents (numbering typed, or produced by Word's own list numbering). Plain text and
Word are first turned into this project's Markdown body format and then parsed by
``generator.sources.parse.parse_body``, so numbers, bullets, headings and ids come out exactly
as they do for the hand transcriptions.

PDF debris repaired here: lines broken mid-sentence (also across the blank line some PDFs put
after a paragraph's first line), private-use and other bullet glyphs, "o" and "•" sub-bullets,
bullets whose glyph was lost (a leading space), running URLs, page numbers and contents-page
lines.
"""

from __future__ import annotations

import io
import re
import zipfile
from codecs import BOM_UTF16_BE, BOM_UTF16_LE
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from generator.core.decoding import WINDOWS_1252, decode_text
from generator.core.problems import Problem, Severity
from generator.core.types import Clause, Kind
from generator.diff.text_import import text_to_markdown
from generator.diff.word_import import word_to_markdown
from generator.sources.load import split_front_matter
from generator.sources.parse import parse_body


class SourceKind(StrEnum):
    """The form a revision was read from."""

    MARKDOWN = "markdown"
    """This project's source format, with or without front matter."""
    TEXT = "text"
    """Plain text as published, typically extracted from a PDF."""
    WORD = "word"
    """A Word document (.docx)."""


@dataclass(frozen=True)
class Revision:
    """One version of a protocol, read from a file."""

    path: str
    """The file, as the user named it."""
    kind: SourceKind
    """The form it was read from."""
    markdown: str
    """Its body in this project's Markdown format (converted, for text and Word)."""
    clauses: tuple[Clause, ...]
    """Every heading and clause, in document order; ``line`` is the line (for Word, the
    paragraph) of the original file where the clause starts."""

    @property
    def name(self) -> str:
        """The file's name without its directory."""
        return Path(self.path).name


# --- detecting the kind of a file -------------------------------------------------------

_ZIP_MAGIC = b"PK\x03\x04"
_MD_SUFFIXES = {".md", ".markdown"}
_TEXT_SUFFIXES = {".txt", ".text"}
_WORD_SUFFIXES = {".docx", ".docm"}


def detect_kind(path: str, data: bytes) -> tuple[SourceKind | None, str]:
    """The form of a file from its content first, then its extension: (kind, why not)."""
    suffix = Path(path).suffix.lower()
    if data.startswith(_ZIP_MAGIC):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except Exception:  # zipfile raises several kinds on a damaged archive
            return None, "it looks like a zip archive but cannot be opened (damaged?)"
        if "word/document.xml" in names:
            return SourceKind.WORD, ""
        if "content.xml" in names:
            return None, (
                "it is an OpenDocument file (.odt); save it as .docx (Word) or as text (.txt)"
            )
        return None, "it is a zip archive but not a Word document (no word/document.xml)"
    if suffix in _WORD_SUFFIXES:
        return None, "it is named .docx but is not a Word document (not a zip archive)"
    if data.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")):
        what = "a PDF" if data.startswith(b"%PDF") else "an old-style Word .doc file"
        return None, f"it is {what}; save it as .docx or extract its text to a .txt file"
    if b"\x00" in data[:4096] or data.startswith((BOM_UTF16_LE, BOM_UTF16_BE)):
        text, _ = decode_text(path, data)
        if text is None:
            return None, (
                "it is a binary file, not text, Markdown or a Word document "
                "(text must be UTF-8, UTF-16 or Windows-1252)"
            )
        data = text.encode("utf-8")
    head = data.lstrip(b"\xef\xbb\xbf")
    if suffix not in _MD_SUFFIXES | _TEXT_SUFFIXES:
        start = head[:200].lstrip().lower()
        if start.startswith(b"{\\rtf"):
            return None, "it is an RTF file; save it as .docx (Word) or as text (.txt)"
        if start.startswith((b"<!doctype html", b"<html")) or suffix in {".html", ".htm"}:
            return None, (
                "it is a web page (HTML); save it as text (.txt), or copy its text into a .txt file"
            )
    if head.startswith(b"---\n") or head.startswith(b"---\r\n") or suffix in _MD_SUFFIXES:
        return SourceKind.MARKDOWN, ""
    if suffix in _TEXT_SUFFIXES:
        return SourceKind.TEXT, ""
    text = head[:20000].decode("utf-8", errors="replace")
    if re.search(r"^#{1,3} \S", text, re.MULTILINE) and re.search(r"^- \S", text, re.MULTILINE):
        return SourceKind.MARKDOWN, ""
    if suffix == "" or suffix in {".asc", ".utf8"}:
        return SourceKind.TEXT, ""
    return None, (
        f"unknown kind of file '{suffix}': give a protocol as .md (this project's format), "
        ".txt (plain text as published) or .docx (Word)"
    )


# --- the I/O edge -----------------------------------------------------------------------


def read_any(path: Path) -> tuple[Revision | None, list[Problem]]:
    """Read a protocol revision from a .md, .txt or .docx file; problems name the file."""
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            # A FIFO would block the read; a device is no protocol.
            return None, [Problem(str(path), 0, "is not a regular file (a pipe or a device)")]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(str(path), 0, "no such file")]
    except IsADirectoryError:
        return None, [Problem(str(path), 0, "is a directory, not a protocol file")]
    except OSError as exc:
        return None, [Problem(str(path), 0, f"cannot read the file: {exc.strerror or exc}")]
    return read_revision(str(path), data)


def read_revision(path: str, data: bytes) -> tuple[Revision | None, list[Problem]]:
    """Bytes of a protocol revision to clauses (pure). Errors mean no revision."""
    kind, why = detect_kind(path, data)
    if kind is None:
        return None, [Problem(path, 0, f"cannot read this file: {why}")]
    problems: list[Problem] = []
    line_map: dict[int, int] = {}
    if kind is SourceKind.WORD:
        markdown, line_map, bad = word_to_markdown(path, data)
        problems += bad
        body, body_line = markdown, 1
    else:
        text, bad = decode_text(path, data, fallback=WINDOWS_1252)
        problems += bad
        if text is None:
            return None, problems
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if kind is SourceKind.MARKDOWN:
            if text.startswith("---\n"):
                _, body, body_line, bad = split_front_matter(path, text)
                problems += bad
            else:
                body, body_line = text, 1
            markdown = body
        else:
            markdown, line_map = text_to_markdown(text)
            body, body_line = markdown, 1
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    clauses, bad = parse_body(_slug(path), body, body_line, path)
    # A published text may repeat a number by mistake; the diff can still compare it.
    problems += [_located(replace(p, severity=Severity.WARNING), line_map, kind) for p in bad]
    clauses = sub_numbers(clauses)
    if line_map:
        clauses = tuple(replace(c, line=_original(c.line, line_map)) for c in clauses)
    if not any(c.kind is not Kind.HEADING for c in clauses):
        problems.append(
            Problem(
                path,
                0,
                f"no clauses found: read as {kind.value}, the file has no "
                "paragraphs, list items or table rows",
            )
        )
        return None, problems
    return Revision(path, kind, markdown, clauses), problems


# "(a)", "(iv)", "(1)", "a)", "1)", "a.", "iv." at the start of a paragraph or item.
_SUB_NUMBER = re.compile(
    r"^(?P<label>\((?P<p>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)"
    r"|(?P<d>[a-z]|[ivxlc]{1,6})[.)]|(?P<n>\d{1,3})\))\s+(?=\S)"
)


def sub_numbers(clauses: Sequence[Clause]) -> tuple[Clause, ...]:
    """Clauses numbered '(a)', '(1)', 'i.' as their number, not part of their text.

    The number is qualified by the numbered clause above it in the same section ('6.2(a)'),
    so a renumbered sub-clause is reported as renumbered and pairs by number.
    """
    out: list[Clause] = []
    base: str | None = None
    for c in clauses:
        if c.kind is Kind.HEADING:
            base = None
        elif c.number:
            base = c.number
        match = _SUB_NUMBER.match(c.text) if c.kind is not Kind.HEADING and not c.number else None
        if match is None:
            out.append(c)
            continue
        core = match.group("p") or match.group("d") or match.group("n")
        label = match.group("label")
        number = f"{base}({core})" if base else f"({core})"
        out.append(replace(c, number=number, label=label, text=c.text[match.end() :]))
    return tuple(out)


_LINE_IN_MESSAGE = re.compile(r"\bline (\d+)\b")


def _located(problem: Problem, line_map: dict[int, int], kind: SourceKind) -> Problem:
    """A problem found in the converted Markdown, pointed at the user's own file: its line
    (for Word, its paragraph), in the location and in the message."""
    if kind is SourceKind.MARKDOWN:
        return problem
    word = "paragraph" if kind is SourceKind.WORD else "line"

    def mapped(match: re.Match[str]) -> str:
        return f"{word} {_original(int(match.group(1)), line_map)}"

    return replace(
        problem,
        line=_original(problem.line, line_map) if problem.line else 0,
        message=_LINE_IN_MESSAGE.sub(mapped, problem.message),
    )


def _original(line: int, line_map: dict[int, int]) -> int:
    """The user's line for a Markdown line: its own, or the nearest before it."""
    while line > 0 and line not in line_map:
        line -= 1
    return line_map.get(line, 0)


def _slug(path: str) -> str:
    """An id prefix from a file name: lowercase letters, digits and single hyphens."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(path).stem.lower()).strip("-") or "revision"
    return stem if stem[0].isalpha() else f"r-{stem}"
