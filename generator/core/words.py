"""Word sequences, for proving that no word of a protocol was lost or altered.

A *word* is a maximal run of Unicode letters, digits and underscores (``\\w+``) after NFKC
normalisation, case kept. Punctuation, white space, Markdown markup and bullet glyphs are not
words, so re-joining broken lines and turning glyphs into list items leaves the sequence alone,
while a changed, missing, added or reordered word changes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Word:
    """One word and where it came from."""

    text: str
    """The word itself, NFKC-normalised."""
    line: int
    """1-based line number in the file it was read from."""


@dataclass(frozen=True)
class Dropped:
    """Debris deliberately left out of a source protocol's body."""

    line: str | None = None
    """A whole seed line (compared after stripping) removed wherever it occurs."""
    bullet: str | None = None
    """A glyph used as a bullet: removed where it starts a seed line."""
    reason: str = ""
    """Why it is debris (contents page, running URL, bullet glyph...)."""


def words(text: str) -> list[str]:
    """The word sequence of ``text``.

    >>> words("3.5 Officers’ can’t —  expect:")
    ['3', '5', 'Officers', 'can', 't', 'expect']
    """
    return _WORD.findall(unicodedata.normalize("NFKC", text))


def located_words(text: str, first_line: int = 1) -> list[Word]:
    """The words of ``text``, each with its line number."""
    out: list[Word] = []
    for offset, line in enumerate(text.split("\n")):
        out.extend(Word(w, first_line + offset) for w in words(line))
    return out


def seed_words(seed_text: str, dropped: Iterable[Dropped]) -> list[Word]:
    """The words of a seed text, less the lines and bullet glyphs listed as dropped."""
    drop_lines = {d.line.strip() for d in dropped if d.line is not None}
    bullets = [d.bullet for d in dropped if d.bullet is not None]
    out: list[Word] = []
    for number, line in enumerate(seed_text.split("\n"), start=1):
        stripped = line.strip()
        if stripped in drop_lines:
            continue
        for glyph in bullets:
            if stripped.startswith(glyph + " ") or stripped.startswith(glyph + "\t"):
                stripped = stripped[len(glyph) :]
                break
        out.extend(Word(w, number) for w in words(stripped))
    return out


@dataclass(frozen=True)
class Mismatch:
    """The first place two word sequences part."""

    index: int
    """Position in the sequences where they first differ."""
    expected: Sequence[Word]
    """A few words of the original from that point."""
    actual: Sequence[Word]
    """A few words of the copy from that point."""

    def explain(self, original: str, copy: str) -> str:
        exp = " ".join(w.text for w in self.expected) or "(end of text)"
        act = " ".join(w.text for w in self.actual) or "(end of text)"
        where_o = f"{original}:{self.expected[0].line}" if self.expected else original
        where_c = f"{copy}:{self.actual[0].line}" if self.actual else copy
        return f"word {self.index}: {where_o} has '{exp}' but {where_c} has '{act}'"


def first_mismatch(
    expected: Sequence[Word], actual: Sequence[Word], context: int = 8
) -> Mismatch | None:
    """Where ``actual`` first departs from ``expected``, or None if the words are equal."""
    n = min(len(expected), len(actual))
    for i in range(n):
        if expected[i].text != actual[i].text:
            return Mismatch(i, expected[i : i + context], actual[i : i + context])
    if len(expected) != len(actual):
        return Mismatch(n, expected[n : n + context], actual[n : n + context])
    return None
