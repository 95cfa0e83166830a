"""Time the revision diff on two synthetic 400-clause protocols.

Run: .venv/bin/python bench/bench_diff.py

The old version has 20 numbered sections of 19 numbered paragraphs (400 clauses with the
headings). The new version inserts, deletes, rewords, moves and strengthens clauses, the way a
council's yearly review does, so everything after each insertion is renumbered.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.diff.compare import compare
from generator.diff.render import Format, render
from generator.sources.parse import parse_body

VOCABULARY = (
    "council councillor officer clerk member committee chair protocol conduct respect trust "
    "advice decision policy report meeting information document press media public complaint "
    "procedure group political impartial professional confidential relationship standard code "
    "ward resident service budget staff employee manager panel review training support request "
    "matter issue record minute agenda notice letter email correspondence behaviour courtesy"
)
WORDS = VOCABULARY.split()
VERBS = ["must", "should", "may", "will"]


def sentence(rng: random.Random) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 40)))
    return f"The {rng.choice(WORDS)} {rng.choice(VERBS)} {body}."


def document(sections: list[tuple[str, list[str]]]) -> str:
    lines: list[str] = ["# Synthetic protocol", ""]
    for s, (title, paragraphs) in enumerate(sections, start=1):
        lines += [f"## {s}. {title}", ""]
        for p, text in enumerate(paragraphs, start=1):
            lines += [f"{s}.{p} {text}", ""]
    return "\n".join(lines)


def versions(seed: int = 2024) -> tuple[str, str]:
    rng = random.Random(seed)
    old = [
        (f"Section {k} {rng.choice(WORDS)}", [sentence(rng) for _ in range(19)]) for k in range(20)
    ]
    new = [(title, list(paragraphs)) for title, paragraphs in old]
    for _ in range(10):  # inserted paragraphs
        section = rng.choice(new)[1]
        section.insert(rng.randrange(len(section) + 1), sentence(rng))
    for _ in range(10):  # deleted paragraphs
        section = rng.choice(new)[1]
        section.pop(rng.randrange(len(section)))
    for _ in range(20):  # reworded paragraphs
        section = rng.choice(new)[1]
        i = rng.randrange(len(section))
        words = section[i].split()
        words[rng.randrange(2, len(words))] = rng.choice(WORDS)
        section[i] = " ".join(words)
    for _ in range(10):  # strengthened or weakened
        section = rng.choice(new)[1]
        i = rng.randrange(len(section))
        for a, b in (("should", "must"), ("may", "must"), ("must", "should")):
            if f" {a} " in section[i]:
                section[i] = section[i].replace(f" {a} ", f" {b} ", 1)
                break
    for _ in range(5):  # moved to another section
        source, target = rng.choice(new)[1], rng.choice(new)[1]
        target.insert(rng.randrange(len(target) + 1), source.pop(rng.randrange(len(source))))
    return document(old), document(new)


def best_of(repeats: int, func: object) -> tuple[float, float]:
    assert callable(func)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    old_md, new_md = versions()
    old, _ = parse_body("old", old_md)
    new, _ = parse_body("new", new_md)
    comparison = compare(old, new)
    print(f"old: {len(old)} clauses, new: {len(new)} clauses")
    print("changes:", ", ".join(f"{n} {k.value}" for k, n in comparison.summary().items()))
    fastest, median = best_of(10, lambda: compare(old, new))
    print(f"compare: best {fastest * 1000:.1f} ms, median {median * 1000:.1f} ms")
    fastest, median = best_of(10, lambda: parse_body("old", old_md) and parse_body("new", new_md))
    print(f"parse both: best {fastest * 1000:.1f} ms, median {median * 1000:.1f} ms")
    for fmt in Format:
        fastest, _ = best_of(5, lambda fmt=fmt: render(comparison, fmt))
        print(f"render {fmt.value}: best {fastest * 1000:.1f} ms")
    rewritten, _ = parse_body("rewritten", versions(seed=99)[0])
    fastest, _ = best_of(3, lambda: compare(old, rewritten))
    print(f"worst case, every clause different: {fastest * 1000:.1f} ms")


if __name__ == "__main__":
    main()
