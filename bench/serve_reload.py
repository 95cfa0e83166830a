"""How long ``mkdocs serve`` takes to show an edit to clauses.yaml.

    python -m bench.serve_reload            # the real five protocols (a copy)
    python -m bench.serve_reload --n 50     # a synthetic project of 50

Starts ``mkdocs serve`` on 127.0.0.1 at a free port in a copy of the project, waits for the
first build, then edits an obligation's title in ``clauses.yaml`` and polls that obligation's
page until the new title is served. Prints the seconds from the edit to the new page (the
budget at N = 5 is 3 s), several times, and the median.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .synth import synthesise

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until ``url`` serves a page containing ``text``; raises on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


def first_obligation(clauses: Path) -> tuple[str, str]:
    """(id, title line) of the first obligation in clauses.yaml."""
    lines = clauses.read_text(encoding="utf-8").split("\n")
    start = lines.index("obligations:")
    for i, line in enumerate(lines[start:], start=start):
        if line.lstrip().startswith("- id:"):
            oid = line.split(":", 1)[1].strip()
            title = next(x for x in lines[i:] if x.lstrip().startswith("title:"))
            return oid, title
    raise SystemExit("no obligation in clauses.yaml")


def measure(project: Path, rounds: int, settle: float = 5.0) -> list[float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    clauses = project / "clauses.yaml"
    oid, title = first_obligation(clauses)
    page = f"{url}obligations/{oid}/"
    log = (project / "serve.log").open("w")
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    try:
        wait_for(page, "<html", timeout=600)
        times = []
        original = clauses.read_text(encoding="utf-8")
        for i in range(rounds):
            marker = f"Edited{i}x"
            time.sleep(settle)  # let the watcher settle after the previous build
            edited = original.replace(title, f"{title.rstrip()} {marker}", 1)
            start = time.perf_counter()
            clauses.write_text(edited, encoding="utf-8")
            wait_for(page, marker, timeout=600)
            times.append(time.perf_counter() - start)
        return times
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
        print((project / "serve.log").read_text()[-1500:]) if os.environ.get("SERVE_LOG") else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.serve_reload",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--n", type=int, default=5, help="protocols (default 5: the real ones)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="protocols-serve-") as tmp:
        project = synthesise(args.n, Path(tmp) / f"n{args.n}")
        times = measure(project, args.rounds)
    print(
        f"N = {args.n}: edit to clauses.yaml served after "
        + ", ".join(f"{t:.2f}" for t in times)
        + f" s; median {statistics.median(times):.2f} s (budget 3 s at N = 5)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
