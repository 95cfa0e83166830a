"""Draft page benchmark: how heavy the page and its kit are, and how fast the Word file is ready.

    python -m bench.draft_page          # or: make bench-draft

Builds the real site into a temporary folder, then records:

- the compressed size (gzip, as a server sends it) of the page, the drafting kit, the page's
  script and style and the vendored fflate and js-yaml (budget: 300 KB together);
- in Debian's Chromium, for each kind of council: the time from the click on "Download Word
  file" to the download (budget: under 1 s), and the time the page's script reports for
  drafting and zipping alone.

Results go to bench/draft_results.md and bench/draft_results.json.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tests.conftest import ARGS, CHROMIUM

from .synth import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
FILES = (
    "draft/index.html",
    "draft/kit.json",
    "javascripts/draft-core.js",
    "javascripts/draft.js",
    "javascripts/vendor/fflate.min.js",
    "javascripts/vendor/js-yaml.min.js",
    "stylesheets/draft.css",
)
SIZE_BUDGET = 300_000
TIME_BUDGET_S = 1.0
COUNCILS = (
    ("england", "parish", None, "Little Snoring Parish Council"),
    ("england", "district", "executive", "North Norfolk District Council"),
    ("england", "county", "committee", "Kent County Council"),
    ("wales", "community", None, "Vale of Grwyney Community Council"),
    ("wales", "county", None, "Powys County Council"),
)


def sizes(site: Path) -> dict[str, int]:
    """Each file's gzip-compressed size in bytes."""
    return {name: len(gzip.compress((site / name).read_bytes(), 9)) for name in FILES}


def timings(site: Path, rounds: int = 3) -> list[dict[str, Any]]:
    """Click-to-download and in-page drafting times for each kind of council (best of
    ``rounds``)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/draft/"
    out: list[dict[str, Any]] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_context(accept_downloads=True).new_page()
            for nation, tier, governance, name in COUNCILS:
                best_click, best_script = float("inf"), float("inf")
                for _ in range(rounds):
                    page.goto(url)
                    page.wait_for_selector("#draft-app:not([hidden])")
                    page.check(f"#f-nation-{nation}")
                    page.check(f"#f-tier-{tier}")
                    if governance:
                        page.check(f"#f-governance-{governance}")
                    page.click("#draft-next")
                    page.fill("#f-council_name", name)
                    for _ in range(4):
                        page.click("#draft-next")
                    start = time.perf_counter()
                    with page.expect_download() as info:
                        page.click("#draft-docx")
                    info.value.path()
                    best_click = min(best_click, time.perf_counter() - start)
                    best_script = min(
                        best_script, int(page.get_attribute("#draft-app", "data-docx-ms") or 0)
                    )
                out.append(
                    {
                        "council": f"{nation} {tier}" + (f" ({governance})" if governance else ""),
                        "click_to_download_s": round(best_click, 3),
                        "draft_and_zip_ms": best_script,
                    }
                )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)],
            cwd=ROOT,
            env=ENV,
            check=True,
            capture_output=True,
        )
        size = sizes(site)
        times = timings(site)
    total = sum(size.values())
    slowest = max(t["click_to_download_s"] for t in times)
    lines = ["| file | gzip bytes |", "|---|---:|"]
    lines += [f"| {name} | {n:,} |" for name, n in size.items()]
    lines += [f"| **together** | **{total:,}** |", ""]
    lines += ["| council | click to download (s) | draft and zip in the page (ms) |"]
    lines += ["|---|---:|---:|"]
    lines += [
        f"| {t['council']} | {t['click_to_download_s']:.3f} | {t['draft_and_zip_ms']} |"
        for t in times
    ]
    budgets = [
        f"{'ok' if total < SIZE_BUDGET else 'OVER'}: page and kit {total:,} bytes compressed "
        f"(budget {SIZE_BUDGET:,})",
        f"{'ok' if slowest < TIME_BUDGET_S else 'OVER'}: Word file ready in {slowest:.3f} s "
        f"at worst (budget {TIME_BUDGET_S} s)",
    ]
    text = "\n".join(lines) + "\n\n" + "\n".join(budgets)
    print(text)
    here = Path(__file__).parent
    (here / "draft_results.md").write_text(
        f"# Draft page benchmark\n\n{os.cpu_count()} cores, Chromium.\n\n{text}\n",
        encoding="utf-8",
    )
    (here / "draft_results.json").write_text(
        json.dumps({"sizes": size, "total": total, "timings": times, "budgets": budgets}, indent=2)
        + "\n",
        encoding="utf-8",
    )
    return 0 if total < SIZE_BUDGET and slowest < TIME_BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
