"""MkDocs hooks: add the generated pages, and index and rank them for search.

All page logic lives in generator.site.build (pure); this file only hands its output to MkDocs.
Under ``mkdocs serve`` it also turns on generator.serve.serve_cache, so a rebuild converts and
templates only what an edit changed.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markdown import Markdown
from markdown.extensions import Extension
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.core.problems import Severity
from generator.project import load_project
from generator.serve import serve_cache
from generator.site.build import build_pages
from generator.site.model_pages import is_download
from generator.site.search_index import search_index
from generator.views.obligation_view import GROUP_ABOVE
from generator.views.trust import Publisher, last_updated

ROOT = Path(__file__).resolve().parent
_state: dict[str, Any] = {}


class _Download(File):
    """A generated file offered for download as it is (the model protocol's .md), not a page."""

    def is_documentation_page(self) -> bool:
        return False


class CaptionBlock(Extension):
    """Treat ``<caption>`` as block-level, so an ``md_in_html`` table's caption is not put in
    a ``<p>`` (Python-Markdown's list of block-level tags lacks it)."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "caption" not in md.block_level_elements:
            md.block_level_elements.append("caption")


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        serve_cache.install()


def on_config(config: Any) -> Any:
    config.markdown_extensions.append(CaptionBlock())
    _state["publisher"] = Publisher.from_config(config.extra, config.site_url)
    return config


def on_files(files: Files, config: Any) -> Files:
    gc.unfreeze()  # what a previous build (under serve) froze can go now
    gc.disable()  # generation makes many objects and few cycles
    try:
        project, problems = load_project(ROOT)
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            raise PluginError("\n".join(str(p) for p in errors))
        pages = build_pages(project, publisher=_state.get("publisher"))
    finally:
        gc.enable()
    updated = last_updated(project.protocols, project.obligations)
    if updated is not None:  # the footer shows it: a date from the data, never the clock
        config.extra["last_updated"] = updated.date.human()
        config.extra["last_updated_iso"] = updated.date.iso()
        config.extra["last_updated_source"] = updated.source
    _state["project"] = project
    for path, content in sorted(pages.items()):
        if files.get_file_from_path(path) is None:  # a hand-written page wins over a placeholder
            kind = _Download if is_download(path) else File
            files.append(kind.generated(config, path, content=content))
    # The project and the pages stay alive for the whole build: keep the garbage collector
    # from walking them again and again while MkDocs renders (at N = 200 that cost ~10 s).
    gc.freeze()
    serve_cache.new_build(files)
    return files


def on_env(env: Environment, config: Any, files: Files) -> Environment:
    serve_cache.use_compiled_templates(env)
    return env


def on_post_build(config: Any) -> None:
    """The search index as the site serves it: a result per clause and per obligation, ranked
    (generator.site.search_index)."""
    project = _state.get("project")
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if project is None or not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data = search_index(
        data,
        project.protocols,
        config["use_directory_urls"],
        merge_identical=len(project.protocols) > GROUP_ABOVE,
    )
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
