"""Shared fixtures: a temporary project root, the site built once per session, served locally.

Every test that reads a built site shares the one ``built_site`` (or ``scale_site``) and is
marked ``slow`` here, so ``make test-fast`` (``pytest -m "not slow"``) leaves it out; tests
that run a build of their own say ``@pytest.mark.slow`` themselves.

``built_site`` builds the real site with the real ``mkdocs build --strict`` in a copy of the
project, against the real ``clauses.yaml``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_MAP = ROOT / "tests" / "fixtures" / "site" / "clauses.yaml"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def site_map() -> Path:
    """The obligation map the site tests use: the real one (a missing map fails, not skips)."""
    real = ROOT / "clauses.yaml"
    assert real.exists(), f"{real} is missing: the site tests read the real obligation map"
    return real


def make_project(dest: Path, sources: Path | None = None, clauses: Path | None = None) -> Path:
    """A copy of the project under ``dest`` that MkDocs can build on its own.

    ``sources`` replaces ``source_protocols/``; ``clauses`` is copied as ``clauses.yaml``
    (none when None).
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "hooks.py"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    (dest / "generator").symlink_to(ROOT / "generator")  # only for mkdocs.yml's watch list
    src = sources or ROOT / "source_protocols"
    shutil.copytree(src, dest / "source_protocols", ignore=shutil.ignore_patterns("seeds"))
    if clauses is not None:
        shutil.copy2(clauses, dest / "clauses.yaml")
    else:  # MkDocs refuses to watch a file that does not exist
        config = dest / "mkdocs.yml"
        config.write_text(config.read_text().replace("  - clauses.yaml\n", ""))
    return dest


def build(
    project: Path, engine: str = "mkdocs", site: str = "site"
) -> subprocess.CompletedProcess[str]:
    """Run ``<engine> build --strict`` in ``project``; the result, never raising."""
    exe = Path(sys.executable).parent / engine
    return subprocess.run(
        [str(exe), "build", "--strict", "--site-dir", site],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        check=False,
    )


BUILT_SITE_FIXTURES = {"built_site", "site_url", "scale_site", "scale_url"}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads a built site is slow (MkDocs builds it): marked so, whatever it says."""
    for item in items:
        if BUILT_SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per session; the ``site/`` directory."""
    project = make_project(tmp_path_factory.mktemp("project") / "root", clauses=site_map())
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """``site`` served on 127.0.0.1 at a free port; its base URL (ends with '/')."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served locally; its base URL (ends with '/')."""
    with serving(built_site) as url:
        yield url


SCALE_N = 30
"""Protocols in the synthetic project the scale tests use (past every at-scale switch)."""


@pytest.fixture(scope="session")
def scale_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic project of ``SCALE_N`` protocols (bench/synth.py); its root."""
    from bench.synth import synthesise

    return synthesise(SCALE_N, tmp_path_factory.mktemp("scale") / "project")


@pytest.fixture(scope="session")
def scale_site(scale_root: Path) -> Path:
    """The synthetic project's site, built once per session with ``mkdocs build --strict``."""
    result = build(scale_root)
    assert result.returncode == 0, result.stderr[-3000:]
    return scale_root / "site"


@pytest.fixture(scope="session")
def scale_url(scale_site: Path) -> Iterator[str]:
    with serving(scale_site) as url:
        yield url


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (a browser downloaded by Playwright does not work here)."""
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session: Playwright's sync API allows one instance at a time,
    so every browser test shares this one instead of starting its own."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is needed: `make test` installs it (make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@contextlib.contextmanager
def fresh_page(browser: Any, viewport: dict[str, int], **options: Any) -> Iterator[Any]:
    """A page of its own (cookies, storage) at this size in the shared Chromium; ``options``
    as Playwright's ``new_context`` takes them (``java_script_enabled=False``)."""
    context = browser.new_context(viewport=viewport, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A fresh page at desktop width in the shared Chromium."""
    with fresh_page(browser, DESKTOP) as p:
        yield p


@pytest.fixture()
def phone_page(browser: Any) -> Iterator[Any]:
    """A fresh page at phone width in the shared Chromium."""
    with fresh_page(browser, PHONE) as p:
        yield p


def matrix_rows(page: Any) -> list[dict[str, str]]:
    """The matrix page's rows the filters leave shown, each as its data attributes."""
    rows: list[dict[str, str]] = page.eval_on_selector_all(
        "#matrix tbody tr:not([hidden])", "rs => rs.map(r => ({...r.dataset}))"
    )
    return rows


def site_search(page: Any, site_url: str, query: str) -> list[str]:
    """Type ``query`` into the site's search box as a person would; the results, best first.

    Each result is a page with its matching sections under it: the links of one result are
    joined by spaces.
    """
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    # The search worker loads the index in the background; on a busy machine that takes a
    # while, so wait until it says it is ready before typing.
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent && !/Initializing/i.test(m.textContent); }",
        timeout=60000,
    )
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=60000)
    page.wait_for_timeout(300)  # the list settles after the last key
    groups: list[list[str]] = page.eval_on_selector_all(
        ".md-search-result__list > li",
        "lis => lis.map(li => [...li.querySelectorAll('a')].map(a => a.getAttribute('href')))",
    )
    return [" ".join(re.sub(r"\?h=[^#]*", "", h) for h in g) for g in groups]


def axe_violations(page: Any, within: str = "") -> list[str]:
    """What axe-core finds wrong with the page as it is now (or in the first element
    ``within`` selects), one line a rule."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (within) => await axe.run("
        " within ? document.querySelector(within) : document, {resultTypes: ['violations']})",
        within,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]
