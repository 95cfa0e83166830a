"""Source Markdown to a typed tree of clauses (pure: text in, values out).

The body is read with markdown-it in CommonMark mode with tables and without raw HTML, so
markup in a protocol's text is never executed: ``<script>`` is just words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.core.problems import Problem
from generator.core.types import Clause, Kind
from generator.sources.ids import heading_key, join, number_key

# A printed clause number at the start of a paragraph or heading: "3.5", "9.1.14", "I.1.",
# "12." (bare integers and roman numerals need their dot, so "2020 guidance" is not one).
NUMBER = re.compile(r"^((?:\d+|[IVXLC]+)(?:\.\d+)+\.?|(?:\d+|[IVXLC]+)\.)(?=\s|$)\s*")

# In a heading a bare integer is a number too: "## 7 Correspondence".
HEADING_NUMBER = re.compile(r"^(\d+)(?=\s)\s*")

_MD = MarkdownIt("commonmark", {"html": False}).enable("table")


def split_number(text: str, heading: bool = False) -> tuple[str | None, str]:
    """Split a printed number off the start of ``text``.

    >>> split_number("9.1.14 An Officer must not")
    ('9.1.14', 'An Officer must not')
    >>> split_number("2020 was a year")
    (None, '2020 was a year')
    """
    m = NUMBER.match(text) or (HEADING_NUMBER.match(text) if heading else None)
    if not m:
        return None, text
    return m.group(1), text[m.end() :]


def inline_text(token: Token) -> str:
    """Plain text of an inline token: markup dropped, line breaks as spaces."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


@dataclass
class _Draft:
    """A clause being built; frozen into a Clause when the walk ends."""

    clause: Clause
    texts: list[str] = field(default_factory=list)


@dataclass
class _Walk:
    slug: str
    body_line: int
    path: str
    drafts: list[_Draft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headings: list[Clause] = field(default_factory=list)
    numbered: list[Clause] = field(default_factory=list)
    last_block: Clause | None = None
    ordinals: dict[tuple[str, str], int] = field(default_factory=dict)
    taken: dict[str, int] = field(default_factory=dict)

    def line(self, token: Token) -> int:
        return self.body_line + (token.map[0] if token.map else 0)

    def section(self) -> Clause | None:
        return self.headings[-1] if self.headings else None

    def heading_path(self) -> tuple[str, ...]:
        return tuple(h.text for h in self.headings if h.level > 1)

    def clause(
        self,
        clause_id: str,
        kind: Kind,
        parent: Clause | None,
        line: int,
        *,
        text: str = "",
        number: str | None = None,
        label: str | None = None,
        level: int = 0,
        header: bool = False,
    ) -> Clause:
        """A clause here: under the current headings, inside ``parent``."""
        return Clause(
            id=clause_id,
            kind=kind,
            number=number,
            label=label,
            text=text,
            heading=self.heading_path(),
            parent=parent.id if parent else None,
            line=line,
            level=level,
            header=header,
        )

    def ordinal_id(self, parent: Clause | None, letter: str) -> str:
        base = parent.id if parent else join(self.slug, "preamble")
        key = (base, letter)
        self.ordinals[key] = self.ordinals.get(key, 0) + 1
        return f"{base}-{letter}{self.ordinals[key]}"

    def claim(self, clause_id: str, line: int, what: str) -> None:
        if clause_id in self.taken:
            self.problems.append(
                Problem(
                    self.path,
                    line,
                    f"duplicate clause id '{clause_id}': {what} repeats the one at line "
                    f"{self.taken[clause_id]}; each printed number must be unique",
                )
            )
        else:
            self.taken[clause_id] = line

    def add(self, clause: Clause) -> _Draft:
        self.claim(clause.id, clause.line, f"clause {clause.label or clause.id}")
        draft = _Draft(clause)
        self.drafts.append(draft)
        return draft


def parse_body(
    slug: str, body: str, body_line: int = 1, path: str = ""
) -> tuple[tuple[Clause, ...], list[Problem]]:
    """Parse a protocol's Markdown body into clauses in document order.

    ``body_line`` is the line of the file on which ``body`` starts, so every clause
    knows its line in the file.
    """
    walk = _Walk(slug, body_line, path or f"{slug}.md")
    tokens = _MD.parse(body)
    # Containers open at this point: ("list", parent) / ("item", draft) / ("quote", None) /
    # ("table", parent) / ("row", draft).
    stack: list[tuple[str, object]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t == "heading_open":
            _heading(walk, tok, tokens[i + 1])
            i += 3
            continue
        if t == "paragraph_open":
            inline = tokens[i + 1]
            _paragraph(walk, tok, inline, stack)
            i += 3
            continue
        if t in ("bullet_list_open", "ordered_list_open"):
            parent = _list_parent(walk, stack)
            stack.append(("list", parent))
        elif t == "list_item_open":
            owner = stack[-1][1]
            assert owner is None or isinstance(owner, Clause)
            parent = owner
            depth = sum(1 for kind, _ in stack if kind == "list")
            label = f"{tok.info}{tok.markup}" if tok.info else None
            clause = walk.clause(
                walk.ordinal_id(parent, "b"),
                Kind.ITEM,
                parent,
                walk.line(tok),
                label=label,
                level=depth,
            )
            stack.append(("item", walk.add(clause)))
        elif t == "blockquote_open":
            stack.append(("quote", None))
        elif t == "table_open":
            # A table belongs to the item it sits in, else to its section (or numbered clause).
            in_item = any(kind == "item" for kind, _ in stack)
            owner = (
                _list_parent(walk, stack)
                if in_item
                else (walk.numbered[-1] if walk.numbered else walk.section())
            )
            stack.append(("table", owner))
        elif t == "tr_open":
            table_owner = next(s for s in reversed(stack) if s[0] == "table")[1]
            assert table_owner is None or isinstance(table_owner, Clause)
            parent = table_owner
            header = any(tk.type == "thead_open" for tk in tokens[max(0, i - 1) : i])
            clause = walk.clause(
                walk.ordinal_id(parent, "r"), Kind.ROW, parent, walk.line(tok), header=header
            )
            stack.append(("row", walk.add(clause)))
        elif t in ("th_open", "td_open"):
            row = stack[-1][1]
            assert isinstance(row, _Draft)
            row.texts.append(inline_text(tokens[i + 1]))
            i += 3
            continue
        elif t in (
            "bullet_list_close",
            "ordered_list_close",
            "list_item_close",
            "blockquote_close",
            "table_close",
            "tr_close",
        ):
            stack.pop()
        elif t in ("code_block", "fence"):
            walk.problems.append(
                Problem(
                    walk.path,
                    walk.line(tok),
                    "indented or fenced code block: protocol text must not be indented by "
                    "four spaces (Markdown reads it as code); remove the indentation",
                )
            )
        i += 1
    return _freeze(walk), walk.problems


def _heading(walk: _Walk, tok: Token, inline: Token) -> None:
    level = int(tok.tag[1])
    label, text = split_number(inline_text(inline), heading=True)
    while walk.headings and walk.headings[-1].level >= level:
        walk.headings.pop()
    parent = walk.section()
    line = walk.line(tok)
    if label:
        clause_id = join(walk.slug, number_key(label))
    elif level == 1 and "title" not in {h.id.rsplit("-", 1)[-1] for h in walk.headings}:
        clause_id = join(walk.slug, "title")
    else:
        base = join(walk.slug, heading_key(text))
        clause_id, n = base, 1
        while clause_id in walk.taken:
            n += 1
            clause_id = f"{base}-{n}"
    clause = walk.clause(
        clause_id,
        Kind.HEADING,
        parent,
        line,
        text=text,
        number=label.rstrip(".") if label else None,
        label=label,
        level=level,
    )
    walk.add(clause)
    walk.headings.append(clause)
    walk.numbered = []
    walk.last_block = None


def _paragraph(walk: _Walk, tok: Token, inline: Token, stack: list[tuple[str, object]]) -> None:
    text = inline_text(inline)
    line = walk.line(tok)
    containers = [kind for kind, _ in stack]
    if "row" in containers:
        return
    if "item" in containers:
        item = next(obj for kind, obj in reversed(stack) if kind == "item")
        assert isinstance(item, _Draft)
        item.texts.append(text)
        return
    quoted = "quote" in containers
    if not text:
        return
    label, rest = (None, text) if quoted else split_number(text)
    if label:
        number = label.rstrip(".")
        parent: Clause | None = walk.section()
        for prior in reversed(walk.numbered):
            assert prior.number is not None
            if number.startswith(prior.number + "."):
                parent = prior
                break
        clause = walk.clause(
            join(walk.slug, number_key(label)),
            Kind.PARAGRAPH,
            parent,
            line,
            text=rest,
            number=number,
            label=label,
        )
        walk.numbered.append(clause)
    else:
        parent = walk.numbered[-1] if walk.numbered else walk.section()
        kind = Kind.QUOTE if quoted else Kind.PARAGRAPH
        clause = walk.clause(walk.ordinal_id(parent, "p"), kind, parent, line, text=text)
    walk.add(clause)
    walk.last_block = clause


def _list_parent(walk: _Walk, stack: list[tuple[str, object]]) -> Clause | None:
    """A list or table belongs to the item it is nested in, else to the block before it."""
    for kind, obj in reversed(stack):
        if kind == "item":
            assert isinstance(obj, _Draft)
            return obj.clause
    return walk.last_block or walk.section()


def _freeze(walk: _Walk) -> tuple[Clause, ...]:
    out: list[Clause] = []
    for d in walk.drafts:
        c = d.clause
        if c.kind is Kind.ITEM:
            c = replace(c, text=" ".join(d.texts))
        elif c.kind is Kind.ROW:
            c = replace(c, text=" | ".join(d.texts), cells=tuple(d.texts))
        out.append(c)
    return tuple(out)
