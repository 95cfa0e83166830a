"""How well the site's search ranks, over hundreds of queries made from the site's own data.

    python -m bench.search_quality                # the built site in site/ (make site)
    python -m bench.search_quality --site DIR -v  # another build; list every miss

The theme's own search worker runs in Node (bench/search_worker.js) on the built index, so the
ranking is exactly the browser's, without a browser (bench/search_ranking.py types a few
queries into Chromium instead). Queries and what each should find:

- each obligation's title: its page first;
- each glossary term: its entry among the first 5 results;
- 120 seven-word phrases from clauses (a fixed random sample): the clause (or a clause with
  the same words) among the first 10 results, the ones the search shows before scrolling;
- the names of pages a visitor looks for (matrix, glossary, a council): the page in the first 3.

A result is a page with its matching sections under it, as the search shows it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .synth import ROOT

PHRASES = 120
NAVIGATION = [
    ("matrix", "matrix/"),
    ("glossary", "glossary/"),
    ("legislation", "legislation/"),
    ("accessibility", "accessibility/"),
    ("methodology", "methodology/"),
    ("corrections", "corrections/"),
    ("open data", "open-data/"),
    ("themes", "themes/"),
    ("check your protocol", "check/"),
    ("draft your protocol", "draft/"),
    ("obligations", "obligations/"),
]


def queries(site: Path) -> list[tuple[str, str, str, int]]:
    """(kind, query, expected addresses as a regular expression, rank needed) from a site."""
    protocols = json.loads((site / "data" / "protocols.json").read_text("utf-8"))["protocols"]
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    out: list[tuple[str, str, str, int]] = []
    obligations = site / "data" / "obligations.json"
    if obligations.exists():
        for o in json.loads(obligations.read_text("utf-8"))["obligations"]:
            title = re.sub(r"[\"“”()]", "", o["title"])
            out.append(("obligation title", title, rf"^obligations/{o['id']}/$", 1))
    for doc in index["docs"]:
        if doc["location"].startswith("glossary/#"):
            term = re.sub(r"<[^>]+>", "", doc["title"])
            out.append(("glossary term", term, "^" + re.escape(doc["location"]) + "$", 5))
    for query, page in NAVIGATION + [(p["council"], f"protocols/{p['id']}/") for p in protocols]:
        out.append(("page name", query, "^" + re.escape(page) + "$", 3))
    texts: dict[str, list[str]] = {}
    for p in protocols:
        for c in p["clauses"]:
            if c["kind"] != "heading":
                texts.setdefault(" ".join(c["text"].split()).lower(), []).append(c["url"])
    clauses = [
        c
        for p in protocols
        for c in p["clauses"]
        if c["kind"] != "heading" and len(c["text"].split()) >= 12
    ]
    rng = random.Random(15)
    for c in rng.sample(clauses, min(PHRASES, len(clauses))):
        words = c["text"].split()
        start = rng.randrange(0, len(words) - 7)
        phrase = " ".join(words[start : start + 7])
        norm = " ".join(phrase.split()).lower()
        urls = sorted({u for text, us in texts.items() if norm in text for u in us})
        out.append(("clause phrase", phrase, "|".join(re.escape(u) + "$" for u in urls), 10))
    return out


def worker() -> Path:
    spec = importlib.util.find_spec("material")
    assert spec and spec.origin, "mkdocs-material is not installed"
    folder = Path(spec.origin).parent / "templates" / "assets" / "javascripts" / "workers"
    (found,) = folder.glob("search.*.min.js")
    return found


def rank(site: Path, asked: list[tuple[str, str, str, int]]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is needed (make node-deps installs the other tools)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "queries.json"
        path.write_text(json.dumps([[q, e] for _, q, e, _ in asked]), encoding="utf-8")
        done = subprocess.run(
            [
                node,
                str(Path(__file__).with_name("search_worker.js")),
                str(worker()),
                str(site / "search" / "search_index.json"),
                str(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def report(
    asked: list[tuple[str, str, str, int]], results: list[dict[str, Any]], every: bool
) -> str:
    kinds: dict[str, list[int]] = {}
    misses: list[str] = []
    for (kind, query, _, needed), r in zip(asked, results, strict=True):
        got = r["rank"] or 10**6
        kinds.setdefault(kind, []).append(got)
        if got > needed:
            where = "not found" if r["rank"] is None else f"at {got}"
            misses.append(f"  {kind}: {query!r} {where} (first: {', '.join(r['first'])})")
    lines = []
    for kind, ranks in kinds.items():
        needed = next(n for k, _, _, n in asked if k == kind)
        ok = sum(1 for x in ranks if x <= needed)
        ranks.sort()
        median = ranks[len(ranks) // 2]
        lines.append(
            f"{kind}: {ok} of {len(ranks)} within the first {needed}; "
            f"median rank {median if median < 10**6 else '-'}"
        )
    if every:
        lines += ["misses:", *misses]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search_quality",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if not (args.site / "search" / "search_index.json").exists():
        print(f"{args.site}: no search/search_index.json; build the site first (make site)")
        return 2
    asked = queries(args.site)
    print(report(asked, rank(args.site, asked), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
