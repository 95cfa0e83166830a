"""Shared helpers for tests: the repository root and a CLI runner."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from generator.cli.app import main

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_protocols"
SEEDS = SOURCES / "seeds"


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run ``python -m generator ARGS`` in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()
