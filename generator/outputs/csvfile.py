"""CSV as the project writes it: every cell that a spreadsheet would run as a formula is made
inert first, so a hostile title in clauses.yaml cannot become ``=HYPERLINK(...)`` in a reader's
spreadsheet.

The rule is OWASP's (CSV injection): a cell whose first character is ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return, or the fullwidth and small forms of the first four (``＝ ＋ － ＠
﹦ ﹢ ﹣ ﹫``, which some spreadsheets read as the same), is written with an apostrophe in
front. Spreadsheets show such a cell as text; the apostrophe is the only change.

>>> inert("=HYPERLINK(\\"http://x\\")"), inert("－1"), inert("Councillors"), inert("")
('\\'=HYPERLINK("http://x")', "'－1", 'Councillors', '')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠﹦﹢﹣﹫")
"""First characters that make a spreadsheet read a cell as a formula."""


def inert(cell: str) -> str:
    """``cell`` as a spreadsheet will show it as text: an apostrophe before a formula start."""
    return f"'{cell}" if cell[:1] in FORMULA_STARTS else cell


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    """Rows as CSV text, every cell made inert: RFC 4180 (comma-separated, CRLF line ends, a
    cell quoted when it holds a comma, a quote, a carriage return or a line feed)."""
    out = io.StringIO(newline="")
    # With CRLF as the line end the writer quotes a cell holding a lone carriage return too.
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([inert(cell) for cell in row])
    return out.getvalue()
