"""A council's own wording with the words that differ from another wording marked.

Only this council's words are shown, each exactly as written, in order: the other wording
decides which of them are marked, never what they say. Words are compared normalised (case,
punctuation and curly quotes ignored, as ``generator.core.wordiff`` does).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.wordiff import Op, diff_words
from generator.views.clause_text import Piece, Segment


def marked(own: Sequence[str], other: str) -> tuple[tuple[Segment, ...], ...]:
    """For each of this council's clause texts ``own``, its words as segments: runs of words
    the ``other`` wording lacks are ``Piece.MARK``, the rest ``Piece.TEXT``, one space apart.

    Joined, each clause's segments are its text with white space normalised.
    """
    joined = " ".join(" ".join(text.split()) for text in own)
    flags: list[bool] = []
    for run in diff_words(other, joined):
        if run.op is Op.DELETED:  # the other wording's words: never shown here
            continue
        flags += [run.op is Op.INSERTED] * len(run.words)
    out: list[tuple[Segment, ...]] = []
    at = 0
    for text in own:
        words = text.split()
        out.append(_segments(words, flags[at : at + len(words)]))
        at += len(words)
    return tuple(out)


def _segments(words: list[str], flags: list[bool]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    start = 0
    for i in range(1, len(words) + 1):
        if i == len(words) or flags[i] != flags[start]:
            if out:
                out.append(Segment(" "))
            kind = Piece.MARK if flags[start] else Piece.TEXT
            out.append(Segment(" ".join(words[start:i]), kind))
            start = i
    return tuple(out)
