"""The one Jinja environment that renders every generated page from its view model.

Pages are Markdown for MkDocs (with ``attr_list`` and ``md_in_html``) holding some raw HTML.
Data reaches a page only through a filter that says which context it is written into:

- ``md``: Markdown text (a paragraph, heading, list item, table cell or link text): every
  character Markdown or HTML could read as syntax is escaped (``generator.core.markdown_text``).
- ``attr``: raw HTML that Markdown does not read (an attribute value, or the text of an element
  without ``markdown=``): HTML-escaped, braces as character references. Not for data text in an
  ``attr_list`` (``{: aria-label="..." }``): Markdown reads that text as inline Markdown first,
  so templates put only validated ids and clause numbers there, and give a link a longer
  accessible name with visually hidden text inside the link instead.
- ``url``: a link destination: characters outside a URL's safe set are percent-encoded, so a
  destination can neither end the link nor start a new one.
- ``code``: an identifier (an obligation or clause id, validated by the map) as a code span;
  anything that is not an identifier is refused.
- ``html_text``: the text of an HTML element that nothing reads as Markdown (a search entry,
  which the search shows as HTML): ``&``, ``<`` and ``>`` escaped, quote marks and braces kept,
  so the search reads the words as written.

A plain string written without one of them is an error (``finalize`` refuses it), so a template
cannot forget to escape; numbers pass as they are. Undefined names are errors too
(``StrictUndefined``). Templates live in ``templates/`` beside this module: ``pages/`` holds one
template per page kind, ``fragments/`` the macros they share.

Downloads that people read as plain text (the model protocol's ``.md`` file) are rendered by a
second environment, :func:`plain_environment`, from ``templates/downloads/``: no HTML
autoescaping (a clerk would see ``&amp;``), and one filter, ``plain``, that escapes only what
could start a link, an image, emphasis, code or raw HTML. It refuses unfiltered text in the same
way, so every value in a download goes through ``plain``.
"""

from __future__ import annotations

import functools
import html
import json
import re
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.core import links
from generator.core.markdown_text import md_escape_keep_space
from generator.site.front_matter import safe_title
from generator.views.words_display import title_then_statement


class UnescapedText(TypeError):
    """A template wrote a string without saying how to escape it."""


def md(text: str | None) -> Markup:
    """Text for a Markdown context, shown exactly as written (whitespace collapsed)."""
    return Markup(md_escape_keep_space(text or ""))


def attr(text: str | None) -> Markup:
    """Text for raw HTML: an attribute value, or an element's text that Markdown does not read."""
    escaped = html.escape(" ".join((text or "").split()), quote=True)
    # Braces too: in an attr_list value ({: aria-label="..." }) a "}" would end the list.
    return Markup(escaped.replace("{", "&#123;").replace("}", "&#125;"))


def html_text(text: str | None) -> Markup:
    """Text for an HTML element that Markdown never reads (a search entry): markup-inert,
    quotes and braces kept as they are.

    >>> str(html_text('<b>Officers’ "need to know"</b> & {x}'))
    '&lt;b&gt;Officers’ "need to know"&lt;/b&gt; &amp; {x}'
    """
    return Markup(html.escape(text or "", quote=False))


def url(target: str) -> Markup:
    """A link destination (a relative path with an optional ``#anchor``)."""
    return Markup(quote(target, safe="/#.-_~%"))


_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def code(ident: str) -> Markup:
    """An identifier in a Markdown code span: ``obligation-id``. Only identifiers (letters,
    digits, ``.``, ``_``, ``-``), which nothing in a code span can read as markup."""
    if not _IDENTIFIER.match(ident):
        raise UnescapedText(f"the code filter is for identifiers, not {ident[:40]!r}")
    return Markup("`" + ident + "`")


def ext_url(target: str) -> Markup:
    """A link to another site (an ``http(s)://`` address, checked where it was read): kept as
    written except characters that could end a Markdown link destination or break markup."""
    if not target.startswith(("https://", "http://")):
        raise UnescapedText(f"{target[:40]!r} is not an http(s) address")
    return Markup(quote(target, safe=":/?#[]@!$&*+,;=%-._~"))


def yaml_title(text: str) -> Markup:
    """A page title for YAML front matter: a JSON string (valid YAML), never markup."""
    return Markup(json.dumps(safe_title(text), ensure_ascii=False))


def repeat(syntax: str, times: int) -> Markup:
    """Markdown syntax repeated: ``repeat("#", 3)`` for a heading, ``repeat("    ", 2)`` to
    indent a list item. Only for the template's own syntax characters."""
    if syntax not in ("#", "    "):
        raise UnescapedText(f"repeat() is for heading marks and indents, not {syntax!r}")
    return Markup(syntax * times)


_PAGES = {
    name: getattr(links, name)
    for name in (
        "PROTOCOLS_INDEX",
        "OBLIGATIONS_INDEX",
        "COMPARE_INDEX",
        "MATRIX",
        "THEMES",
        "GLOSSARY",
        "LEGISLATION",
        "OPEN_DATA",
        "HOME",
        "MODEL",
        "CHANGES",
        "METHODOLOGY",
        "ACCESSIBILITY",
    )
}


_LIVE_MARKDOWN = re.compile(r"([\\`*_\[\]<>&])")


def plain(text: str) -> Markup:
    """Text for a Markdown download that people also read as plain text: only ``\\``,
    backtick, ``*``, ``_``, brackets, ``<``, ``>`` and ``&`` are escaped (with a backslash), so
    data stays words, nothing can become a link, emphasis, code or HTML, and ordinary
    punctuation stays readable.

    >>> str(plain("[x](javascript:alert(1)) & <b>*a*</b>"))
    '\\\\[x\\\\](javascript:alert(1)) \\\\& \\\\<b\\\\>\\\\*a\\\\*\\\\</b\\\\>'
    """
    return Markup(_LIVE_MARKDOWN.sub(r"\\\1", text))


def plain_spans(spans: Any) -> Markup:
    """A model text (spans of words and placeholders) for a plain-text download: each span
    through :func:`plain`, placeholders in [brackets]."""
    return Markup(
        "".join(
            "[" + plain(s.text) + "]" if s.kind == "placeholder" else plain(s.text) for s in spans
        )
    )


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        if isinstance(value, bool | type(None)):
            raise UnescapedText(f"a template wrote {value!r}; write text, not a flag")
        return value
    raise UnescapedText(
        f"a template wrote the text {value[:40]!r} without an escaping filter "
        "(use |md in Markdown, |attr in raw HTML, |url for a link)"
    )


def _environment(*, autoescape: bool, **options: Any) -> Environment:
    """An environment over ``templates/`` with the rules every output shares: undefined names
    and unfiltered text are errors, block tags leave no blank lines, templates edited under
    ``mkdocs serve`` are read again."""
    return Environment(
        loader=PackageLoader("generator.site", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
        **options,
    )


@functools.cache
def environment() -> Environment:
    """The environment, made once (compiled templates are kept between pages)."""
    # Markdown's own "{#id}" anchors must pass through: template comments are {## ##}.
    env = _environment(autoescape=True, comment_start_string="{##", comment_end_string="##}")
    env.filters.update(
        md=md,
        attr=attr,
        html_text=html_text,
        url=url,
        ext_url=ext_url,
        code=code,
        yaml_title=yaml_title,
    )
    env.globals.update(
        rel=links.rel,
        protocol_page=links.protocol_page,
        obligation_page=links.obligation_page,
        compare_page=links.compare_page,
        model_download=links.model_download,
        model_page=links.model_page,
        pages=_PAGES,
        repeat=repeat,
        title_then_statement=title_then_statement,
        emsp=Markup("\u2003"),  # the em space between a clause's number and its text
    )
    return env


@functools.cache
def plain_environment() -> Environment:
    """The environment for plain-text downloads (``templates/downloads/``): no autoescaping,
    one escaping filter (``plain``), unfiltered text refused."""
    env = _environment(autoescape=False)
    env.filters.update(plain=plain, spans=plain_spans)
    env.globals.update(emsp=Markup("\u2003"))
    return env


def render_plain(template: str, **context: Any) -> str:
    """Render ``templates/<template>`` as a plain-text download; one final newline."""
    return plain_environment().get_template(template).render(**context).rstrip() + "\n"


def render(template: str, **context: Any) -> str:
    """Render ``templates/<template>`` with the given view model(s); one final newline."""
    return environment().get_template(template).render(**context).rstrip("\n") + "\n"
