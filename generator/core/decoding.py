"""Bytes of a user's file to text: the one decoder every reader uses.

Accepted: UTF-8, UTF-8 with a byte order mark (Notepad, Excel's "CSV UTF-8") and UTF-16
with a byte order mark (Word's "Unicode text", PowerShell's default). Anything else is refused
with a problem naming the line and what to do, or, where the caller reads published text that
may predate Unicode, read as Windows-1252 with a warning (``fallback=WINDOWS_1252``).

>>> decode_text("a.md", b"\\xef\\xbb\\xbfcaf\\xc3\\xa9")
('café', [])
>>> decode_text("a.md", "café".encode("utf-16"))
('café', [])
>>> text, problems = decode_text("a.md", b"one\\ncaf\\xe9")
>>> text is None, str(problems[0])
(True, 'a.md:2: not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8')
"""

from __future__ import annotations

import codecs

from generator.core.problems import Problem, Severity

WINDOWS_1252 = "cp1252"
"""The fallback for published text saved by older Windows programs."""

_SAVE_AS = "save the file as UTF-8"


def decode_text(
    path: str, data: bytes, *, fallback: str | None = None
) -> tuple[str | None, list[Problem]]:
    """``data`` as text, and the problems met: (None, [error]) when it cannot be read.

    With ``fallback`` (an encoding that decodes every byte, such as ``WINDOWS_1252``), bytes
    that are not UTF-8 are read in that encoding instead, with a warning.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, [Problem(path, 1, f"the file is UTF-32 text; {_SAVE_AS}")]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(path, data)
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                "the file has NUL bytes: it is UTF-16 without a byte order mark, or not text; "
                + _SAVE_AS,
            )
        ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if fallback is not None:
            return data.decode(fallback, errors="replace"), [
                Problem(
                    path,
                    line,
                    f"not UTF-8: read as {_NAMES.get(fallback, fallback)} instead; check the "
                    "accented letters and quotation marks",
                    Severity.WARNING,
                )
            ]
        bad = data[exc.start : exc.start + 1].hex()
        return None, [Problem(path, line, f"not UTF-8: byte 0x{bad} cannot be decoded; {_SAVE_AS}")]


_NAMES = {WINDOWS_1252: "Windows-1252"}


def _utf16(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    try:
        return data.decode("utf-16"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode("utf-16", errors="replace").count("\n") + 1
        return None, [
            Problem(path, line, f"not valid UTF-16 (it breaks off mid-character); {_SAVE_AS}")
        ]
