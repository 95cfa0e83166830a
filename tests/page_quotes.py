"""Reading the quotes out of a built page: every element with ``data-quote`` and its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class _Open:
    clause: str
    depth: int = 0
    text: list[str] = field(default_factory=list)


@dataclass
class QuoteReader(HTMLParser):
    """(clause id, text content) of each ``data-quote`` element, in page order."""

    quotes: list[tuple[str, str]] = field(default_factory=list)
    _open: list[_Open] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        for q in self._open:
            q.depth += 1
        clause = dict(attrs).get("data-quote")
        if clause is not None:
            self._open.append(_Open(clause))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        for q in list(self._open):
            q.depth -= 1
            if q.depth < 0:
                self._open.remove(q)
                self.quotes.append((q.clause, "".join(q.text)))

    def handle_data(self, data: str) -> None:
        for q in self._open:
            q.text.append(data)


def quotes_in(html: str) -> list[tuple[str, str]]:
    reader = QuoteReader()
    reader.feed(html)
    reader.close()
    return reader.quotes


def normalised(text: str) -> str:
    return " ".join(text.split())
