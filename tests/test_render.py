"""The one template environment: data reaches a page only through an escaping filter."""

from __future__ import annotations

import ast
import re

import markdown
import pytest

from generator.site.render import UnescapedText, environment
from tests.conftest import ROOT
from tests.hostile_fixture import PAYLOAD
from tests.test_hostile import Live

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


def _render(source: str, **context: object) -> str:
    return environment().from_string(source).render(**context)


def test_text_without_a_filter_is_refused() -> None:
    with pytest.raises(UnescapedText, match="without an escaping filter"):
        _render("# {{ title }}", title="Farnham Town Council")
    assert _render("{{ n }} clauses", n=3) == "3 clauses"  # numbers are not text


def test_undefined_names_are_errors() -> None:
    with pytest.raises(Exception, match="undefined"):
        _render("{{ missing|md }}")


@pytest.mark.parametrize(
    "template",
    [
        "# {{ x|md }} {#a}",
        "- **Council:** {{ x|md }}",
        "| {{ x|md }} | cell |\n|---|---|\n| {{ x|md }} | cell |",
        "[{{ x|md }}](#a)",
        '<p markdown="span">{{ x|md }}</p>',
        '<span data-quote="a-1">{{ x|md }}</span> [¶](#a-1){: .clause-link }',
        '<option value="{{ x|attr }}">{{ x|attr }}</option>',
        '<mark data-differs="{{ x|attr }}">{{ x|md }}</mark>',
    ],
)
def test_a_payload_in_any_context_stays_text(template: str) -> None:
    html = markdown.markdown(_render(template, x=PAYLOAD), extensions=EXTENSIONS)
    page = Live()
    page.feed(html)
    page.close()
    assert not page.running  # no script, event handler or javascript: URL
    assert "<b>" not in html and "<img" not in html
    assert " ".join(PAYLOAD.split()) in " ".join("".join(page.text).split())


def test_the_url_filter_cannot_end_a_link() -> None:
    md = _render("[x]({{ u|url }})", u="a) [y](javascript:alert(1)")
    assert 'href="javascript:' not in markdown.markdown(md)


def test_attr_escapes_braces_and_quotes() -> None:
    assert _render("{{ x|attr }}", x='a "b" {c}') == "a &quot;b&quot; &#123;c&#125;"


# Page code that writes markup itself, instead of handing a view model to a template.
_MARKUP = re.compile(r"<[a-zA-Z/!]|\]\(|\{:|^#+ |\*\*")
_EXEMPT: dict[str, str] = {}  # file name: why it may write markup itself


def test_page_code_writes_no_markup() -> None:
    found = []
    for folder in ("generator/site", "generator/views"):
        for path in sorted((ROOT / folder).glob("*.py")):
            if path.name in _EXEMPT:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.JoinedStr):
                    text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
                    if _MARKUP.search(text):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:60]!r}")
    assert not found, "\n".join(found)
