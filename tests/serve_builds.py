"""Build a project as ``mkdocs serve`` does: one process, one build, then a rebuild after each
round of edits, with the serve-only caches on.

    python tests/serve_builds.py PROJECT ROUNDS.json

ROUNDS.json is a list of rounds, each a list of ``[path, old, new]`` replacements in files of
PROJECT. The first build goes to ``PROJECT/site-serve-0``, the one after round N to
``site-serve-N``. Prints a JSON list with, for each build, "ok" or the error it ended with.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> int:
    project, rounds = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())
    os.chdir(project)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    outcomes = []
    for n in range(len(rounds) + 1):
        for path, old, new in rounds[n - 1] if n else []:
            text = (project / path).read_text(encoding="utf-8")
            assert old in text, f"{path}: {old!r} not found"
            (project / path).write_text(text.replace(old, new, 1), encoding="utf-8")
        config = load_config("mkdocs.yml", site_dir=str(project / f"site-serve-{n}"))
        if n == 0:
            config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config, serve_url="http://127.0.0.1:8000/")
            outcomes.append("ok")
        except (Exception, SystemExit) as exc:  # MkDocs ends a failed strict build with Abort
            outcomes.append(f"{type(exc).__name__}: {exc}")
    print(json.dumps(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
