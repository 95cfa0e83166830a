"""Scale benchmark: synthesise N protocols, build the site, and time every stage.

    python -m bench.scale            # N = 5, 50, 200
    python -m bench.scale --large    # and N = 1000
    python -m bench.scale --sizes 5 30

For each N it prints: generation time (reading, validating and building every page in
memory), MkDocs time, total build time, pages, site size, search-index size and peak memory;
and the time of a plain ``mkdocs build`` over the same generated Markdown (no hooks), so the
generator's share of the build shows as a ratio. With N = 5 it also runs ``mkdocs serve`` and
times how long an edit to clauses.yaml takes to be served (bench/serve_reload.py). Results go
to bench/results.md and bench/results.json, to compare between commits. Each build runs
twice and the faster time is kept (``--repeat``): other work on the machine only adds time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from . import serve_reload
from .synth import ROOT, synthesise

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
BIN = Path(sys.executable).parent

GENERATE = """
import json, sys, time
from pathlib import Path
t = time.perf_counter()
from generator.project import load_project
from generator.site.build import build_pages
project, problems = load_project(Path(sys.argv[1]))
pages = build_pages(project)
print(json.dumps({"seconds": time.perf_counter() - t, "pages": len(pages)}))
"""


@dataclass(frozen=True)
class Row:
    """One benchmark run."""

    n: int
    generate_s: float
    """Reading, validating and building every page in memory (the generator's own work)."""
    mkdocs_s: float
    """The rest of the full build: MkDocs and Material rendering the pages."""
    total_s: float
    """``mkdocs build --strict`` with the hooks, end to end."""
    plain_mkdocs_s: float
    """``mkdocs build`` over the same pages already written to disk, without hooks."""
    pages: int
    site_mb: float
    search_index_mb: float
    peak_mb: float
    """Largest resident memory of any stage."""

    @property
    def generator_share(self) -> float:
        return max(0.0, (self.total_s - self.plain_mkdocs_s) / self.total_s)


def _run(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run a command; (wall seconds, peak resident MB of that process, stdout)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{err.read()[-3000:]}")
        return seconds, usage.ru_maxrss / 1024, out.read()


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def _best(args: list[str], cwd: Path, repeat: int) -> tuple[float, float, str]:
    """``_run`` ``repeat`` times: the shortest time (other work on the machine only ever adds
    to a run's time), the largest peak memory, the last output."""
    runs = [_run(args, cwd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def measure(n: int, work: Path, repeat: int = 2) -> Row:
    project = synthesise(n, work / f"n{n}")
    generations = [
        _run([str(BIN / "python"), "-c", GENERATE, str(project)], project) for _ in range(repeat)
    ]
    generate_s = min(json.loads(out)["seconds"] for _, _, out in generations)
    gen_peak = max(peak for _, peak, _ in generations)
    build = [str(BIN / "mkdocs"), "build", "--strict", "-q"]
    total_s, build_peak, _ = _best(build, project, repeat)
    site = project / "site"
    pages = sum(1 for _ in site.rglob("*.html"))
    index = site / "search" / "search_index.json"
    row_site, row_index = _size_mb(site), (index.stat().st_size / 1e6 if index.exists() else 0)

    plain = work / f"plain{n}"
    if plain.exists():
        shutil.rmtree(plain)
    for folder in ("overrides",):
        if (project / folder).is_dir():
            shutil.copytree(project / folder, plain / folder)
    _run(
        [
            str(BIN / "python"),
            "-m",
            "generator",
            "--root",
            str(project),
            "pages",
            str(plain / "docs"),
        ],
        project,
    )
    # The hand-written pages after the generated ones (``pages`` writes only into a folder of
    # its own): a hand-written page wins over a generated placeholder, as in the hooks' build.
    shutil.copytree(project / "docs", plain / "docs", dirs_exist_ok=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - hooks.py\n", "")
    config = "\n".join(
        line
        for line in config.split("\n")
        if not line.startswith("  - clauses.yaml")
        and not line.startswith("  - source_protocols")
        and not line.startswith("  - generator")
    )
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    plain_s, plain_peak, _ = _best(build, plain, repeat)
    return Row(
        n=n,
        generate_s=round(generate_s, 2),
        mkdocs_s=round(total_s - generate_s, 2),
        total_s=round(total_s, 2),
        plain_mkdocs_s=round(plain_s, 2),
        pages=pages,
        site_mb=round(row_site, 1),
        search_index_mb=round(row_index, 2),
        peak_mb=round(max(gen_peak, build_peak, plain_peak), 0),
    )


def budgets(by_n: dict[int, Row], serve_s: float | None = None) -> list[str]:
    """Each budget the measured sizes allow checking: 'met' or 'NOT met', with the figure."""
    checks = []
    if 5 in by_n:
        checks.append(("N=5 full build", by_n[5].total_s, 10.0, "s"))
        checks.append(("N=5 search index", by_n[5].search_index_mb, 1.5, "MB"))
    if serve_s is not None:
        checks.append(("N=5 mkdocs serve shows a clauses.yaml edit", serve_s, 3.0, "s"))
    if 200 in by_n:
        r = by_n[200]
        checks += [
            ("N=200 full build", r.total_s, 90.0, "s"),
            ("N=200 search index", r.search_index_mb, 5.0, "MB"),
            ("N=200 generator share", round(r.generator_share * 100), 20.0, "%"),
        ]
    return [
        f"{name}: {value:g} {unit} (budget {limit:g} {unit}): "
        + ("met" if value < limit else "NOT met")
        for name, value, limit, unit in checks
    ]


def _commit(root: Path) -> str:
    """The checked-out commit, short, read from .git (no git process); '' when unknown."""
    git = root / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if head.startswith("ref: "):
            ref = head[5:]
            if (git / ref).exists():
                head = (git / ref).read_text(encoding="utf-8").strip()
            else:
                packed = (git / "packed-refs").read_text(encoding="utf-8").split("\n")
                head = next(line.split()[0] for line in packed if line.endswith(" " + ref))
        return head[:9]
    except (OSError, StopIteration):
        return ""


def table(rows: list[Row]) -> str:
    head = (
        "| N | generate s | s per protocol | MkDocs s | total s | plain mkdocs s | "
        "generator share | pages | site MB | search index MB | peak MB |"
    )
    lines = [head, "|" + "---|" * 11]
    for r in rows:
        lines.append(
            f"| {r.n} | {r.generate_s:.2f} | {r.generate_s / r.n:.4f} | {r.mkdocs_s:.2f} | "
            f"{r.total_s:.2f} | {r.plain_mkdocs_s:.2f} | {r.generator_share:.0%} | {r.pages} | "
            f"{r.site_mb:.1f} | {r.search_index_mb:.2f} | {r.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.scale",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--large", action="store_true", help="also N = 1000")
    parser.add_argument("--sizes", type=int, nargs="+", help="run these N instead")
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="run each build this many times and keep the fastest (default 2)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "bench",
        help="where results.md and results.json go (default: bench/)",
    )
    args = parser.parse_args(argv)
    sizes = args.sizes or ([5, 50, 200, 1000] if args.large else [5, 50, 200])
    rows: list[Row] = []
    serve: list[float] = []
    with tempfile.TemporaryDirectory(prefix="protocols-bench-") as tmp:
        for n in sizes:
            rows.append(measure(n, Path(tmp), args.repeat))
            print(table(rows[-1:]).split("\n")[-1], flush=True)
        if 5 in sizes:
            serve = serve_reload.measure(Path(tmp) / "n5", rounds=3)
    serve_s = round(statistics.median(serve), 2) if serve else None
    commit = _commit(ROOT)
    text = table(rows)
    by_n = {r.n: r for r in rows}
    if 50 in by_n and 200 in by_n:
        ratio = (by_n[200].generate_s / 200) / (by_n[50].generate_s / 50)
        text += f"\n\nGeneration per protocol, N=200 vs N=50: {ratio:.2f}x (budget 1.5x)"
    if serve:
        times = ", ".join(f"{t:.2f}" for t in serve)
        text += f"\n\nN=5, `mkdocs serve`, an obligation's title edited: served after {times} s"
    text += "\n\n" + "\n".join(budgets(by_n, serve_s))
    print()
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.md").write_text(
        f"# Scale benchmark\n\nCommit {commit}, {os.cpu_count()} cores.\n\n{text}\n",
        encoding="utf-8",
    )
    (args.out / "results.json").write_text(
        json.dumps(
            {
                "commit": commit,
                "rows": [asdict(r) for r in rows],
                "serve_reload_s": serve,
                "budgets": budgets(by_n, serve_s),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
