"""Under ``mkdocs serve``, rebuild only what an edit changed.

MkDocs rebuilds the whole site on every change; an edit to clauses.yaml changes a few dozen of
the site's pages. For the life of one ``mkdocs serve`` process this module remembers, for each
page, the results of MkDocs' two costly steps, keyed by everything each step reads:

- Markdown to HTML (``Page.render``): by the page, its Markdown and the set of files (links are
  checked against it). A page is converted again only when its Markdown changed, and then
  only the pieces of it that changed (generator/markdown_pieces.py).
- The theme's template (``_build_page``): the finished HTML file and the page's search entries,
  by the render key plus the page's front matter, the navigation, ``mkdocs.yml`` and the
  theme overrides.

A page whose conversion or templating logged a warning is never remembered, so ``--strict``
fails again on the next rebuild. The theme's compiled templates are kept too (a Jinja bytecode
cache). ``mkdocs build`` uses none of this: :func:`install` is called only for ``serve``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import write_file

from generator.serve.markdown_pieces import cut

RenderKey = tuple[str, str, int]


@dataclass(frozen=True)
class Rendered:
    """What ``Page.render`` sets on a page."""

    content: str | None
    toc: Any
    title: str | None
    anchor_ids: frozenset[str]
    links_to_anchors: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


@dataclass(frozen=True)
class Built:
    """What templating a page produced: the file's bytes and the page's search entries."""

    html: bytes
    search_entries: tuple[Any, ...]


@dataclass
class _Memory:
    """Everything kept between rebuilds of one serve process."""

    render: Callable[[Page, MkDocsConfig, Files], None]
    rendered: dict[RenderKey, Rendered] = field(default_factory=dict)
    pieces: dict[tuple[str, str, int, bool], Rendered] = field(default_factory=dict)
    built: dict[tuple[RenderKey, str, str], Built] = field(default_factory=dict)
    files_key: int = 0
    site_key: str | None = None
    search_index: Any = None
    """The search plugin's index in the current build, found with the site key."""
    bytecode: jinja2.BytecodeCache = field(default_factory=lambda: _BytecodeMemory())


class _BytecodeMemory(jinja2.BytecodeCache):
    """Compiled templates, keyed by Jinja by template name and source checksum."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_memory: _Memory | None = None


def install() -> None:
    """Wrap MkDocs' page conversion and templating with the caches (once per process)."""
    global _memory
    if _memory is not None:
        return
    _memory = _Memory(Page.render)
    Page.render = _cached_render(_memory)  # type: ignore[method-assign]
    mkdocs_build._build_page = _cached_build_page(mkdocs_build._build_page, _memory)


def new_build(files: Files) -> None:
    """Start a rebuild: a file added or removed, or a change of configuration or theme
    overrides, invalidates every page's entry."""
    if _memory is None:
        return
    _memory.files_key = hash(tuple(sorted(f.src_uri for f in files)))
    _memory.site_key = None
    if len(_memory.rendered) > 4 * len(files):  # pages edited many times: start afresh
        _memory.rendered.clear()
        _memory.pieces.clear()
        _memory.built.clear()


def use_compiled_templates(env: jinja2.Environment) -> None:
    if _memory is not None:
        env.bytecode_cache = _memory.bytecode


class _Warnings(logging.Handler):
    """Counts warnings MkDocs logs while a page is converted or templated."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextlib.contextmanager
def _watching_warnings() -> Iterator[_Warnings]:
    handler = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def _render_key(page: Page, memory: _Memory) -> RenderKey:
    return (page.file.src_uri, page.markdown or "", memory.files_key)


def _render(page: Page, config: MkDocsConfig, files: Files, memory: _Memory) -> Rendered | None:
    """Convert a page's Markdown as MkDocs does; None if a warning was logged."""
    with _watching_warnings() as warnings:
        memory.render(page, config, files)
    if warnings.count:
        return None
    return Rendered(
        page.content,
        page.toc,
        page._title_from_render,
        frozenset(page.present_anchor_ids or ()),
        tuple(
            (f.src_uri, tuple(sorted(v.items()))) for f, v in (page.links_to_anchors or {}).items()
        ),
    )


_END_TEXT = "end-of-piece-for-serve-cache"
_END = f"<p>{_END_TEXT}</p>"
"""A paragraph put after every piece but the last: what comes before it in a piece's HTML is
that piece's part of the page, up to where the next begins, whitespace included."""


def _render_in_pieces(
    page: Page, config: MkDocsConfig, files: Files, memory: _Memory
) -> Rendered | None:
    """Convert a generated page piece by piece (see :mod:`generator.serve.markdown_pieces`),
    converting only the pieces not seen before. None when that cannot be done exactly."""
    markdown = page.markdown or ""
    pieces = cut(markdown) if page.file.generated_by is not None else None
    if not pieces or len(pieces) < 2 or _END in markdown:
        return None
    converted = []
    try:
        for n, piece in enumerate(pieces):
            last = n == len(pieces) - 1
            key = (page.file.src_uri, piece, memory.files_key, last)
            hit = memory.pieces.get(key)
            if hit is None:
                page.markdown = piece if last else f"{piece}\n\n{_END_TEXT}"
                hit = _render(page, config, files, memory)
                if hit is None or not (last or (hit.content or "").endswith(_END)):
                    return None
                memory.pieces[key] = hit
            converted.append(hit)
    finally:
        page.markdown = markdown
    return _join(converted)


def _join(parts: list[Rendered]) -> Rendered | None:
    """One page from its pieces converted separately, exactly as if converted whole; None if
    two pieces share an element id (a heading's id might then have been made unique)."""
    ids: set[str] = set()
    for part in parts:
        if ids & part.anchor_ids:
            return None
        ids |= part.anchor_ids
    links: dict[str, dict[str, str]] = {}
    for part in parts:
        for uri, anchors in part.links_to_anchors:
            links.setdefault(uri, {}).update(anchors)
    tokens = [token for part in parts for token in _flat(part.toc)]
    return Rendered(
        "".join((part.content or "").removesuffix(_END) for part in parts),
        get_toc(nest_toc_tokens(tokens)),
        parts[0].title,
        frozenset(ids),
        tuple((uri, tuple(sorted(v.items()))) for uri, v in links.items()),
    )


def _flat(items: Any) -> Iterator[Any]:
    for item in items:
        yield {"level": item.level, "id": item.id, "name": item.title}
        yield from _flat(item.children)


def _cached_render(memory: _Memory) -> Any:
    def cached(page: Page, config: MkDocsConfig, files: Files) -> None:
        key = _render_key(page, memory)
        hit = memory.rendered.get(key)
        if hit is None:
            hit = _render_in_pieces(page, config, files, memory) or _render(
                page, config, files, memory
            )
            if hit is None:  # a warning: leave the page as MkDocs converted it
                return
            memory.rendered[key] = hit
        page.content, page.toc = hit.content, hit.toc
        page._title_from_render = hit.title
        page.present_anchor_ids = set(hit.anchor_ids)
        page.links_to_anchors = {
            found: dict(v)
            for uri, v in hit.links_to_anchors
            if (found := files.get_file_from_path(uri))
        }

    return cached


def _cached_build_page(build_page: Callable[..., None], memory: _Memory) -> Any:
    def cached(
        page: Page,
        config: MkDocsConfig,
        doc_files: Any,
        nav: Navigation,
        env: jinja2.Environment,
        dirty: bool = False,
        excluded: bool = False,
    ) -> None:
        if memory.site_key is None:  # the first page of a rebuild: every title is known now
            memory.site_key = _site_key(config, nav)
            memory.search_index = _search_index(config)
        meta = json.dumps(page.meta, sort_keys=True, default=str)  # front matter: template, hide
        key = (_render_key(page, memory), meta, memory.site_key)
        index = memory.search_index
        hit = memory.built.get(key)
        if hit is not None and not dirty and not excluded:
            write_file(hit.html, page.file.abs_dest_path)
            if index is not None:
                index.entries.extend(hit.search_entries)
            return
        before = len(index.entries) if index is not None else 0
        with _watching_warnings() as warnings:
            build_page(page, config, doc_files, nav, env, dirty, excluded)
        dest = Path(page.file.abs_dest_path)
        if warnings.count or dirty or excluded or not dest.exists():
            return
        entries = tuple(index.entries[before:]) if index is not None else ()
        memory.built[key] = Built(dest.read_bytes(), entries)

    return cached


def _search_index(config: MkDocsConfig) -> Any:
    """The search plugin's index (entries are appended to ``.entries``), if there is one."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            return index
    return None


def _site_key(config: MkDocsConfig, nav: Navigation) -> str:
    """What every page's template reads besides the page: navigation, configuration, overrides."""
    digest = hashlib.sha256()
    for title, url in _nav_items(nav.items):
        digest.update(f"{title}\0{url}\0".encode())
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    custom = config.theme.custom_dir
    if custom:
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _nav_items(items: Any) -> Iterator[tuple[str | None, str | None]]:
    for item in items:
        yield item.title, getattr(item, "url", None)
        if isinstance(item, Section):
            yield from _nav_items(item.children)
